// `batchc submit FILE.batch|payload.json`: compile the program (or read and validate a request
// body), upload the settings file above 100 runs, and call StartRunBatch with the content-derived
// `requestId`, so submitting the same batch twice starts it once. `--dry-run` shows what would be
// sent; `--wait` follows the batch to a final status and exits 1 if it failed or a run did not start.
import {
  deriveRequestId,
  maskUrl,
  startRunBatch,
  checkRequestBody,
  stringSchemas,
  type GetBatchResponse,
  type SettingsFile,
  type StartRunBatchRequest,
  type StartRunBatchResponse,
} from "@batchc/omics";
import { nodeHost } from "@batchc/language";
import { CommandError, type Io } from "../io.js";
import { compileRequest } from "./compile.js";
import {
  batchJson,
  batchLines,
  call,
  omicsEndpointUrl,
  openOmics,
  parseMaxAttempts,
  parsePollInterval,
  waitForBatch,
  type OmicsSession,
} from "./omics-common.js";
import { checkNamedSettings, s3EndpointUrl, uploadSettings } from "./upload.js";
import { recordRequestId, refuseDuplicates } from "./duplicate-guard.js";
import { formatBytes, formatCount, plural } from "@batchc/text";
import { jsonDocument } from "../machine-output.js";
import { partFilesOf } from "./part-files.js";

/** A request ready to send, from a `.batch` program or a request `.json` file. */
export interface PreparedRequest {
  /** The file it came from, as given. */
  file: string;
  /** True for a `.batch` program (so `resubmit` can use the file). */
  program: boolean;
  request: StartRunBatchRequest;
  /**
   * The exact bytes to send: what `compile -o` writes for a program, the file's own bytes for a
   * request `.json` that carries its `requestId`. Absent: `JSON.stringify(request)`.
   */
  body?: string;
  /** Runs in the request; undefined for a `.json` body that points to an S3 settings file. */
  runCount: number | undefined;
  /** The local settings file to upload (programs above 100 runs). */
  settingsFile?: SettingsFile;
  /** Removes temporary files. */
  dispose(): Promise<void>;
}

/** What a submission printed as its result (text lines or the JSON object). */
export interface Started {
  response: StartRunBatchResponse;
  prepared: PreparedRequest;
  /** What happened to the settings file, for the text output. */
  upload?: string;
}

/** Checks the options shared by `submit` and `resubmit`; returns the poll interval in ms. */
export function checkSubmitOptions(options: Record<string, unknown>): number {
  parseMaxAttempts(options["max-attempts"]);
  if (options["dry-run"] === true && options.wait === true) {
    throw new CommandError("`--dry-run` and `--wait` do not go together", 2, "a dry run starts nothing to wait for");
  }
  return parsePollInterval(options);
}

/**
 * The requests to send: a `.batch` program compiled (every part's request with
 * `maxRunsPerBatch`), a request `.json` (any name ending in `.json`), or a folder of parts
 * (`NAME-part-K-of-P.json`, as `compile -o FOLDER` writes them).
 */
export async function prepareRequests(file: string, options: Record<string, unknown>, io: Io): Promise<{ prepared: PreparedRequest[]; parts: boolean } | number> {
  if (/\.json$/i.test(file)) {
    const one = await readRequestFile(file, options, io);
    return typeof one === "number" ? one : { prepared: [one], parts: false };
  }
  if (!/\.batch$/i.test(file)) {
    const folder = partFilesOf(file, io);
    if (folder !== undefined) {
      if (options["request-id"] !== undefined) throw new CommandError("`--request-id` does not go with a folder of parts", 2, "each part carries its own `requestId`");
      const prepared: PreparedRequest[] = [];
      for (const part of folder) {
        const one = await readRequestFile(part, options, io);
        if (typeof one === "number") return one;
        prepared.push(one);
      }
      return { prepared, parts: true };
    }
  }
  const compiled = await compileRequest(file, options, io);
  if (typeof compiled === "number") return compiled;
  const prepared = compiled.parts.map((emitted): PreparedRequest => {
    const one: PreparedRequest = { file, program: true, request: emitted.request, body: emitted.json, runCount: emitted.runCount, dispose: compiled.dispose };
    if (emitted.settingsFile) one.settingsFile = emitted.settingsFile;
    return one;
  });
  return { prepared, parts: compiled.split };
}

/**
 * Reads a StartRunBatch body: JSON, checked against the model's schema. Without a `requestId`
 * (and without `--request-id`) one is derived from the body's canonical JSON, so submitting the
 * same body twice starts one batch. A bad file ends with exit 1 and every problem listed.
 */
async function readRequestFile(file: string, options: Record<string, unknown>, io: Io): Promise<PreparedRequest | number> {
  let text: string;
  try {
    text = (io.host ?? nodeHost).readFile(file);
  } catch (err) {
    const reason = err instanceof Error && "code" in err && err.code === "ENOENT" ? "no such file" : err instanceof Error ? err.message : String(err);
    throw new CommandError(`cannot read \`${file}\`: ${reason}`, 1);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new CommandError(
      `\`${file}\` is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
      1,
      "pass a StartRunBatch request body (such as the output of `batchc compile`) or a .batch program",
    );
  }
  // The file's own bytes are sent when it carries the requestId used; otherwise the requestId
  // goes first, before the file's own members, which keep their text.
  let bytes = text;
  if (typeof body === "object" && body !== null && !Array.isArray(body)) {
    const fields = body as Record<string, unknown>;
    const override = options["request-id"] as string | undefined;
    if (override !== undefined && override !== fields.requestId) {
      body = { ...fields, requestId: override };
      bytes = JSON.stringify(body);
    } else if (fields.requestId === undefined) {
      const requestId = deriveRequestId(canonicalJson(fields));
      body = { requestId, ...fields };
      bytes = withLeadingMember(text, "requestId", requestId);
    }
  }
  const problems = checkRequestBody(body);
  if (problems.length > 0) {
    io.stderr.write(`error: \`${file}\` is not a valid StartRunBatch request\n`);
    for (const p of problems.slice(0, 10)) {
      io.stderr.write(`  ${p.path}: ${p.message.message}${p.message.code !== undefined ? ` (${p.message.code})` : ""}\n`);
    }
    if (problems.length > 10) io.stderr.write(`  … ${problems.length - 10} more\n`);
    io.stderr.write("help: fix the fields above, or write the batch as a .batch program and let `batchc compile` check it\n");
    return 1;
  }
  const request = body as StartRunBatchRequest;
  const inline = "inlineSettings" in request.batchRunSettings ? request.batchRunSettings.inlineSettings : undefined;
  return { file, program: false, request, body: bytes, runCount: inline?.length, dispose: async () => {} };
}

/** `text` (a JSON object) with `"name":value` added as its first member; the rest of the text unchanged. */
function withLeadingMember(text: string, name: string, value: string): string {
  const open = text.indexOf("{");
  const empty = /^\s*\}/.test(text.slice(open + 1));
  return `${text.slice(0, open + 1)}${JSON.stringify(name)}:${JSON.stringify(value)}${empty ? "" : ","}${text.slice(open + 1)}`;
}

/** The bytes a prepared request is sent as. */
export function requestBody(p: PreparedRequest): string {
  return p.body ?? JSON.stringify(p.request);
}

/** JSON with object keys sorted, so the derived requestId does not depend on key order or spacing. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** Where the runs go, for the text outputs. */
function placement(p: PreparedRequest, upload?: string): string {
  const settings = p.request.batchRunSettings;
  const count = formatCount(p.runCount ?? 0);
  if (p.settingsFile) return `${count}, in ${p.settingsFile.uri} (${formatBytes(p.settingsFile.bytes)}${upload ? `, ${upload}` : ""})`;
  if ("s3UriSettings" in settings) return `in ${settings.s3UriSettings} (as given)`;
  return `${count}, inline in the request`;
}

/** Where the requests go, for the outputs: the endpoint URL (masked), else the Region. */
export function endpointText(options: Record<string, unknown>, io: Io): string {
  const endpoint = omicsEndpointUrl(options, io);
  const region = (options.region as string | undefined) ?? (io.env.AWS_REGION || undefined);
  return endpoint !== undefined ? maskUrl(endpoint) : `HealthOmics in ${region ?? "the configured Region"}`;
}

/** One request of a dry run, as data. */
export function dryRunData(p: PreparedRequest): Record<string, unknown> {
  const settingsFile = p.settingsFile ? { uri: p.settingsFile.uri, bytes: p.settingsFile.bytes, sha256: p.settingsFile.sha256 } : null;
  return { runCount: p.runCount ?? null, settingsFile, request: p.request };
}

/** `--dry-run`: the request that would be sent, with a summary; nothing is uploaded or started. */
export function printDryRun(p: PreparedRequest, options: Record<string, unknown>, io: Io, extra: Record<string, unknown> = {}): void {
  const where = endpointText(options, io);
  if (options.format === "json") {
    io.stdout.write(jsonDocument({ dryRun: true, ...extra, endpoint: where, ...dryRunData(p) }));
    return;
  }
  const lines = [
    "dry run: nothing is uploaded or started",
    `batch      ${p.request.batchName ?? "(no name)"}`,
    `runs       ${placement(p, p.settingsFile ? "to be uploaded" : undefined)}`,
    `requestId  ${p.request.requestId}`,
    `endpoint   ${where}`,
    "",
    "StartRunBatch request:",
    JSON.stringify(p.request, null, 2),
  ];
  io.stdout.write(`${lines.join("\n")}\n`);
}

/**
 * Uploads the settings file (if any; a settings file named by a request `.json` is checked
 * instead, see `checkNamedSettings`) and calls StartRunBatch with the request's own requestId.
 * With `guard` (submit), a batch of the same name still under way from a different request
 * stops it first, and the new batch is tagged with its requestId (see duplicate-guard.ts);
 * resubmissions carry their own tag and are not guarded.
 */
export async function uploadAndStart(prepared: PreparedRequest, options: Record<string, unknown>, io: Io, guard = false): Promise<Started> {
  const session = await openOmics(options, io);
  try {
    if (guard) await refuseDuplicates(session, prepared.request.batchName, prepared.request.requestId, options);
    let upload: string | undefined;
    if (prepared.settingsFile) {
      const result = await uploadSettings(prepared.settingsFile, s3EndpointUrl(options, io), options, io);
      upload = result.reused ? "already uploaded with the same content" : "uploaded";
    } else if ("s3UriSettings" in prepared.request.batchRunSettings && prepared.request.batchRunSettings.s3UriSettings !== undefined) {
      await checkNamedSettings(prepared.request.batchRunSettings.s3UriSettings, s3EndpointUrl(options, io, "s3-endpoint-url"), options, io);
    }
    const response = await startBatch(session, requestBody(prepared));
    if (guard) await recordRequestId(session, response, prepared.request.requestId, io);
    const started: Started = { response, prepared };
    if (upload !== undefined) started.upload = upload;
    return started;
  } finally {
    session.close();
  }
}

/** StartRunBatch with `body` sent byte for byte; the reply must name the batch (else exit 3). */
export async function startBatch(session: OmicsSession, body: string): Promise<StartRunBatchResponse> {
  return call("StartRunBatch", () => startRunBatch(session.client, body));
}

/** The result lines of a submission. */
export function startedLines(s: Started): string[] {
  const r = s.response;
  const lines = [
    `batch      ${r.id ?? "?"}${s.prepared.request.batchName !== undefined ? `  ${s.prepared.request.batchName}` : ""}`,
    `status     ${r.status ?? "?"}`,
  ];
  if (r.arn !== undefined) lines.push(`arn        ${r.arn}`);
  if (r.uuid !== undefined) lines.push(`uuid       ${r.uuid}`);
  lines.push(`runs       ${placement(s.prepared, s.upload)}`);
  lines.push(`requestId  ${s.prepared.request.requestId}`);
  return lines;
}

/** The JSON result of a submission. */
export function startedJson(s: Started, final: GetBatchResponse | undefined, extra: Record<string, unknown>): Record<string, unknown> {
  const r = s.response;
  const out: Record<string, unknown> = {
    ...extra,
    id: r.id ?? null,
    arn: r.arn ?? null,
    status: r.status ?? null,
    uuid: r.uuid ?? null,
    batchName: s.prepared.request.batchName ?? null,
    requestId: s.prepared.request.requestId,
    runCount: s.prepared.runCount ?? null,
    settingsUri: s.prepared.settingsFile?.uri ?? ("s3UriSettings" in s.prepared.request.batchRunSettings ? s.prepared.request.batchRunSettings.s3UriSettings : null),
  };
  if (final !== undefined) out.batch = batchJson(final);
  return out;
}

/**
 * Prints the submission (text or JSON); with `--wait`, follows the batch and exits 1 when it
 * FAILED, was cancelled, or any run failed to start. `extra` goes into the JSON object.
 */
export async function reportAndWait(
  started: Started,
  options: Record<string, unknown>,
  io: Io,
  intervalMs: number,
  extra: Record<string, unknown> = {},
): Promise<number> {
  const json = options.format === "json";
  const id = started.response.id;
  if (!json) io.stdout.write(`${startedLines(started).join("\n")}\n`);
  if (options.wait !== true || id === undefined) {
    if (json) io.stdout.write(jsonDocument(startedJson(started, undefined, extra)));
    else if (id !== undefined) io.stderr.write(`follow it with \`batchc status ${id}\` and \`batchc runs ${id}\`\n`);
    return 0;
  }
  const session = await openOmics(options, io);
  let final: GetBatchResponse;
  try {
    final = await waitForBatch(session, id, io, { intervalMs });
  } finally {
    session.close();
  }
  if (json) io.stdout.write(jsonDocument(startedJson(started, final, extra)));
  else io.stdout.write(`\n${batchLines(final).join("\n")}\n`);
  outcome(final, id, started.prepared);
  return 0;
}

/** Throws (exit 1) when a finished batch FAILED, was cancelled, or left runs unstarted. */
export function outcome(b: GetBatchResponse, id: string, prepared: PreparedRequest): void {
  const again = prepared.program ? `\`batchc resubmit ${id} ${prepared.file}\`` : undefined;
  if (b.status === "FAILED") {
    throw new CommandError(
      `batch ${id} FAILED${b.failureReason !== undefined ? `: ${b.failureReason}` : ""}`,
      1,
      again !== undefined
        ? `fix the cause, then start its runs with ${again} (submitting the same file again returns this batch)`
        : "fix the cause, then submit the body with a new `requestId` (the same one returns this batch)",
    );
  }
  const failed = b.submissionSummary?.failedStartSubmissionCount ?? 0;
  if (failed > 0) {
    throw new CommandError(
      `${plural(failed, "run")} of ${formatCount(b.totalRuns ?? 0)} failed to start`,
      1,
      `see why with \`batchc runs ${id} --status FAILED\`${again !== undefined ? `; after fixing the cause, start them with ${again}` : ""}`,
    );
  }
  if (b.status === "CANCELLED") {
    throw new CommandError(`batch ${id} was cancelled`, 1, `see which runs ran with \`batchc runs ${id}\``);
  }
}
