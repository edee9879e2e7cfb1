// `batchc delete BATCH_ID [--runs]`: DeleteBatch (the batch record only), after confirmation.
// With `--runs`, DeleteRunBatch first, a wait until the runs are deleted, then the record — the
// record goes last because, once it is gone, no batch operation can reach the runs.
import { CommandError, type Io } from "../io.js";
import {
  batchIdArg,
  batchNotFoundHelp,
  call,
  confirmed,
  getBatch,
  openOmics,
  waitForBatch,
  type OmicsSession,
} from "./omics-common.js";
import { deleteBatch, deleteRunBatch, type GetBatchResponse } from "@batchc/omics";
import { formatCount, plural } from "@batchc/text";

/** Seconds between polls while the runs are being deleted. */
const DELETE_POLL_MS = 5_000;

/** Deletes a batch record (and with `--runs` its runs first); exit 1 when declined or runs remain. */
export async function deleteCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const withRuns = options.runs === true;
  const session = await openOmics(options, io);
  try {
    const ok = await confirmed(io, options, "delete", async () => {
      const b = await getBatch(session, id);
      const name = b.name !== undefined ? ` \`${b.name}\`` : "";
      const what = withRuns
        ? `and its runs (${plural(b.submissionSummary?.successfulStartSubmissionCount ?? 0, "started run")})`
        : "(the record only: its runs are kept, and no batch command can reach them afterwards)";
      return `Delete batch ${id}${name} (${b.status ?? "?"}) ${what}?`;
    });
    if (!ok) {
      io.stderr.write(`batch ${id} not deleted\n`);
      return 1;
    }
    let deletedRuns: number | undefined;
    if (withRuns) deletedRuns = await deleteRuns(session, id, io);
    await call("DeleteBatch", () => deleteBatch(session.client, id), {
      ConflictException: `a batch record can be deleted once the batch is PROCESSED, FAILED, CANCELLED or RUNS_DELETED; see its status with \`batchc status ${id}\`, or cancel it first with \`batchc cancel ${id}\``,
      ResourceNotFoundException: batchNotFoundHelp(id),
    });
    io.stdout.write(`deleted batch ${id}${deletedRuns !== undefined ? ` and ${plural(deletedRuns, "run")}` : ""}\n`);
    return 0;
  } finally {
    session.close();
  }
}

/** DeleteRunBatch, then polls until the runs are gone; returns how many were deleted. */
async function deleteRuns(session: OmicsSession, id: string, io: Io): Promise<number> {
  let batch = await getBatch(session, id);
  if (batch.status !== "RUNS_DELETED") {
    if (batch.status !== "RUNS_DELETING") {
      await call("DeleteRunBatch", () => deleteRunBatch(session.client, id), {
        ConflictException: `the runs of a batch can be deleted once it is PROCESSED or CANCELLED (it was ${batch.status ?? "?"}), one cancel or delete at a time; wait for it, or cancel it first with \`batchc cancel ${id}\``,
        ResourceNotFoundException: batchNotFoundHelp(id),
      });
    }
    // The status may trail the request for a moment; a few polls later it must have moved.
    let unchanged = 0;
    batch = await waitForBatch(session, id, io, {
      intervalMs: DELETE_POLL_MS,
      describe: deleteProgress,
      interrupted: `HealthOmics goes on deleting the runs; check with \`batchc status ${id}\` and delete the record with \`batchc delete ${id} --yes\``,
      done: (b) => b.status !== "RUNS_DELETING" && (!["PROCESSED", "CANCELLED"].includes(b.status ?? "") || ++unchanged > 3),
    });
  }
  const failed = batch.submissionSummary?.failedDeleteSubmissionCount ?? 0;
  if (batch.status !== "RUNS_DELETED" || failed > 0) {
    throw new CommandError(
      `the runs of batch ${id} were not all deleted (status ${batch.status ?? "?"}, ${plural(failed, "deletion")} failed); the batch record is kept`,
      1,
      `see them with \`batchc runs ${id} --status DELETE_FAILED\`, then run \`batchc delete ${id} --runs\` again`,
    );
  }
  return batch.submissionSummary?.successfulDeleteSubmissionCount ?? 0;
}

function deleteProgress(b: GetBatchResponse): string {
  const s = b.submissionSummary ?? {};
  return `${formatCount(b.runSummary?.deletedRunCount ?? 0)} of ${formatCount(s.successfulStartSubmissionCount ?? 0)} runs deleted, ${formatCount(s.failedDeleteSubmissionCount ?? 0)} failed`;
}
