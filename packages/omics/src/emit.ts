// The last phase: batch settings + defaults + a stream of per-run settings → the JSON body of
// one StartRunBatch request. 1–100 runs go inline; 101–100,000 runs are streamed to a local
// settings file (JSON array, written in 1 MiB chunks and hashed while written) whose future S3
// URI the request carries; `uploadSettingsFile` puts it there. Bad input is returned as data,
// and nothing is left behind on failure. The same input always gives byte-identical output.
import { createHash, randomUUID } from "node:crypto";
import { open, unlink, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ChunkSink } from "./chunk-sink.js";
import { api, io, type DiagnosticMessage } from "./codes.js";
import { inlineOutputOrder, runSettingFields } from "./model.js";
import type { DefaultRunSetting, InlineSetting, JsonValue, StartRunBatchRequest, TagMap } from "./schema.js";
import { parseS3Uri } from "./s3-uri.js";
import type { BatchInput, DefaultsInput, RunSettingInput } from "./types.js";
import { encodeRun, isPlainObject, validateBatch, validateDefaults, validateMergedRun, validateRunSetting, type Path, type Violation } from "./validate.js";

import { MAX_INLINE_RUNS, MAX_RUNS } from "./limits.js";
/** Size at which the settings file is written out (1 MiB of text). */
const CHUNK = 1 << 20;

/**
 * A run already checked and encoded by the caller (with `runEncoder` or `encodeRun`): `json`
 * is exactly what `encodeRun` returns for the run, and the run passes every run check. The
 * emission takes it as it is (the caller's `validateRuns` function is not called for it).
 */
export class EncodedRun {
  constructor(
    readonly runSettingId: string,
    readonly json: string,
  ) {}
}

/** What `emitRequest` turns into a request. */
export interface EmitInput {
  batch?: BatchInput;
  defaults: DefaultsInput;
  /** The runs, in order; streamed once (twice for hoisting above 100 runs when re-iterable). */
  runs: Iterable<RunSettingInput | EncodedRun> | AsyncIterable<RunSettingInput | EncodedRun>;
}

/** How `emitRequest` works. */
export interface EmitOptions {
  /** Folder for the settings file of batches above 100 runs (default: the OS temp folder). */
  tmpDir?: string;
  /**
   * Write the settings file (default true). When false, its bytes are only counted and hashed,
   * so the request (with its `s3UriSettings` and `requestId`) is exact and nothing touches the
   * disk; `settingsFile.path` is then empty. For previews (`compile --dry-run`).
   */
  writeSettingsFile?: boolean;
  /**
   * Move per-run values that are identical in every run into `defaultRunSetting` (for
   * `parameters`/`runTags`: the keys whose value is identical in every run). Effective runs do
   * not change. Needs to see every run before writing: done for inline batches (≤ 100 runs),
   * and above that only when `runs` is re-iterable (an array, or an object whose iterator
   * method returns a fresh iterator), by a first pass; a one-shot generator is not hoisted.
   */
  hoist?: boolean;
  /**
   * Check every run: `true` (the default) runs the built-in checks (`validateRunSetting`,
   * `validateMergedRun`, unique ids) and returns violations as errors; `false` checks nothing.
   * A function takes over for the runs that the fast check (`encodeRun`) does not pass, with
   * the run's 0-based index; it is called as each run is taken from `runs` (every run, also
   * beyond the limit) and returns false for a run it finds wrong. Then the emission fails with
   * no errors of its own for those runs: the caller reports what it found, its own way.
   */
  validateRuns?: boolean | ((run: RunSettingInput, index: number) => boolean);
  /**
   * Check the finished request against the zod schema as well (default true); a request that
   * fails it is an internal error, since it is built from checked parts. Loading zod and the
   * schemas takes about 10 ms, so `batchc compile` turns this off: its runs pass the fast
   * checks, which reject exactly what the schema rejects (validate.property.test.ts), and its
   * tests check the requests it writes against the schema.
   */
  schemaCheck?: boolean;
}

/** The settings file of a batch above 100 runs, written locally, to be uploaded to `uri`. */
export interface SettingsFile {
  /** Local path; the caller removes it once uploaded. */
  path: string;
  /** `s3://bucket/key`, as the request's `s3UriSettings`. */
  uri: string;
  bucket: string;
  key: string;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
  bytes: number;
}

/** An emission problem: a catalog message, plus where it is. */
export interface EmitError extends DiagnosticMessage {
  /** What `path` is relative to: the batch settings, the defaults, one run, or the batch as a whole. */
  scope: "batch" | "defaults" | "run" | "runs";
  path?: Path;
  /** For `scope: "run"`: the run's 0-based position and id. */
  runIndex?: number;
  runSettingId?: string;
}

/** The request and its settings file, or the errors (as data). */
export type EmitResult =
  | {
      ok: true;
      request: StartRunBatchRequest;
      /** The request as pretty JSON (2 spaces, trailing newline). */
      json: string;
      runCount: number;
      settingsFile?: SettingsFile;
      /** Per-run fields moved into the defaults (`name`, `parameters.ref`, `runTags.project`). */
      hoisted: string[];
    }
  | { ok: false; errors: EmitError[]; runCount: number };

const DEFAULT_KEYS = runSettingFields.map((f) => f.name) as readonly (keyof DefaultRunSetting)[];
/** The per-run members a run's value replaces the default's of (the rest merge key by key). */
const SCALARS = runSettingFields.filter((f) => f.perRun && f.merge === "replace").map((f) => f.name) as readonly Scalar[];
type Scalar = Exclude<keyof RunSettingInput, "runSettingId" | "parameters" | "runTags">;

// ---------------------------------------------------------------------------------------------
// Hoisting: what is identical in every run.

/** Deep equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

/** Values found identical in every run seen so far. */
class HoistScan {
  private seen = 0;
  readonly scalars = new Map<Scalar, unknown>();
  parameters = new Map<string, JsonValue>();
  runTags = new Map<string, string>();

  constructor(private readonly defaults: DefaultsInput) {}

  add(run: RunSettingInput): void {
    if (typeof run !== "object" || run === null) {
      // Not a run at all (reported by validation): nothing is common to every run.
      this.scalars.clear();
      this.parameters.clear();
      this.runTags.clear();
      this.seen++;
      return;
    }
    if (this.seen++ === 0) {
      for (const f of SCALARS) if (run[f] !== undefined) this.scalars.set(f, run[f]);
      // Key-wise hoisting needs records on both sides (the merge is key by key only then).
      if (isPlainObject(run.parameters) && (this.defaults.parameters === undefined || isPlainObject(this.defaults.parameters))) {
        for (const [k, v] of Object.entries(run.parameters)) this.parameters.set(k, v);
      }
      if (isPlainObject(run.runTags)) for (const [k, v] of Object.entries(run.runTags)) this.runTags.set(k, v);
      return;
    }
    for (const [f, v] of this.scalars) if (!jsonEqual(run[f], v)) this.scalars.delete(f);
    for (const [k, v] of this.parameters) {
      const p = run.parameters as Record<string, unknown> | undefined;
      if (!isPlainObject(p) || !Object.prototype.hasOwnProperty.call(p, k) || !jsonEqual(p[k], v)) this.parameters.delete(k);
    }
    for (const [k, v] of this.runTags) {
      const t = run.runTags;
      if (!isPlainObject(t) || !Object.prototype.hasOwnProperty.call(t, k) || t[k] !== v) this.runTags.delete(k);
    }
  }

  get empty(): boolean {
    return this.scalars.size === 0 && this.parameters.size === 0 && this.runTags.size === 0;
  }

  /** `name`, `parameters.ref`, ...: what moves, for the result. */
  describe(): string[] {
    return [
      ...[...this.scalars.keys()],
      ...[...this.parameters.keys()].map((k) => `parameters.${k}`),
      ...[...this.runTags.keys()].map((k) => `runTags.${k}`),
    ];
  }
}

// ---------------------------------------------------------------------------------------------
// Fixed key order.

function orderedDefaults(d: DefaultsInput, hoist: HoistScan | undefined): DefaultRunSetting {
  const out: Record<string, unknown> = {};
  for (const k of DEFAULT_KEYS) {
    let v: unknown = d[k];
    if (hoist !== undefined) {
      if ((SCALARS as readonly string[]).includes(k) && hoist.scalars.has(k as Scalar)) v = hoist.scalars.get(k as Scalar);
      else if (k === "parameters" && hoist.parameters.size > 0) v = { ...(v as object | undefined), ...Object.fromEntries(hoist.parameters) };
      else if (k === "runTags" && hoist.runTags.size > 0) v = { ...(v as object | undefined), ...Object.fromEntries(hoist.runTags) };
    }
    if (v !== undefined) out[k] = v;
  }
  return out as unknown as DefaultRunSetting;
}

/** `m` without the keys in `drop`; every kept key stays an own property, `__proto__` included. */
function without<T>(m: Record<string, T>, drop: Map<string, unknown>): Record<string, T> | undefined {
  const kept: [string, T][] = [];
  for (const k of Object.keys(m)) if (!drop.has(k)) kept.push([k, m[k]!]);
  return kept.length > 0 ? (Object.fromEntries(kept) as Record<string, T>) : undefined;
}

/** A run in the model's output order (`inlineOutputOrder`), less what was hoisted. */
function orderedRun(r: RunSettingInput, hoist: HoistScan | undefined): InlineSetting {
  const o: Record<string, unknown> = { runSettingId: r.runSettingId };
  for (const k of inlineOutputOrder) {
    if (k === "runSettingId") continue;
    const v = r[k];
    if (v === undefined) continue;
    if (k === "parameters") {
      const p = hoist !== undefined && hoist.parameters.size > 0 && isPlainObject(v) ? without(v, hoist.parameters) : v;
      if (p !== undefined) o.parameters = p;
    } else if (k === "runTags") {
      const t = hoist !== undefined && hoist.runTags.size > 0 ? without(v as TagMap, hoist.runTags) : v;
      if (t !== undefined) o.runTags = t;
    } else if (!hoist?.scalars.has(k)) o[k] = v;
  }
  return o as InlineSetting;
}

/** The request in its fixed key order: `batchName, requestId, tags, defaultRunSetting, batchRunSettings`. */
function orderedRequest(
  batch: BatchInput,
  requestId: string | undefined,
  defaultRunSetting: DefaultRunSetting,
  batchRunSettings: StartRunBatchRequest["batchRunSettings"],
): StartRunBatchRequest {
  const r: Record<string, unknown> = {};
  if (batch.batchName !== undefined) r.batchName = batch.batchName;
  if (requestId !== undefined) r.requestId = requestId;
  if (batch.tags !== undefined) r.tags = batch.tags;
  r.defaultRunSetting = defaultRunSetting;
  r.batchRunSettings = batchRunSettings;
  return r as unknown as StartRunBatchRequest;
}

/** `<prefix>/`: the settings prefix with exactly one trailing slash. */
export function normalizePrefix(prefix: string): string {
  return prefix.endsWith("/") ? prefix : `${prefix}/`;
}

/** The file-name stem from the batch name: `[A-Za-z0-9._-]` runs joined by `-`, at most 64; `batch` if none. */
export function settingsFileStem(batchName: string | undefined): string {
  const stem = (batchName ?? "")
    .replace(/[^A-Za-z0-9._-]+/g, "-")
    .slice(0, 64)
    .replace(/^[-.]+|[-.]+$/g, "");
  return stem === "" ? "batch" : stem;
}

/** `batchc-` + 32 hex digits of the sha256 of the request without `requestId` (and of the settings file). */
export function deriveRequestId(canonicalWithoutRequestId: string, settingsSha256?: string): string {
  const h = createHash("sha256").update(canonicalWithoutRequestId);
  if (settingsSha256 !== undefined) h.update(`\n${settingsSha256}`);
  return `batchc-${h.digest("hex").slice(0, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// The settings file, streamed.

/**
 * Writes the JSON array of runs in 1 MiB chunks: runs are encoded into a chunk on this thread,
 * and each full chunk goes to a `ChunkSink`, which hashes and writes it on a worker thread.
 */
class SettingsWriter {
  private buf: Buffer;
  private off = 1;
  private first = true;
  private readonly sink: ChunkSink;
  /** Bytes handed to the file so far (its size once finished). */
  bytes = 0;

  private constructor(
    readonly path: string,
    /** The file; undefined when the bytes are only hashed and counted. */
    private readonly fh: FileHandle | undefined,
  ) {
    this.sink = new ChunkSink(fh?.fd ?? -1, CHUNK);
    this.buf = this.sink.current;
    this.buf[0] = 0x5b; // [
  }

  /** A writer into a new file in `dir`, or (without `dir`) one that only hashes and counts. */
  static async create(dir: string | undefined): Promise<SettingsWriter> {
    if (dir === undefined) return new SettingsWriter("", undefined);
    const path = join(dir, `batchc-settings-${randomUUID()}.json`);
    return new SettingsWriter(path, await open(path, "wx"));
  }

  /** Appends one run (`ascii`: the text is known to be ASCII, so it is copied as one byte per character). */
  add(json: string, ascii: boolean): void {
    // A UTF-16 unit takes at most 3 bytes of UTF-8; plus the comma.
    const room = (ascii ? json.length : json.length * 3) + 1;
    if (this.off + room > this.buf.length) {
      this.flush();
      if (room > this.buf.length) {
        // A run larger than a chunk goes on its own.
        const data = Buffer.from(this.first ? json : `,${json}`, "utf8");
        this.first = false;
        this.bytes += data.length;
        this.sink.append(data);
        this.buf = this.sink.current;
        return;
      }
    }
    if (!this.first) this.buf[this.off++] = 0x2c; // ,
    this.first = false;
    this.off += this.buf.write(json, this.off, ascii ? "latin1" : "utf8");
  }

  /** Hands the filled part of the chunk to the sink and starts the next. */
  private flush(): void {
    if (this.off === 0) return;
    this.bytes += this.off;
    this.sink.commit(this.off);
    this.buf = this.sink.current;
    this.off = 0;
  }

  /** Writes the closing `]`, closes the file and returns its sha256. */
  async finish(): Promise<string> {
    if (this.off + 1 > this.buf.length) this.flush();
    this.buf[this.off++] = 0x5d; // ]
    this.bytes += this.off;
    const sha256 = await this.sink.finish(this.off);
    await this.fh?.close();
    return sha256;
  }

  /** Closes and removes the file (on any failure). */
  async discard(): Promise<void> {
    await this.sink.discard().catch(() => undefined);
    if (this.fh === undefined) return;
    await this.fh.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}

function isReiterable(runs: EmitInput["runs"]): boolean {
  if (Array.isArray(runs)) return true;
  const sync = (runs as Iterable<RunSettingInput>)[Symbol.iterator];
  if (typeof sync === "function") return (sync.call(runs) as unknown) !== runs;
  const asyncIt = (runs as AsyncIterable<RunSettingInput>)[Symbol.asyncIterator];
  return typeof asyncIt === "function" && (asyncIt.call(runs) as unknown) !== runs;
}

const toErrors = (scope: EmitError["scope"], vs: readonly Violation[], run?: { index: number; id: string }): EmitError[] =>
  vs.map((v) => {
    const e: EmitError = { ...v.message, scope, path: v.path };
    if (run !== undefined) {
      e.runIndex = run.index;
      e.runSettingId = run.id;
      e.notes = [...(v.message.notes ?? []), `in run \`${run.id}\` (run ${run.index + 1} of the batch)`];
    }
    return e;
  });

/**
 * Builds the StartRunBatch request. Runs are counted while streamed: 0 → error (BC4019);
 * 1–100 → `inlineSettings`; 101–100,000 → a local settings file (returned as `settingsFile`)
 * and `s3UriSettings = <settings prefix>/<batch name or "batch">-<8 hex of its sha256>.json`,
 * which needs a settings prefix (BC4021); above 100,000 → error (BC4020). Without a
 * `requestId`, one is derived from the request (see `deriveRequestId`). Errors come back as
 * data and leave no file behind; the returned request has passed the zod schema (unless
 * `schemaCheck` is false).
 */
export async function emitRequest(input: EmitInput, options: EmitOptions = {}): Promise<EmitResult> {
  const batch = input.batch ?? {};
  const defaults = input.defaults;
  const checkRuns = options.validateRuns ?? true;
  const checkRun = typeof checkRuns === "function" ? checkRuns : undefined;
  const errors: EmitError[] = [...toErrors("batch", validateBatch(batch)), ...toErrors("defaults", validateDefaults(defaults))];

  // Hoisting above 100 runs: a first pass over a re-iterable input.
  let hoist: HoistScan | undefined;
  if (options.hoist === true && isReiterable(input.runs)) {
    hoist = new HoistScan(defaults);
    for await (const run of input.runs) hoist.add(run instanceof EncodedRun ? (JSON.parse(run.json) as RunSettingInput) : run);
  }

  const buffered: RunSettingInput[] = [];
  const ids = new Map<string, number>();
  let writer: SettingsWriter | undefined;
  let count = 0;
  let failed = errors.length > 0;
  // A run the caller's check found wrong (it reports it).
  let rejected = false;
  const dir = options.writeSettingsFile === false ? undefined : (options.tmpDir ?? tmpdir());

  try {
    // One run; a promise only when the settings file is created, so a synchronous input is
    // consumed without a microtask per run.
    const step = (given: RunSettingInput | EncodedRun): Promise<void> | undefined => {
      const index = count++;
      // A run the caller encoded comes as its text; its object is rebuilt only where one is
      // needed (kept for the inline list, or hoisted). Elsewhere only its id is read (for
      // duplicates), and the EncodedRun stands for it.
      let pre: string | undefined;
      let run: RunSettingInput;
      if (given instanceof EncodedRun) {
        pre = given.json;
        run = index < MAX_INLINE_RUNS || hoist !== undefined ? (JSON.parse(pre) as RunSettingInput) : (given as unknown as RunSettingInput);
      } else run = given;
      // The fast check-and-encode first; the full checks (which say what is wrong) when it fails.
      let json: string | undefined;
      if (checkRun !== undefined) {
        // The caller's checks see every run, also beyond the limit.
        json = pre ?? encodeRun(defaults, run);
        if (json === undefined && !checkRun(run, index)) {
          rejected = true;
          failed = true;
        }
      }
      if (count > MAX_RUNS) return undefined; // keep counting for the message
      if (checkRuns === true) {
        json = pre ?? encodeRun(defaults, run);
        let vs: readonly Violation[] = [];
        if (json === undefined) {
          vs = validateRunSetting(run);
          if (vs.length === 0) vs = validateMergedRun(defaults, run);
        }
        const id = typeof run?.runSettingId === "string" ? run.runSettingId : String(index);
        if (vs.length > 0) {
          errors.push(...toErrors("run", vs, { index, id }));
          failed = true;
        }
        const first = ids.get(id);
        if (first !== undefined) {
          errors.push({ ...api.duplicateRunSettingId(id, first, index), scope: "run", path: ["runSettingId"], runIndex: index, runSettingId: id });
          failed = true;
        } else ids.set(id, index);
      }
      if (failed) return undefined;
      if (count <= MAX_INLINE_RUNS) {
        buffered.push(run);
        return undefined;
      }
      if (batch.settings === undefined) {
        failed = true;
        return undefined;
      }
      // `encodeRun`'s text (ASCII), unless hoisting changes the run; else JSON.stringify.
      if (hoist !== undefined) json = undefined;
      else if (json === undefined && checkRuns === false) json = pre ?? encodeRun(defaults, run);
      const text = json ?? JSON.stringify(orderedRun(run, hoist));
      if (writer === undefined) return startFile(text, json !== undefined);
      writer.add(text, json !== undefined);
      return undefined;
    };
    const startFile = async (first: string, ascii: boolean): Promise<void> => {
      try {
        writer = await SettingsWriter.create(dir);
      } catch (e) {
        errors.push({ ...io.settingsFileWriteFailed(dir ?? "", (e as Error).message), scope: "runs" });
        failed = true;
        return;
      }
      for (const b of buffered) {
        const fast = hoist === undefined ? encodeRun(defaults, b) : undefined;
        writer.add(fast ?? JSON.stringify(orderedRun(b, hoist)), fast !== undefined);
      }
      buffered.length = 0;
      writer.add(first, ascii);
    };
    const runs = input.runs;
    if (typeof (runs as Iterable<RunSettingInput>)[Symbol.iterator] === "function") {
      for (const run of runs as Iterable<RunSettingInput | EncodedRun>) {
        const pending = step(run);
        if (pending !== undefined) await pending;
      }
    } else {
      for await (const run of runs) {
        const pending = step(run);
        if (pending !== undefined) await pending;
      }
    }

    if (count === 0) errors.push({ ...api.noRuns(), scope: "runs" });
    else if (count > MAX_RUNS) errors.push({ ...api.tooManyRuns(count), scope: "runs" });
    else if (count > MAX_INLINE_RUNS && batch.settings === undefined) errors.push({ ...api.settingsPrefixRequired(count), scope: "runs" });
    if (errors.length > 0 || rejected) {
      await writer?.discard();
      return { ok: false, errors, runCount: count };
    }

    // Inline batches are hoisted on what they buffered (unless a first pass did it already).
    if (options.hoist === true && hoist === undefined && writer === undefined) {
      hoist = new HoistScan(defaults);
      for (const b of buffered) hoist.add(b);
    }
    const usedHoist = hoist !== undefined && !hoist.empty ? hoist : undefined;
    const defaultRunSetting = orderedDefaults(defaults, usedHoist);

    let batchRunSettings: StartRunBatchRequest["batchRunSettings"];
    let settingsFile: SettingsFile | undefined;
    if (writer === undefined) {
      batchRunSettings = { inlineSettings: buffered.map((r) => orderedRun(r, usedHoist)) };
    } else {
      let sha256: string;
      try {
        sha256 = await writer.finish();
      } catch (e) {
        await writer.discard();
        return { ok: false, errors: [{ ...io.settingsFileWriteFailed(dir ?? "", (e as Error).message), scope: "runs" }], runCount: count };
      }
      const uri = `${normalizePrefix(batch.settings!)}${settingsFileStem(batch.batchName)}-${sha256.slice(0, 8)}.json`;
      const parsed = parseS3Uri(uri);
      if (!parsed.ok) throw new Error(`internal error: settings URI ${uri} does not parse`);
      settingsFile = { path: writer.path, uri, bucket: parsed.bucket, key: parsed.key, sha256, bytes: writer.bytes };
      batchRunSettings = { s3UriSettings: uri };
    }

    let requestId = batch.requestId;
    if (requestId === undefined) {
      const canonical = JSON.stringify(orderedRequest(batch, undefined, defaultRunSetting, batchRunSettings));
      requestId = deriveRequestId(canonical, settingsFile?.sha256);
    }
    const request = orderedRequest(batch, requestId, defaultRunSetting, batchRunSettings);
    if (options.schemaCheck !== false) {
      // zod (and the schemas) load only here, at the end: `batchc check` never needs them.
      const { StartRunBatchRequestSchema } = await import("./schema.js");
      const parsed = StartRunBatchRequestSchema.safeParse(request);
      if (!parsed.success) {
        if (settingsFile !== undefined) await unlink(settingsFile.path).catch(() => undefined);
        throw new Error(`internal error: the emitted request breaks the API model: ${parsed.error.message}`);
      }
    }
    const result: EmitResult = {
      ok: true,
      request,
      json: `${JSON.stringify(request, null, 2)}\n`,
      runCount: count,
      hoisted: usedHoist?.describe() ?? [],
    };
    if (settingsFile !== undefined) result.settingsFile = settingsFile;
    return result;
  } catch (e) {
    await writer?.discard();
    throw e;
  }
}
