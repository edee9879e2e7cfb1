// The request being built: batch settings + defaults + the runs, handed over one at a time,
// already checked, become the JSON body of one StartRunBatch request. 1–100 runs go inline;
// 101–100,000 runs are streamed to a local settings file (see settings-writer.ts) whose future
// S3 URI the request carries. The builder checks nothing but the run count: the caller hands
// it checked runs only, and discards it as soon as one run is wrong. The same runs always give
// byte-identical output.
import { tmpdir } from "node:os";
import { io, type DiagnosticMessage } from "./codes.js";
import { HoistScan } from "./hoist.js";
import { MAX_INLINE_RUNS, MAX_RUNS, runCountProblem } from "./limits.js";
import { finalRequest, orderedDefaults, orderedRun, settingsFileUri } from "./request-order.js";
import { parseS3Uri } from "./s3-uri.js";
import type { StartRunBatchRequest } from "./schema.js";
import { SettingsWriter } from "./settings-writer.js";
import type { BatchInput, DefaultsInput, RunSettingInput } from "./types.js";
import type { Path } from "./validate.js";

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

/** How the request is built. */
export interface BuildOptions {
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
   * not change. Inline batches (≤ 100 runs) are scanned as they are buffered; above that only
   * with `hoistScan`, a scan of every run made before the first is added.
   */
  hoist?: boolean;
  hoistScan?: HoistScan;
}

/** Builds one request from checked runs; `finish` once every run is added, or `discard`. */
export class RequestBuilder {
  private readonly buffered: RunSettingInput[] = [];
  private readonly dir: string | undefined;
  private writer: SettingsWriter | undefined;
  private count = 0;
  private writeFailure: EmitError | undefined;
  private discarded = false;

  constructor(
    private readonly batch: BatchInput,
    private readonly defaults: DefaultsInput,
    private readonly options: BuildOptions = {},
  ) {
    this.dir = options.writeSettingsFile === false ? undefined : (options.tmpDir ?? tmpdir());
  }

  /** Runs added so far (counted also beyond the limit, for its message). */
  get runCount(): number {
    return this.count;
  }

  /** The run-count rule's problem with the runs added so far, if any. */
  countProblem(): EmitError | undefined {
    const problem = runCountProblem(this.count, this.batch.settings !== undefined);
    return problem === undefined ? undefined : { ...problem, scope: "runs" };
  }

  /**
   * Adds the next run, its members in the model's output order (`inlineOutputOrder`; unset
   * members may be present as `undefined`), as the compiler builds runs and `emitRequest`
   * orders them. Returns a promise only when the settings file is created (the 101st run), so
   * a synchronous caller takes no microtask per run.
   */
  add(run: RunSettingInput): Promise<void> | undefined {
    const n = ++this.count;
    if (this.discarded || this.writeFailure !== undefined || n > MAX_RUNS) return undefined;
    if (n <= MAX_INLINE_RUNS) {
      this.buffered.push(run);
      return undefined;
    }
    // Above 100 runs without a settings prefix: only counted (BC4021 at the end).
    if (this.batch.settings === undefined) return undefined;
    const text = this.encode(run);
    if (this.writer === undefined) return this.startFile(text);
    this.writer.add(text);
    return undefined;
  }

  /**
   * A run's text in the settings file: the run in the model's order, less what was hoisted.
   * The run is in that order already, so without hoisting it is written as it is: a copy in
   * order first made writing 100,000 runs of the bench cohort take 0.51–0.61 s instead of
   * 0.30–0.33 s (a microbenchmark of copy + JSON.stringify on the shared 2-core machine).
   */
  private encode(run: RunSettingInput): string {
    const scan = this.options.hoist === true ? this.options.hoistScan : undefined;
    return JSON.stringify(scan === undefined || scan.empty ? run : orderedRun(run, scan));
  }

  private async startFile(first: string): Promise<void> {
    try {
      this.writer = await SettingsWriter.create(this.dir);
    } catch (e) {
      this.writeFailure = { ...io.settingsFileWriteFailed(this.dir ?? "", (e as Error).message), scope: "runs" };
      return;
    }
    for (const b of this.buffered) this.writer.add(this.encode(b));
    this.buffered.length = 0;
    this.writer.add(first);
  }

  /** Removes the settings file, if one was started; runs added afterwards are only counted. */
  async discard(): Promise<void> {
    this.discarded = true;
    await this.writer?.discard();
  }

  /** The request, or the run-count and write problems; nothing is left behind on failure. */
  async finish(): Promise<EmitResult> {
    const problems = [this.countProblem(), this.writeFailure].filter((e): e is EmitError => e !== undefined);
    if (problems.length > 0) {
      await this.discard();
      return { ok: false, errors: problems, runCount: this.count };
    }
    const hoist = this.hoisting();
    const defaultRunSetting = orderedDefaults(this.defaults, hoist);
    let batchRunSettings: StartRunBatchRequest["batchRunSettings"];
    let settingsFile: SettingsFile | undefined;
    if (this.writer === undefined) {
      batchRunSettings = { inlineSettings: this.buffered.map((r) => orderedRun(r, hoist)) };
    } else {
      const finished = await this.finishFile(this.writer);
      if (!finished.ok) return finished;
      settingsFile = finished.settingsFile;
      batchRunSettings = { s3UriSettings: settingsFile.uri };
    }
    const request = finalRequest(this.batch, defaultRunSetting, batchRunSettings, settingsFile?.sha256);
    const result: EmitResult = { ok: true, request, json: `${JSON.stringify(request, null, 2)}\n`, runCount: this.count, hoisted: hoist?.describe() ?? [] };
    if (settingsFile !== undefined) result.settingsFile = settingsFile;
    return result;
  }

  /** What is hoisted: the scan given, else (inline batches) a scan of the buffered runs. */
  private hoisting(): HoistScan | undefined {
    if (this.options.hoist !== true) return undefined;
    let scan = this.options.hoistScan;
    if (scan === undefined && this.writer === undefined) {
      scan = new HoistScan(this.defaults);
      for (const b of this.buffered) scan.add(b);
    }
    return scan !== undefined && !scan.empty ? scan : undefined;
  }

  private async finishFile(writer: SettingsWriter): Promise<{ ok: true; settingsFile: SettingsFile } | Extract<EmitResult, { ok: false }>> {
    let sha256: string;
    try {
      sha256 = await writer.finish();
    } catch (e) {
      await writer.discard();
      return { ok: false, errors: [{ ...io.settingsFileWriteFailed(this.dir ?? "", (e as Error).message), scope: "runs" }], runCount: this.count };
    }
    const uri = settingsFileUri(this.batch, sha256);
    const parsed = parseS3Uri(uri);
    if (!parsed.ok) throw new Error(`internal error: settings URI ${uri} does not parse`);
    return { ok: true, settingsFile: { path: writer.path, uri, bucket: parsed.bucket, key: parsed.key, sha256, bytes: writer.bytes } };
  }
}
