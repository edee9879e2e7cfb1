// `emitRequest`: batch settings + defaults + a stream of per-run settings, each checked here,
// into the JSON body of one StartRunBatch request (built by `RequestBuilder`). For callers with
// runs of unknown quality (tests, other tools); the compiler checks its runs at their source
// and hands them to a `RequestBuilder` itself. Bad input is returned as data, and nothing is
// left behind on failure.
import { unlink } from "node:fs/promises";
import { api } from "./codes.js";
import { HoistScan } from "./hoist.js";
import { MAX_RUNS } from "./limits.js";
import { RequestBuilder, type BuildOptions, type EmitError, type EmitResult } from "./request-builder.js";
import { orderedRun } from "./request-order.js";
import type { BatchInput, DefaultsInput, RunSettingInput } from "./types.js";
import { validateBatch, validateDefaults, validateMergedRun, validateRunSetting, type Violation } from "./validate.js";

export { jsonEqual } from "./hoist.js";
export { deriveRequestId, normalizePrefix, settingsFileStem } from "./request-order.js";
export type { EmitError, EmitResult, SettingsFile } from "./request-builder.js";

/** What `emitRequest` turns into a request. */
export interface EmitInput {
  batch?: BatchInput;
  defaults: DefaultsInput;
  /** The runs, in order; streamed once (twice for hoisting above 100 runs when re-iterable). */
  runs: Iterable<RunSettingInput> | AsyncIterable<RunSettingInput>;
}

/** How `emitRequest` works: `BuildOptions`, and which checks it makes. */
export interface EmitOptions extends Omit<BuildOptions, "hoistScan"> {
  /**
   * Above 100 runs, hoisting (see `BuildOptions.hoist`) needs a first pass over the runs: done
   * only when `runs` is re-iterable (an array, or an object whose iterator method returns a
   * fresh iterator); a one-shot generator is not hoisted.
   */
  hoist?: boolean;
  /**
   * Check every run (default true): the batch, the defaults, each run (`validateRunSetting`,
   * `validateMergedRun`) and unique ids, returning violations as errors; `false` checks nothing.
   */
  validateRuns?: boolean;
  /**
   * Check the finished request against the zod schema as well (default true); a request that
   * fails it is an internal error, since it is built from checked parts.
   */
  schemaCheck?: boolean;
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
/** The checks of one run as it is taken: its own and merged problems, and a repeated id. */
class RunChecks {
  readonly errors: EmitError[] = [];
  private readonly ids = new Map<string, number>();
  constructor(private readonly defaults: DefaultsInput) {}

  /** True when the run passes. */
  check(run: RunSettingInput, index: number): boolean {
    let vs: readonly Violation[] = validateRunSetting(run);
    if (vs.length === 0) vs = validateMergedRun(this.defaults, run);
    const id = typeof run?.runSettingId === "string" ? run.runSettingId : String(index);
    const before = this.errors.length;
    if (vs.length > 0) this.errors.push(...toErrors("run", vs, { index, id }));
    const first = this.ids.get(id);
    if (first !== undefined) {
      this.errors.push({ ...api.duplicateRunSettingId(id, first, index), scope: "run", path: ["runSettingId"], runIndex: index, runSettingId: id });
    } else this.ids.set(id, index);
    return this.errors.length === before;
  }
}

/**
 * Builds the StartRunBatch request, checking every run on the way (unless `validateRuns` is
 * false). Runs are counted while streamed: 0 → error (BC4019); 1–100 → `inlineSettings`;
 * 101–100,000 → a local settings file (returned as `settingsFile`) and `s3UriSettings =
 * <settings prefix>/<batch name or "batch">-<8 hex of its sha256>.json`, which needs a settings
 * prefix (BC4021); above 100,000 → error (BC4020). Without a `requestId`, one is derived from
 * the request (see `deriveRequestId`). Errors come back as data and leave no file behind; the
 * returned request has passed the zod schema (unless `schemaCheck` is false).
 */
export async function emitRequest(input: EmitInput, options: EmitOptions = {}): Promise<EmitResult> {
  const batch = input.batch ?? {};
  const defaults = input.defaults;
  const checking = options.validateRuns !== false;
  const errors: EmitError[] = checking ? [...toErrors("batch", validateBatch(batch)), ...toErrors("defaults", validateDefaults(defaults))] : [];
  let hoistScan: HoistScan | undefined;
  if (options.hoist === true && isReiterable(input.runs)) {
    hoistScan = new HoistScan(defaults);
    for await (const run of input.runs) hoistScan.add(run);
  }
  const builder = new RequestBuilder(batch, defaults, { ...options, ...(hoistScan !== undefined ? { hoistScan } : {}) });
  const checks = new RunChecks(defaults);
  let failed = errors.length > 0;
  let discarding: Promise<void> | undefined;
  try {
    const take = (run: RunSettingInput): Promise<void> | undefined => {
      const index = builder.runCount;
      if (index < MAX_RUNS && checking && !checks.check(run, index)) failed = true;
      // After a failure, runs are only counted (for the run-count rule's message).
      if (failed && discarding === undefined) discarding = builder.discard();
      // The builder takes runs in the model's order; the input's may be any.
      return builder.add(failed ? run : orderedRun(run, undefined));
    };
    await forEachRun(input.runs, take);
  } catch (e) {
    await builder.discard();
    throw e;
  }
  if (failed) {
    await (discarding ?? builder.discard());
    const countProblem = builder.countProblem();
    return { ok: false, errors: [...errors, ...checks.errors, ...(countProblem ? [countProblem] : [])], runCount: builder.runCount };
  }
  const result = await builder.finish();
  if (result.ok && options.schemaCheck !== false) await schemaCheck(result);
  return result;
}

/** Takes each run in order; awaits only what `take` returns (a synchronous input needs no microtask per run). */
async function forEachRun(runs: EmitInput["runs"], take: (run: RunSettingInput) => Promise<void> | undefined): Promise<void> {
  if (typeof (runs as Iterable<RunSettingInput>)[Symbol.iterator] === "function") {
    for (const run of runs as Iterable<RunSettingInput>) {
      const pending = take(run);
      if (pending !== undefined) await pending;
    }
    return;
  }
  for await (const run of runs) {
    const pending = take(run);
    if (pending !== undefined) await pending;
  }
}

/** The finished request against the zod schema: a failure is a bug (its parts were checked). */
async function schemaCheck(result: Extract<EmitResult, { ok: true }>): Promise<void> {
  // zod (and the schemas) load only here, at the end: the compiler never needs them.
  const { StartRunBatchRequestSchema } = await import("./schema.js");
  const parsed = StartRunBatchRequestSchema.safeParse(result.request);
  if (parsed.success) return;
  if (result.settingsFile !== undefined) await unlink(result.settingsFile.path).catch(() => undefined);
  throw new Error(`internal error: the emitted request breaks the API model: ${parsed.error.message}`);
}
