// `batchc runs BATCH_ID`: every page of ListRunsInBatch — the runSettingId → runId mapping with
// submission statuses and failure reasons — as a table, json, jsonl or csv. `--status` filters
// on the service side (one listing per status given).
import { didYouMean } from "@batchc/text";
import { CommandError, type Io } from "../io.js";
import { batchIdArg, defined, listAllRuns, openOmics, printRows, type Column, type RunItem } from "./omics-common.js";
import { formatCount } from "@batchc/text";
import { ProgressLine } from "../progress.js";

/** The per-run submission statuses of a batch. */
export const SUBMISSION_STATUSES = ["SUCCESS", "FAILED", "CANCEL_SUCCESS", "CANCEL_FAILED", "DELETE_SUCCESS", "DELETE_FAILED"] as const;

const COLUMNS: Column<RunItem>[] = [
  { header: "runSettingId", cell: (r) => r.runSettingId },
  { header: "runId", cell: (r) => r.runId },
  { header: "submissionStatus", cell: (r) => r.submissionStatus },
  { header: "submissionFailureReason", cell: (r) => r.submissionFailureReason },
  { header: "submissionFailureMessage", cell: (r) => r.submissionFailureMessage },
];

/** `--status` values, upper-cased and checked (a typo is a usage error with a suggestion). */
function parseStatuses(value: unknown): string[] {
  const out: string[] = [];
  for (const raw of (value as string[] | undefined) ?? []) {
    const status = raw.trim().toUpperCase();
    if (!(SUBMISSION_STATUSES as readonly string[]).includes(status)) {
      const hint = didYouMean(status, SUBMISSION_STATUSES);
      throw new CommandError(
        `\`${raw}\` is not a submission status`,
        2,
        `${hint !== undefined ? `${hint} ` : ""}the statuses are ${SUBMISSION_STATUSES.map((s) => `\`${s}\``).join(", ")}`,
      );
    }
    if (!out.includes(status)) out.push(status);
  }
  return out;
}

/** Lists the runs of a batch (runs whose start was not attempted yet are not listed). */
export async function runsCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const statuses = parseStatuses(options.status);
  const format = (options.format as string | undefined) ?? "table";
  const session = await openOmics(options, io);
  try {
    const runs: RunItem[] = [];
    const line = ProgressLine.open(io);
    const progress = (status?: string) => (pages: number, count: number) =>
      line?.draw(`reading the runs of batch ${id}${status !== undefined ? ` (${status})` : ""}: `, `page ${formatCount(pages)}, ${formatCount(count)} runs`, "", "end");
    if (statuses.length === 0) runs.push(...(await listAllRuns(session, id, undefined, false, progress())));
    for (const status of statuses) runs.push(...(await listAllRuns(session, id, status, false, progress(status))));
    line?.clear();
    printRows(runs, COLUMNS, format, io, (r) => defined({ ...r }), "runs");
    if (format === "table") io.stderr.write(`${summary(runs)}\n`);
    return 0;
  } finally {
    session.close();
  }
}

/** `6 runs: 5 SUCCESS, 1 FAILED`. */
function summary(runs: readonly RunItem[]): string {
  const counts = new Map<string, number>();
  for (const r of runs) counts.set(r.submissionStatus ?? "?", (counts.get(r.submissionStatus ?? "?") ?? 0) + 1);
  const parts = [...counts].map(([s, c]) => `${formatCount(c)} ${s}`);
  return `${formatCount(runs.length)} run${runs.length === 1 ? "" : "s"}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
