// A StartRunBatch body given as JSON (`batchc submit REQUEST.json`), checked as thoroughly as a
// compiled program: every model constraint on the batch, the defaults and each run, and the rules
// the model cannot express (unique `runSettingId`s, an `s3://` `outputUri` for every run,
// `cacheBehavior` only with `cacheId`, at most 50 run tags and 51,200 bytes of parameters after
// merging). The validators are the ones the compiler uses; nothing here restates a constraint.
import { api, type DiagnosticMessage } from "./codes.js";
import { StartRunBatchRequestSchema } from "./schema.js";
import type { BatchInput, RunSettingInput } from "./types.js";
import { displayPath, isPlainObject, validateBatch, validateDefaults, validateMergedRun, validateRunSetting, type Path, type Violation } from "./validate.js";

/** One problem of a request body: where it is (`batchRunSettings.inlineSettings[1].outputUri`) and what. */
export interface RequestProblem {
  path: string;
  /** The catalog message, or (for the request's own shape) the schema's words. */
  message: DiagnosticMessage | { code?: undefined; message: string; help?: undefined };
}

/** Every problem of a StartRunBatch body (empty when it may be sent). */
export function checkRequestBody(body: unknown): RequestProblem[] {
  const problems: RequestProblem[] = [];
  const add = (base: Path, found: readonly Violation[]): void => {
    for (const v of found) problems.push({ path: displayPath([...base, ...v.path]) || "(the body)", message: v.message });
  };
  if (isPlainObject(body)) {
    const batch: BatchInput = {};
    if (body.batchName !== undefined) batch.batchName = body.batchName as string;
    if (body.requestId !== undefined) batch.requestId = body.requestId as string;
    if (body.tags !== undefined) batch.tags = body.tags as Record<string, string>;
    add([], validateBatch(batch));
    const defaults = body.defaultRunSetting;
    if (defaults !== undefined) add(["defaultRunSetting"], validateDefaults(defaults));
    const settings = body.batchRunSettings;
    const inline = isPlainObject(settings) && Array.isArray(settings.inlineSettings) ? settings.inlineSettings : [];
    const merged = (isPlainObject(defaults) ? defaults : {}) as { outputUri?: unknown; runTags?: unknown; parameters?: unknown };
    const seen = new Map<string, number>();
    inline.forEach((run: unknown, i: number) => {
      const base: Path = ["batchRunSettings", "inlineSettings", i];
      const own = validateRunSetting(run);
      add(base, own);
      if (!isPlainObject(run)) return;
      if (own.length === 0) add(base, validateMergedRun(merged, run as unknown as RunSettingInput));
      const id = run.runSettingId;
      if (typeof id !== "string") return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else problems.push({ path: displayPath([...base, "runSettingId"]), message: api.duplicateRunSettingId(id, first, i) });
    });
  }
  // The shape of the request itself (an object, required members, exactly one of inline and S3
  // settings, no members the model lacks): the parts the checks above do not look at.
  const parsed = StartRunBatchRequestSchema.safeParse(body);
  if (!parsed.success) {
    const o = isPlainObject(body) ? body : {};
    const covered = (path: readonly PropertyKey[]): boolean =>
      path[0] === "batchName" ||
      path[0] === "requestId" ||
      path[0] === "tags" ||
      (path[0] === "defaultRunSetting" && o.defaultRunSetting !== undefined) ||
      (path[0] === "batchRunSettings" && path[1] === "inlineSettings" && path.length > 2);
    for (const issue of parsed.error.issues) {
      if (covered(issue.path)) continue;
      problems.push({ path: issue.path.length > 0 ? displayPath(issue.path as Path) : "(the body)", message: { message: issue.message } });
    }
  }
  return problems;
}
