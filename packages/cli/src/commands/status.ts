// `batchc status BATCH_ID`: one GetBatch, shown as text (status, submission and run counts,
// times) or as the reply's JSON with ISO timestamps. With `--chain`, the batch's resubmission
// chain instead: each batch with its counts, and the runs started across the chain.
import type { Io } from "../io.js";
import { formatCount, plural, safeText } from "@batchc/text";
import { jsonDocument } from "../machine-output.js";
import { chainOutcomes, findChain, startingBatches, type Chain, type RunOutcome } from "./chain.js";
import { batchIdArg, batchJson, batchLines, getBatch, openOmics, type OmicsSession } from "./omics-common.js";

/** Shows a batch; exit 0 whatever its status (use `submit --wait` to act on the outcome). */
export async function statusCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const session = await openOmics(options, io);
  try {
    if (options.chain === true) return await chainStatus(session, id, options, io);
    const batch = await getBatch(session, id);
    if (options.format === "json") io.stdout.write(jsonDocument(batchJson(batch)));
    else io.stdout.write(`${batchLines(batch).join("\n")}\n`);
    return 0;
  } finally {
    session.close();
  }
}

/** The totals of a chain: distinct runSettingIds by what became of them. */
interface ChainTotals {
  /** Started in some batch of the chain. */
  started: number;
  /** Started in more than one batch (never by batchc; say so if it happens). */
  startedMoreThanOnce: number;
  /** Listed only with failed starts. */
  neverStarted: number;
  /** Not yet attempted by a batch that is still starting runs. */
  waitingToStart: number;
}

async function chainStatus(session: OmicsSession, id: string, options: Record<string, unknown>, io: Io): Promise<number> {
  const chain = await findChain(session, id);
  // A batch still starting runs is not listed (its listing is not final); its runs are counted as waiting.
  const starting = startingBatches(chain);
  const outcomes = await chainOutcomes(session, chain, new Set(starting.map((b) => b.id)));
  const totals = totalsOf(outcomes, chain, new Set(starting.map((b) => b.id)));
  if (options.format === "json") {
    io.stdout.write(jsonDocument({ chain: chain.originalId, name: chain.name, batches: chain.batches.map(batchJson), runs: totals }));
    return 0;
  }
  const width = Math.max(...chain.batches.map((b) => b.id.length), 10);
  const statusWidth = Math.max(...chain.batches.map((b) => (b.status ?? "?").length));
  const lines = [`${"chain".padEnd(width)} ${chain.originalId}  ${chain.name}, ${formatCount(chain.batches.length)} ${chain.batches.length === 1 ? "batch" : "batches"}`];
  for (const b of chain.batches) {
    const s = b.submissionSummary ?? {};
    const waiting = (s.pendingStartSubmissionCount ?? 0) > 0 ? `, ${formatCount(s.pendingStartSubmissionCount ?? 0)} waiting to start` : "";
    lines.push(
      `${b.id.padEnd(width)} ${(b.status ?? "?").padEnd(statusWidth)}  ${plural(b.totalRuns ?? 0, "run")}: ` +
        `${formatCount(s.successfulStartSubmissionCount ?? 0)} started, ${formatCount(s.failedStartSubmissionCount ?? 0)} failed to start${waiting}`,
    );
  }
  const twice = totals.startedMoreThanOnce > 0 ? ` (${formatCount(totals.startedMoreThanOnce)} of them in more than one batch)` : "";
  const waiting = totals.waitingToStart > 0 ? `, ${formatCount(totals.waitingToStart)} waiting to start` : "";
  lines.push(`${"total".padEnd(width)} ${plural(totals.started, "run")} started${twice}, ${formatCount(totals.neverStarted)} never started${waiting}`);
  // Names and statuses come from the service: printed safe (escaped, cut, secrets masked).
  io.stdout.write(`${lines.map((l) => safeText(l)).join("\n")}\n`);
  return 0;
}

function totalsOf(outcomes: ReadonlyMap<string, RunOutcome>, chain: Chain, starting: ReadonlySet<string>): ChainTotals {
  const totals: ChainTotals = { started: 0, startedMoreThanOnce: 0, neverStarted: 0, waitingToStart: 0 };
  for (const o of outcomes.values()) {
    if (o.startedIn.length > 0) totals.started++;
    else totals.neverStarted++;
    if (o.startedIn.length > 1) totals.startedMoreThanOnce++;
  }
  for (const b of chain.batches) if (starting.has(b.id)) totals.waitingToStart += b.totalRuns ?? 0;
  return totals;
}
