// `batchc cancel BATCH_ID`: CancelRunBatch, after confirmation (a question on a terminal,
// `--yes` elsewhere). Runs not yet started will not start; started runs are cancelled.
import { plural } from "@batchc/text";
import { cancelRunBatch } from "@batchc/omics";
import type { Io } from "../io.js";
import { batchIdArg, batchNotFoundHelp, call, confirmed, getBatch, openOmics } from "./omics-common.js";

/** Cancels a batch; exit 1 when the user declines. */
export async function cancelCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const session = await openOmics(options, io);
  try {
    const ok = await confirmed(io, options, "cancel", async () => {
      const b = await getBatch(session, id);
      const name = b.name !== undefined ? ` \`${b.name}\`` : "";
      return `Cancel batch ${id}${name} (${b.status ?? "?"}, ${plural(b.totalRuns ?? 0, "run")})? Runs not yet started will not start; started runs are cancelled.`;
    });
    if (!ok) {
      io.stderr.write(`batch ${id} not cancelled\n`);
      return 1;
    }
    await call("CancelRunBatch", () => cancelRunBatch(session.client, id), {
      ConflictException: `only a batch that is PENDING, SUBMITTING or INPROGRESS can be cancelled, one cancel or delete at a time; see its status with \`batchc status ${id}\``,
      ResourceNotFoundException: batchNotFoundHelp(id),
    });
    io.stdout.write(`cancelling batch ${id}: runs not yet started will not start, started runs are being cancelled\n`);
    io.stderr.write(`follow it with \`batchc status ${id}\`\n`);
    return 0;
  } finally {
    session.close();
  }
}
