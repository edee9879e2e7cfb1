// `batchc compile FILE --dry-run`: a summary and the expanded runs, in table, json, jsonl or csv.
// Runs come from a second pass over the (already validated) expansion, so nothing is held in
// memory but the rows being printed.
import { effectiveRun, type EffectiveRun, type Value } from "@batchc/language";
import { inlineOutputOrder, runSettingFields, type EmitResult } from "@batchc/omics";
import type { Io } from "../io.js";
import type { LoadedProgram } from "../load.js";
import { csvField, formatBytes, formatCount, renderTable } from "@batchc/text";
import { FORMAT_VERSION } from "../machine-output.js";

export interface PreviewOptions {
  format: string;
  /** Runs to show; the table defaults to 20, the data formats to all. */
  limit: number | undefined;
}

type Emitted = Extract<EmitResult, { ok: true }>;

/** The summary lines: run count, where the runs go, request id. */
export function summaryLines(emitted: Emitted): string[] {
  const n = formatCount(emitted.runCount);
  const lines = [`batch      ${emitted.request.batchName ?? "(no name)"}`];
  if (emitted.settingsFile) {
    lines.push(`runs       ${n}, in a settings file on S3 (more than 100 runs)`);
    lines.push(`settings   ${emitted.settingsFile.uri} (${formatBytes(emitted.settingsFile.bytes)}, would be uploaded)`);
  } else {
    lines.push(`runs       ${n}, inline in the request (batchRunSettings.inlineSettings)`);
  }
  lines.push(`requestId  ${emitted.request.requestId}`);
  return lines;
}

function* effectiveRuns(loaded: LoadedProgram, limit: number | undefined): Generator<EffectiveRun> {
  const expansion = loaded.frontEnd.expansion;
  if (!expansion) return;
  let i = 0;
  for (const run of expansion.runs()) {
    if (limit !== undefined && i >= limit) return;
    i++;
    yield effectiveRun(expansion.defaults, run);
  }
}

/** Writes text to stdout in chunks of about 1 MiB. */
class ChunkedWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly io: Io) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) this.io.stdout.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

/** The summary of one request, as data (`--format json`). */
function summaryData(emitted: Emitted): Record<string, unknown> {
  const settings = emitted.settingsFile;
  return {
    batchName: emitted.request.batchName ?? null,
    runCount: emitted.runCount,
    placement: settings ? "s3" : "inline",
    settingsUri: settings?.uri ?? null,
    settingsBytes: settings?.bytes ?? null,
    requestId: emitted.request.requestId,
  };
}

/**
 * Prints the summary of each request (one per part with `maxRunsPerBatch`, docs/language.md
 * §8b) and the program's effective runs, in order.
 */
export function printPreview(loaded: LoadedProgram, parts: readonly Emitted[], split: boolean, options: PreviewOptions, io: Io): void {
  const emitted = parts[0] as Emitted;
  const summary = parts.flatMap((part, i) => (i === 0 ? summaryLines(part) : ["", ...summaryLines(part)]));
  const total = parts.reduce((n, part) => n + part.runCount, 0);
  const out = new ChunkedWriter(io);
  switch (options.format) {
    case "jsonl":
      for (const run of effectiveRuns(loaded, options.limit)) out.write(`${JSON.stringify(run)}\n`);
      io.stderr.write(`${summary.join("\n")}\n`);
      break;
    case "json": {
      const each = split ? `\n"parts":${JSON.stringify(parts.map(summaryData))},` : "";
      out.write(`{"formatVersion":${FORMAT_VERSION},\n"summary":${JSON.stringify(summaryData(emitted))},${each}\n"defaultRunSetting":${JSON.stringify(emitted.request.defaultRunSetting)},\n"runs":[`);
      let first = true;
      for (const run of effectiveRuns(loaded, options.limit)) {
        out.write(`${first ? "\n" : ",\n"}${JSON.stringify(run)}`);
        first = false;
      }
      out.write("\n]}\n");
      break;
    }
    case "csv":
      writeCsv(effectiveRuns(loaded, options.limit), out);
      io.stderr.write(`${summary.join("\n")}\n`);
      break;
    default:
      out.write(`${summary.join("\n")}\n\n`);
      writeTable(loaded, total, options.limit ?? 20, out);
  }
  out.flush();
}

/** The run's members that are one value each (records have columns per key), in output order. */
const COLUMNS = inlineOutputOrder.filter((k) => k === "runSettingId" || runSettingFields.some((f) => f.name === k && f.merge === "replace")) as readonly (keyof EffectiveRun)[];

function cell(v: Value | undefined): string {
  if (v === undefined) return "";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function writeTable(loaded: LoadedProgram, total: number, limit: number, out: ChunkedWriter): void {
  const rows = [...effectiveRuns(loaded, limit)];
  const used = COLUMNS.filter((c) => rows.some((r) => r[c] !== undefined));
  const paramKeys = unionKeys(rows.map((r) => r.parameters));
  const header = ["#", ...used, ...paramKeys.map((k) => `params.${k}`)];
  const body = rows.map((r, i) => [String(i + 1), ...used.map((c) => cell(r[c])), ...paramKeys.map((k) => cell(r.parameters?.[k]))]);
  // Cells come from data files: renderTable escapes control characters and masks secrets.
  for (const line of renderTable([header, ...body])) out.write(`${line}\n`);
  if (total > rows.length) out.write(`… ${formatCount(total - rows.length)} more\n`);
}

function unionKeys(maps: readonly (Record<string, unknown> | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const m of maps) if (m) for (const k of Object.keys(m)) keys.add(k);
  return [...keys];
}

function writeCsv(runs: Iterable<EffectiveRun>, out: ChunkedWriter): void {
  // Columns must be known before the first row: collect them over all runs first.
  const rows = [...runs];
  const paramKeys = unionKeys(rows.map((r) => r.parameters));
  const tagKeys = unionKeys(rows.map((r) => r.runTags));
  const header = [...COLUMNS, ...paramKeys.map((k) => `params.${k}`), ...tagKeys.map((k) => `runTags.${k}`)];
  out.write(`${header.map(csvField).join(",")}\n`);
  for (const r of rows) {
    const fields = [...COLUMNS.map((c) => cell(r[c])), ...paramKeys.map((k) => cell(r.parameters?.[k])), ...tagKeys.map((k) => cell(r.runTags?.[k]))];
    out.write(`${fields.map(csvField).join(",")}\n`);
  }
}
