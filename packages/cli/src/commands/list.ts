// `batchc list`: every page of ListBatch, with at most one filter (the API takes one per call),
// as a table, json, jsonl or csv.
import { CommandError, type Io } from "../io.js";
import { defined, isoTime, listAllBatches, openOmics, printRows, type BatchItem, type Column } from "./omics-common.js";
import { formatCount } from "@batchc/text";
import { ProgressLine } from "../progress.js";

const COLUMNS: Column<BatchItem>[] = [
  { header: "id", cell: (b) => b.id },
  { header: "name", cell: (b) => b.name },
  { header: "status", cell: (b) => b.status },
  { header: "totalRuns", cell: (b) => b.totalRuns },
  { header: "workflowId", cell: (b) => b.workflowId },
  { header: "createdAt", cell: (b) => isoTime(b.createdAt) },
];

/** Lists run batches; `--status` is upper-cased, so `--status failed` works. */
export async function listCommand(_args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const given = (["status", "name", "run-group-id"] as const).filter((f) => options[f] !== undefined);
  if (given.length > 1) {
    throw new CommandError(
      `give at most one of \`--status\`, \`--name\` and \`--run-group-id\`, not ${given.map((f) => `\`--${f}\``).join(" and ")}`,
      2,
      "ListBatch takes one filter per call; filter the rest with `--format jsonl` and a tool such as `jq`",
    );
  }
  const filter: { status?: string; name?: string; runGroupId?: string } = {};
  if (options.status !== undefined) filter.status = (options.status as string).toUpperCase();
  if (options.name !== undefined) filter.name = options.name as string;
  if (options["run-group-id"] !== undefined) filter.runGroupId = options["run-group-id"] as string;
  const format = (options.format as string | undefined) ?? "table";
  const session = await openOmics(options, io);
  try {
    const line = ProgressLine.open(io);
    const batches = await listAllBatches(session, filter, false, (pages, count) => line?.draw("reading batches: ", `page ${formatCount(pages)}, ${formatCount(count)} batches`));
    line?.clear();
    printRows(batches, COLUMNS, format, io, (b) => defined({ ...b, createdAt: isoTime(b.createdAt) }), "batches");
    if (format === "table") io.stderr.write(`${formatCount(batches.length)} batch${batches.length === 1 ? "" : "es"}\n`);
    return 0;
  } finally {
    session.close();
  }
}
