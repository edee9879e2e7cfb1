// `batchc status BATCH_ID`: one GetBatch, shown as text (status, submission and run counts,
// times) or as the reply's JSON with ISO timestamps.
import type { Io } from "../io.js";
import { batchIdArg, batchJson, batchLines, getBatch, openOmics } from "./omics-common.js";

/** Shows a batch; exit 0 whatever its status (use `submit --wait` to act on the outcome). */
export async function statusCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const session = await openOmics(options, io);
  try {
    const batch = await getBatch(session, id);
    if (options.format === "json") io.stdout.write(`${JSON.stringify(batchJson(batch), null, 2)}\n`);
    else io.stdout.write(`${batchLines(batch).join("\n")}\n`);
    return 0;
  } finally {
    session.close();
  }
}
