// `submit`'s guard against a second batch of the same program (see `findPossibleDuplicates` in
// @batchc/omics): before starting, refuse when a batch of the same name that is not finished was
// started from a different request, unless `--allow-duplicate`; after starting, tag the batch
// with its `requestId` so the next submission can tell.
import { describeOmicsError, findPossibleDuplicates, tagRequestId, type StartRunBatchResponse } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { RESUBMIT_OF_TAG } from "./chain.js";
import { call, type OmicsSession } from "./omics-common.js";

/** Throws (exit 1) when a batch named `batchName` is still under way from a different request. */
export async function refuseDuplicates(session: OmicsSession, batchName: string | undefined, requestId: string, options: Record<string, unknown>): Promise<void> {
  if (batchName === undefined || options["allow-duplicate"] === true) return;
  const found = await call("ListBatch", () => findPossibleDuplicates(session.client, batchName, requestId));
  // A resubmission carries the original's name and only runs that did not start: not a second copy.
  const others = found.filter((b) => b.tags[RESUBMIT_OF_TAG] === undefined);
  const first = others[0];
  if (first === undefined) return;
  const from = first.requestId !== undefined ? `requestId \`${first.requestId}\`` : "a request batchc did not tag (an older batchc, or another tool)";
  throw new CommandError(
    `batch ${first.id} named \`${batchName}\` is still ${first.status}, started from ${from}, not \`${requestId}\`${others.length > 1 ? ` (and ${others.length - 1} more)` : ""}`,
    1,
    `it may be this program submitted before (by another batchc version, or with other --var values): follow it with \`batchc status ${first.id}\`; to start another batch anyway, pass \`--allow-duplicate\``,
  );
}

/**
 * Tags a started batch with its `requestId` (TagResource). A failure does not undo the start:
 * a note says that a later submission will not be able to tell this batch apart.
 */
export async function recordRequestId(session: OmicsSession, response: StartRunBatchResponse, requestId: string, io: Io): Promise<void> {
  if (response.arn === undefined) return;
  try {
    await tagRequestId(session.client, response.arn, requestId);
  } catch (err) {
    const { message } = describeOmicsError(err, { operation: "TagResource" });
    io.stderr.write(`note: batch ${response.id ?? "?"} was started, but could not be tagged with its requestId (${message}); allow \`omics:TagResource\` so a later submit can tell it apart\n`);
  }
}
