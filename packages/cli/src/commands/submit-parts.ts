// `batchc submit` of the parts of a program with `maxRunsPerBatch` (docs/language.md §8b), from
// the program or from the folder `compile -o` wrote: the parts are started in order, each
// idempotent by its own `requestId`, and every batch id is printed as it starts. When a part
// fails, the command exits 3 after naming the ids already started; running it again resumes:
// the parts already started are returned by HealthOmics for their requestId, not started again.
import { CommandError, type Io } from "../io.js";
import { jsonDocument } from "../machine-output.js";
import { batchLines, openOmics, waitForBatch } from "./omics-common.js";
import { dryRunData, endpointText, outcome, printDryRun, startedJson, startedLines, uploadAndStart, type PreparedRequest, type Started } from "./submit.js";
import type { GetBatchResponse } from "@batchc/omics";

/** `part 2 of 3 (cohort-part-2-of-3)`. */
function partText(p: PreparedRequest, k: number, count: number): string {
  return `part ${k} of ${count}${p.request.batchName !== undefined ? ` (${p.request.batchName})` : ""}`;
}

/** Submits every part in order; see the file header. */
export async function submitParts(prepared: readonly PreparedRequest[], options: Record<string, unknown>, io: Io, intervalMs: number): Promise<number> {
  const json = options.format === "json";
  try {
    if (options["dry-run"] === true) {
      if (json) {
        io.stdout.write(jsonDocument({ dryRun: true, endpoint: endpointText(options, io), parts: prepared.map(dryRunData) }));
        return 0;
      }
      prepared.forEach((p, i) => {
        io.stdout.write(`${i === 0 ? "" : "\n"}${partText(p, i + 1, prepared.length)}\n`);
        printDryRun(p, options, io);
      });
      return 0;
    }
    const started: Started[] = [];
    for (const [i, p] of prepared.entries()) {
      try {
        started.push(await uploadAndStart(p, options, io, true));
      } catch (err) {
        if (started.length === 0 || !(err instanceof CommandError)) throw err;
        if (json) io.stdout.write(jsonDocument({ parts: started.map((s) => startedJson(s, undefined, {})) }));
        const ids = started.map((s) => `${s.response.id ?? "?"} (${s.prepared.request.batchName ?? "no name"})`).join(", ");
        throw new CommandError(
          `${partText(p, i + 1, prepared.length)} was not started: ${err.message}`,
          3,
          `${started.length === 1 ? "one part was" : `${started.length} parts were`} started: ${ids}. ${err.help !== undefined ? `${err.help}; then run` : "Run"} the same command again to start the rest: the parts already started are found by their requestId, not started twice`,
        );
      }
      if (!json) io.stdout.write(`${i === 0 ? "" : "\n"}${partText(p, i + 1, prepared.length)}\n${startedLines(started[i] as Started).join("\n")}\n`);
    }
    if (options.wait !== true) {
      if (json) io.stdout.write(jsonDocument({ parts: started.map((s) => startedJson(s, undefined, {})) }));
      else io.stderr.write(`follow them with \`batchc status ID\`: ${started.map((s) => s.response.id ?? "?").join(", ")}\n`);
      return 0;
    }
    return await waitForParts(started, options, io, intervalMs);
  } finally {
    await Promise.all(prepared.map((p) => p.dispose()));
  }
}

/** `--wait`: follows each part's batch in turn; exit 1 when any failed, after reporting every one. */
async function waitForParts(started: readonly Started[], options: Record<string, unknown>, io: Io, intervalMs: number): Promise<number> {
  const json = options.format === "json";
  const finals: GetBatchResponse[] = [];
  const problems: CommandError[] = [];
  const session = await openOmics(options, io);
  try {
    for (const s of started) {
      const id = s.response.id;
      if (id === undefined) continue;
      const final = await waitForBatch(session, id, io, { intervalMs });
      finals.push(final);
      if (!json) io.stdout.write(`\n${batchLines(final).join("\n")}\n`);
      try {
        outcome(final, id, s.prepared);
      } catch (err) {
        if (!(err instanceof CommandError)) throw err;
        problems.push(err);
      }
    }
  } finally {
    session.close();
  }
  if (json) io.stdout.write(jsonDocument({ parts: started.map((s, i) => startedJson(s, finals[i], {})) }));
  for (const p of problems) io.stderr.write(`error: ${p.message}\n${p.help !== undefined ? `help: ${p.help}\n` : ""}`);
  return problems.length > 0 ? 1 : 0;
}
