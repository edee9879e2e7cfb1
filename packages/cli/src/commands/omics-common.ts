// Shared pieces of the HealthOmics commands (submit, status, list, runs, cancel, delete,
// resubmit): the client from options and environment, one exit-3 message per AWS failure,
// batch ids, confirmation of destructive commands, paging, the `--wait` poller and the
// table/json/jsonl/csv printers.
import {
  describeOmicsError,
  getBatch as getBatchCall,
  listBatch,
  listRunsInBatch,
  makeOmicsClient,
  type GetBatchResponse,
  type ListBatchResponse,
  type ListRunsInBatchResponse,
  type OmicsClient,
  type OmicsOperation,
} from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { csvField, formatCount, renderTable, safeText } from "@batchc/text";
import { VERSION } from "../version.js";
import { awsOptions } from "./aws-options.js";
import { jsonDocument } from "../machine-output.js";
import { ProgressLine } from "../progress.js";

/** A connected client. */
export interface OmicsSession {
  client: OmicsClient;
  /** Closes the client's connections. */
  close(): void;
}

/** `--max-attempts N`: a whole number from 1; undefined leaves the SDK's default (3). */
export function parseMaxAttempts(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new CommandError(`\`--max-attempts\` takes a whole number from 1 to 100, not \`${String(value)}\``, 2, "for example `--max-attempts 5`");
  }
  return n;
}

/** `--poll-interval SECONDS` in milliseconds (default 15 s); only allowed with `--wait`. */
export function parsePollInterval(options: Record<string, unknown>): number {
  const value = options["poll-interval"];
  if (value === undefined) return 15_000;
  if (options.wait !== true) throw new CommandError("`--poll-interval` goes with `--wait`", 2, "add `--wait` to follow the batch");
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 86_400) {
    throw new CommandError(`\`--poll-interval\` takes a number of seconds above 0, not \`${String(value)}\``, 2, "for example `--poll-interval 30`");
  }
  return Math.round(n * 1000);
}

/** The Omics endpoint: `--endpoint-url`, else `AWS_ENDPOINT_URL_OMICS`, else `AWS_ENDPOINT_URL`. */
export function omicsEndpointUrl(options: Record<string, unknown>, io: Io): string | undefined {
  const explicit = options["endpoint-url"] as string | undefined;
  if (explicit !== undefined) return explicit;
  if (io.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === "true") return undefined;
  return io.env.AWS_ENDPOINT_URL_OMICS || io.env.AWS_ENDPOINT_URL || undefined;
}

/**
 * A client from `--region`, `--profile`, `--endpoint-url`, `--max-attempts` and the timeout
 * flags; whatever is not given comes from the usual AWS chain (environment, shared config files,
 * SSO, instance role). A set-up problem (no Region, an unknown profile) ends with exit 3.
 */
export async function openOmics(options: Record<string, unknown>, io: Io): Promise<OmicsSession> {
  const aws = awsOptions(options, io);
  const maxAttempts = parseMaxAttempts(options["max-attempts"]);
  const endpointUrl = omicsEndpointUrl(options, io);
  const client = await call(undefined, () =>
    makeOmicsClient({
      ...aws,
      ...(endpointUrl !== undefined ? { endpointUrl } : {}),
      ...(maxAttempts !== undefined ? { maxAttempts } : {}),
      userAgent: `batchc/${VERSION}`,
      env: io.env,
    }),
  );
  return { client, close: () => client.destroy() };
}

/** Better advice than the generic one for some error names, per command. */
export type HelpOverrides = Partial<Record<string, string>>;

/**
 * Runs one SDK call; any failure becomes a `CommandError` with exit code 3 whose message and
 * help come from `describeOmicsError` (credentials masked), or from `help[errorName]`.
 */
export async function call<T>(operation: OmicsOperation | undefined, action: () => Promise<T>, help: HelpOverrides = {}): Promise<T> {
  try {
    return await action();
  } catch (err) {
    if (err instanceof CommandError) throw err;
    const described = describeOmicsError(err, operation !== undefined ? { operation } : {});
    const name = typeof (err as { name?: unknown } | null)?.name === "string" ? (err as { name: string }).name : "";
    throw new CommandError(described.message, 3, help[name] ?? described.help);
  }
}

/** A batch id as the API takes it (digits); anything else is a usage error. */
export function batchIdArg(value: string | undefined): string {
  const id = (value ?? "").trim();
  if (!/^[0-9]{1,18}$/.test(id)) {
    throw new CommandError(`\`${value ?? ""}\` is not a batch id`, 2, "batch ids are digits, such as `5000001`; `batchc list` shows them");
  }
  return id;
}

/** Help for a `ResourceNotFoundException` on a batch id. */
export function batchNotFoundHelp(id: string): string {
  return `check the batch id \`${id}\` (\`batchc list\` shows the batches) and the Region (\`--region\` or \`AWS_REGION\`)`;
}

/** `GetBatch`, parsed. */
export async function getBatch(session: OmicsSession, id: string): Promise<GetBatchResponse> {
  return call("GetBatch", () => getBatchCall(session.client, id), { ResourceNotFoundException: batchNotFoundHelp(id) });
}

/** One item of `ListBatch`. */
export type BatchItem = NonNullable<ListBatchResponse["items"]>[number];
/** One item of `ListRunsInBatch`: a `runSettingId` and what became of it. */
export type RunItem = NonNullable<ListRunsInBatchResponse["runs"]>[number];

/** Every page of `ListBatch` with at most one filter; `strict`: see {@link nextToken}. */
export async function listAllBatches(
  session: OmicsSession,
  filter: { status?: string; name?: string; runGroupId?: string },
  strict = false,
  onPage?: (pages: number, items: number) => void,
): Promise<BatchItem[]> {
  let pages = 0;
  const items: BatchItem[] = [];
  let token: string | undefined;
  do {
    // Statuses are checked by the service, which may know values the model lacks.
    const query = { ...filter, maxItems: 100, ...(token !== undefined ? { startingToken: token } : {}) };
    const page = await call("ListBatch", () => listBatch(session.client, query));
    items.push(...(page.items ?? []));
    onPage?.(++pages, items.length);
    token = nextToken(page.nextToken, token, strict ? "ListBatch" : undefined);
  } while (token !== undefined);
  return items;
}

/** Every page of `ListRunsInBatch`, optionally filtered by one submission status; `strict`: see {@link nextToken}. */
export async function listAllRuns(
  session: OmicsSession,
  batchId: string,
  submissionStatus?: string,
  strict = false,
  onPage?: (pages: number, runs: number) => void,
): Promise<RunItem[]> {
  let pages = 0;
  const runs: RunItem[] = [];
  let token: string | undefined;
  do {
    const query = {
      maxItems: 100,
      ...(submissionStatus !== undefined ? { submissionStatus } : {}),
      ...(token !== undefined ? { startingToken: token } : {}),
    };
    const page = await call("ListRunsInBatch", () => listRunsInBatch(session.client, batchId, query), {
      ResourceNotFoundException: batchNotFoundHelp(batchId),
    });
    runs.push(...(page.runs ?? []));
    onPage?.(++pages, runs.length);
    token = nextToken(page.nextToken, token, strict ? `ListRunsInBatch of batch ${batchId}` : undefined);
  } while (token !== undefined);
  return runs;
}

/**
 * The next page's token. An empty or repeated token ends the listing (never loop forever); for a
 * `strict` listing (one that decides what to start: `what` names it) it is an error instead.
 */
function nextToken(next: string | undefined, previous: string | undefined, what?: string): string | undefined {
  if (next === undefined) return undefined;
  if (next !== "" && next !== previous) return next;
  if (what === undefined) return undefined;
  throw new CommandError(
    `${what} ended on ${next === "" ? "an empty" : "a repeated"} nextToken: the listing is incomplete; try again`,
    3,
    "nothing was started; run the command again in a moment",
  );
}

/**
 * Destructive commands ask on a terminal and need `--yes` elsewhere. Returns false when the
 * user said no. `describe` builds the question (it may call the API to name the batch).
 */
export async function confirmed(io: Io, options: Record<string, unknown>, command: string, describe: () => Promise<string>): Promise<boolean> {
  if (options.yes === true) return true;
  if (!io.confirm) {
    throw new CommandError(
      `\`batchc ${command}\` asks for confirmation, and standard input is not a terminal`,
      2,
      `pass \`--yes\` to ${command} without asking`,
    );
  }
  return io.confirm(await describe());
}

/** Batch statuses after which nothing changes by itself. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(["PROCESSED", "FAILED", "CANCELLED", "RUNS_DELETED", "RUNS_DELETE_FAILED"]);

/** Statuses in which the service is still starting runs (so some may not be listed yet). */
export const STARTING_STATUSES: ReadonlySet<string> = new Set(["CREATING", "PENDING", "SUBMITTING"]);

// ---------------------------------------------------------------------------------------------
// Showing a batch.

const n = (v: number | undefined): string => formatCount(v ?? 0);

/** A timestamp as the API gives it (text, epoch seconds or a Date), as ISO 8601 text. */
export function isoTime(v: string | number | Date | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number") return new Date(v * 1000).toISOString();
  return v;
}

/** The batch as JSON for `--format json`: the GetBatch reply with ISO timestamps. */
export function batchJson(b: GetBatchResponse): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) {
    if (v === undefined) continue;
    out[k] = v instanceof Date || k.endsWith("Time") ? isoTime(v as string | number | Date) : v;
  }
  return out;
}

/** `4/6 submitted, 1 failed, 2 running, 3 completed`: the counts a progress line shows. */
export function progressText(b: GetBatchResponse): string {
  const s = b.submissionSummary ?? {};
  const r = b.runSummary ?? {};
  const failed = (s.failedStartSubmissionCount ?? 0) + (r.failedRunCount ?? 0);
  return `${n(s.successfulStartSubmissionCount)}/${n(b.totalRuns)} submitted, ${n(failed)} failed, ${n(r.runningRunCount)} running, ${n(r.completedRunCount)} completed`;
}

/** The text of `batchc status`: identity, status, counts and times. */
export function batchLines(b: GetBatchResponse): string[] {
  const s = b.submissionSummary ?? {};
  const r = b.runSummary ?? {};
  const lines = [`batch      ${b.id ?? "?"}${b.name !== undefined ? `  ${b.name}` : ""}`, `status     ${b.status ?? "?"}`];
  if (b.failureReason !== undefined) lines.push(`reason     ${b.failureReason}`);
  if (b.arn !== undefined) lines.push(`arn        ${b.arn}`);
  if (b.uuid !== undefined) lines.push(`uuid       ${b.uuid}`);
  if (b.defaultRunSetting?.workflowId !== undefined) lines.push(`workflow   ${b.defaultRunSetting.workflowId}`);
  lines.push(
    `runs       ${n(b.totalRuns)}: ${n(s.successfulStartSubmissionCount)} started, ${n(s.failedStartSubmissionCount)} failed to start, ${n(s.pendingStartSubmissionCount)} waiting to start`,
  );
  const states: [string, number | undefined][] = [
    ["pending", r.pendingRunCount],
    ["starting", r.startingRunCount],
    ["running", r.runningRunCount],
    ["stopping", r.stoppingRunCount],
    ["completed", r.completedRunCount],
    ["failed", r.failedRunCount],
    ["cancelled", r.cancelledRunCount],
    ["deleted", r.deletedRunCount],
  ];
  // Always the main four; the rarer states only when some run is in them.
  const shown = states.filter(([k, v]) => ["running", "completed", "failed", "cancelled"].includes(k) || (v ?? 0) > 0);
  lines.push(`           ${shown.map(([k, v]) => `${n(v)} ${k}`).join(", ")}`);
  if ((s.successfulCancelSubmissionCount ?? 0) + (s.failedCancelSubmissionCount ?? 0) > 0) {
    lines.push(`cancels    ${n(s.successfulCancelSubmissionCount)} accepted, ${n(s.failedCancelSubmissionCount)} failed`);
  }
  if ((s.successfulDeleteSubmissionCount ?? 0) + (s.failedDeleteSubmissionCount ?? 0) > 0) {
    lines.push(`deletes    ${n(s.successfulDeleteSubmissionCount)} accepted, ${n(s.failedDeleteSubmissionCount)} failed`);
  }
  const times: [string, string | number | Date | undefined][] = [
    ["created", b.creationTime],
    ["submitted", b.submittedTime],
    ["processed", b.processedTime],
    ["failed", b.failedTime],
  ];
  for (const [label, t] of times) if (t !== undefined) lines.push(`${label.padEnd(10)} ${isoTime(t)}`);
  // Names, reasons and ids come from the service: control characters escaped, secrets masked, long ones cut.
  return lines.map((l) => safeText(l));
}

// ---------------------------------------------------------------------------------------------
// Waiting.

export interface WaitOptions {
  /** Milliseconds between polls. */
  intervalMs: number;
  /** True when waiting is over; default: a final status. */
  done?: (b: GetBatchResponse) => boolean;
  /** What the lines say the batch is doing (`progressText` by default). */
  describe?: (b: GetBatchResponse) => string;
  /** What Ctrl-C says goes on without batchc (default: the batch keeps running). */
  interrupted?: string;
}

/** Polls after this many unchanged plain lines' worth of time anyway (a heartbeat for CI logs). */
const HEARTBEAT_MS = 5 * 60_000;

/**
 * Polls `GetBatch` until `done`. On a terminal (stderr is a TTY, TERM not dumb) it redraws one
 * progress bar; otherwise it prints a plain line whenever the counts change, and at least every
 * five minutes. The last state is always printed as a plain line. Ctrl-C ends the wait (exit
 * 130) saying that the batch goes on and how to follow it.
 */
export async function waitForBatch(session: OmicsSession, id: string, io: Io, options: WaitOptions): Promise<GetBatchResponse> {
  const done = options.done ?? ((b) => FINAL_STATUSES.has(b.status ?? ""));
  const describe = options.describe ?? progressText;
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const bar = ProgressLine.open(io);
  const heartbeatPolls = Math.max(1, Math.ceil(HEARTBEAT_MS / options.intervalMs));
  const note = options.interrupted ?? `the batch keeps running; follow it with \`batchc status ${id}\``;
  const stopListening = io.onInterrupt?.(() => {
    bar?.clear();
    io.stderr.write(`${bar ? "" : "\n"}interrupted: ${note}\n`);
  });
  let lastLine = "";
  let sinceLine = 0;
  try {
    for (;;) {
      const b = await getBatch(session, id);
      const line = safeText(`batch ${id} ${b.status ?? "?"}: ${describe(b)}`);
      const finished = done(b);
      if (bar) {
        if (finished) bar.finish(line);
        else bar.draw(`${progressBar(b)} `, line, "", "end");
      } else if (finished || line !== lastLine || ++sinceLine >= heartbeatPolls) {
        io.stderr.write(`${line}\n`);
        lastLine = line;
        sinceLine = 0;
      }
      if (finished) return b;
      await sleep(options.intervalMs);
    }
  } finally {
    stopListening?.();
  }
}

/** `[########------------]`: runs that are settled (finished, or failed to start) of all runs. */
function progressBar(b: GetBatchResponse): string {
  const s = b.submissionSummary ?? {};
  const r = b.runSummary ?? {};
  const total = b.totalRuns ?? 0;
  const settled = (s.failedStartSubmissionCount ?? 0) + (r.completedRunCount ?? 0) + (r.failedRunCount ?? 0) + (r.cancelledRunCount ?? 0);
  const width = 20;
  const filled = total === 0 ? 0 : Math.min(width, Math.round((settled / total) * width));
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
}

// ---------------------------------------------------------------------------------------------
// Printing rows.

/** A column of a listing: header (also the csv name) and the cell of one row. */
export interface Column<T> {
  header: string;
  cell: (row: T) => string | number | undefined;
}

function text(v: string | number | undefined): string {
  return v === undefined ? "" : typeof v === "number" ? String(v) : v;
}

/**
 * Prints rows as an aligned table (renderTable), a JSON document with the
 * rows in its `member` array, JSON lines or CSV. `json` gives the object printed for a row in the
 * two JSON formats.
 */
export function printRows<T>(rows: readonly T[], columns: readonly Column<T>[], format: string, io: Io, json: (row: T) => unknown, member: string): void {
  switch (format) {
    case "json":
      io.stdout.write(jsonDocument({ [member]: rows.map(json) }));
      return;
    case "jsonl":
      io.stdout.write(rows.map((r) => `${JSON.stringify(json(r))}\n`).join(""));
      return;
    case "csv":
      io.stdout.write(
        [columns.map((c) => csvField(c.header)).join(","), ...rows.map((r) => columns.map((c) => csvField(text(c.cell(r)))).join(","))]
          .map((l) => `${l}\n`)
          .join(""),
      );
      return;
    default: {
      // Cells come from the service: runs of white space become one space; renderTable escapes the rest.
      const table = [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => text(c.cell(r)).replace(/[ \t\n]+/g, " ")))];
      io.stdout.write(renderTable(table).map((l) => `${l}\n`).join(""));
    }
  }
}

/** Drops undefined members, for JSON output. */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}


