// More than one batch (docs/language.md §8b): with `maxRunsPerBatch = N` the runs are cut, in
// order, into consecutive parts of at most N runs, each a complete StartRunBatch request with
// its own hoisting, settings file and `requestId`. A part's name (`NAME-part-K-of-P`) needs the
// number of parts, known once every run is counted: each part is built (a `RequestBuilder`) as
// the runs stream by, then named (`renameRequest`) at the end. Nothing is kept but the parts'
// requests (and their settings files).
import { MAX_PARTS, partCount, partName, partRequestId } from "@batchc/model";
import { unlink } from "node:fs/promises";
import { api } from "./codes.js";
import { MAX_INLINE_RUNS } from "./limits.js";
import { shapeSpec } from "./model.js";
import { RequestBuilder, type BuildOptions, type EmitError, type EmitResult } from "./request-builder.js";
import { finalRequest, settingsFileUri } from "./request-order.js";
import { parseS3Uri } from "./s3-uri.js";
import type { BatchInput, DefaultsInput, RunSettingInput } from "./types.js";
import { codePointLength } from "@batchc/text";

/** A request built. */
type Emitted = Extract<EmitResult, { ok: true }>;

/** The batch settings of a program cut into parts. */
export interface PartsBatch extends BatchInput {
  maxRunsPerBatch: number;
}

/** The parts' requests in order, or the errors (as data). */
export type PartsResult = { ok: true; parts: Emitted[]; runCount: number } | { ok: false; errors: EmitError[]; runCount: number };

const lengthMax = (shape: "BatchName" | "BatchRequestId"): number => {
  const spec = shapeSpec(shape);
  return spec?.type === "string" && spec.length?.max !== undefined ? spec.length.max : Number.POSITIVE_INFINITY;
};
const NAME_MAX = lengthMax("BatchName");
const REQUEST_ID_MAX = lengthMax("BatchRequestId");

/** Run-count codes `emitRequest` reports on one part; for parts, `partRules` says them once. */
const COUNT_CODES: ReadonlySet<string> = new Set(["BC4019", "BC4020", "BC4021"]);

/**
 * The batch-wide rules of a program cut into parts of `maxRunsPerBatch`, on its run count:
 * at least one run, at most 1,000 parts, a settings prefix when a part holds over 100 runs, and
 * part names and explicit request ids (with `-K`) within the API's lengths.
 */
export function partRules(count: number, batch: PartsBatch): EmitError[] {
  const n = batch.maxRunsPerBatch;
  if (count === 0) return [{ ...api.noRuns(), scope: "runs" }];
  if (count > MAX_PARTS * n) return [{ ...api.tooManyParts(count, n, MAX_PARTS), scope: "runs" }];
  const errors: EmitError[] = [];
  const parts = partCount(count, n);
  const largest = Math.min(n, count);
  if (largest > MAX_INLINE_RUNS && batch.settings === undefined) {
    // Every full part has `n` runs; the last holds the rest.
    const over = Math.floor(count / n) + (count % n > MAX_INLINE_RUNS ? 1 : 0);
    errors.push({ ...api.settingsPrefixRequired(largest, { total: count, parts, max: n, over }), scope: "runs" });
  }
  const last = partName(batch.batchName, parts, parts);
  if (batch.batchName !== undefined && codePointLength(last) > NAME_MAX) {
    const suffix = codePointLength(last) - codePointLength(batch.batchName);
    errors.push({ ...api.partNameTooLong(last, NAME_MAX, suffix), scope: "batch", path: ["batchName"] });
  }
  if (batch.requestId !== undefined) {
    const id = partRequestId(batch.requestId, parts);
    if (codePointLength(id) > REQUEST_ID_MAX) {
      const suffix = codePointLength(id) - codePointLength(batch.requestId);
      errors.push({ ...api.partRequestIdTooLong(id, REQUEST_ID_MAX, suffix), scope: "batch", path: ["requestId"] });
    }
  }
  return errors;
}

/** The batch settings of part `k` of `p`: its name and explicit request id. */
export function partBatch(batch: PartsBatch, k: number, p: number): BatchInput {
  const { maxRunsPerBatch: _n, batchName, requestId, ...rest } = batch;
  const out: BatchInput = { ...rest, batchName: partName(batchName, k, p) };
  if (requestId !== undefined) out.requestId = partRequestId(requestId, k);
  return out;
}

/**
 * The same request under the batch settings `batch` (another `batchName` or `requestId`): the
 * settings file's name and a derived `requestId` follow them; the runs and defaults stay.
 */
export function renameRequest(emitted: Emitted, batch: BatchInput): Emitted {
  const old = emitted.settingsFile;
  let settingsFile = old;
  if (old !== undefined) {
    const uri = settingsFileUri(batch, old.sha256);
    const parsed = parseS3Uri(uri);
    if (!parsed.ok) throw new Error(`internal error: settings URI ${uri} does not parse`);
    settingsFile = { ...old, uri, bucket: parsed.bucket, key: parsed.key };
  }
  const batchRunSettings = settingsFile === undefined ? emitted.request.batchRunSettings : { s3UriSettings: settingsFile.uri };
  const request = finalRequest(batch, emitted.request.defaultRunSetting, batchRunSettings, settingsFile?.sha256);
  const out: Emitted = { ok: true, request, json: `${JSON.stringify(request, null, 2)}\n`, runCount: emitted.runCount, hoisted: emitted.hoisted };
  if (settingsFile !== undefined) out.settingsFile = settingsFile;
  return out;
}

/**
 * Builds the parts of a program from checked runs, handed over one at a time, as
 * `RequestBuilder` builds one request: every `maxRunsPerBatch` runs, the part is finished and
 * the next begins. `finish` names the parts, or returns the problems (nothing left behind).
 */
export class PartsBuilder {
  private readonly shared: BatchInput;
  private current: RequestBuilder | undefined;
  private readonly parts: Emitted[] = [];
  private readonly problems: EmitError[] = [];
  private count = 0;
  private discarded = false;

  constructor(
    private readonly batch: PartsBatch,
    private readonly defaults: DefaultsInput,
    private readonly options: BuildOptions = {},
  ) {
    const { maxRunsPerBatch: _n, batchName: _name, requestId: _id, ...shared } = batch;
    this.shared = shared;
  }

  /** Runs added so far (counted also beyond 1,000 parts, for the message). */
  get runCount(): number {
    return this.count;
  }

  /** Adds the next run; a promise when a part's settings file is created or a part is finished. */
  add(run: RunSettingInput): Promise<void> | undefined {
    const n = ++this.count;
    if (this.discarded || n > MAX_PARTS * this.batch.maxRunsPerBatch) return undefined;
    this.current ??= new RequestBuilder(this.shared, this.defaults, this.options);
    const pending = this.current.add(run);
    if (this.current.runCount < this.batch.maxRunsPerBatch) return pending;
    return (async () => {
      await pending;
      await this.close();
    })();
  }

  /** Finishes the current part. */
  private async close(): Promise<void> {
    const builder = this.current;
    if (builder === undefined) return;
    this.current = undefined;
    const built = await builder.finish();
    if (built.ok) this.parts.push(built);
    // the run-count rule of one part is said once for the program, by partRules
    else this.problems.push(...built.errors.filter((e) => !COUNT_CODES.has(e.code)));
  }

  /** Removes every settings file written; runs added afterwards are only counted. */
  async discard(): Promise<void> {
    this.discarded = true;
    await this.current?.discard();
    this.current = undefined;
    for (const p of this.parts) if (p.settingsFile !== undefined && p.settingsFile.path !== "") await unlink(p.settingsFile.path).catch(() => undefined);
  }

  /** The parts, named `NAME-part-K-of-P`, or the problems; nothing is left behind on failure. */
  async finish(): Promise<PartsResult> {
    if (!this.discarded) await this.close();
    const problems = [...this.problems, ...partRules(this.count, this.batch)];
    if (problems.length > 0 || this.discarded) {
      await this.discard();
      return { ok: false, errors: problems, runCount: this.count };
    }
    const p = this.parts.length;
    return { ok: true, parts: this.parts.map((e, i) => renameRequest(e, partBatch(this.batch, i + 1, p))), runCount: this.count };
  }
}
