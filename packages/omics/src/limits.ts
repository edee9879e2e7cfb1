// Batch-wide limits of StartRunBatch, in a module of their own so that checking a program's
// run count does not load the emitter (and zod with it).
import { api, type DiagnosticMessage } from "./codes.js";

/** Most runs an inline batch carries (`inlineSettings` list length). */
export const MAX_INLINE_RUNS = 100;
/** Most runs a batch may hold. */
export const MAX_RUNS = 100_000;

/**
 * The batch-wide rule on the number of runs (docs/language.md §8.5): none (BC4019), more than
 * 100,000 (BC4020), or more than 100 without a settings prefix to put their file under (BC4021).
 * The one statement of the rule; the emitter and the compiler's checks both ask it.
 */
export function runCountProblem(count: number, hasSettingsPrefix: boolean): DiagnosticMessage | undefined {
  if (count === 0) return api.noRuns();
  if (count > MAX_RUNS) return api.tooManyRuns(count);
  if (count > MAX_INLINE_RUNS && !hasSettingsPrefix) return api.settingsPrefixRequired(count);
  return undefined;
}
