// More than one batch (docs/language.md §8b): a program whose `batch` block sets
// `maxRunsPerBatch = N` has its runs cut, in order, into consecutive parts of at most N runs,
// each a StartRunBatch request of its own. These are the facts both the expander (its bound on
// the runs it produces) and the emitter (names and ids of the parts) rely on.

/** Most runs one StartRunBatch request holds, and so the largest `maxRunsPerBatch`. */
export const MAX_RUNS_PER_BATCH = 100_000;
/** Most parts a program may be cut into. */
export const MAX_PARTS = 1_000;

/** How many parts `count` runs make with at most `perPart` runs each. */
export function partCount(count: number, perPart: number): number {
  return Math.ceil(count / perPart);
}

/** The batch name of part `k` (from 1) of `p`: `NAME-part-K-of-P`, or `part-K-of-P` without a name. */
export function partName(batchName: string | undefined, k: number, p: number): string {
  const suffix = `part-${k}-of-${p}`;
  return batchName === undefined || batchName === "" ? suffix : `${batchName}-${suffix}`;
}

/** The `requestId` of part `k` from an explicit one: `ID-K`. */
export function partRequestId(requestId: string, k: number): string {
  return `${requestId}-${k}`;
}

/** Where `maxRunsPerBatch` is outside 1 to 100,000, or not a whole number: why, else undefined. */
export function maxRunsPerBatchProblem(n: number): string | undefined {
  if (!Number.isInteger(n)) return `it must be a whole number, not ${n}`;
  if (n < 1 || n > MAX_RUNS_PER_BATCH) return `it is from 1 to 100,000; this one is ${n}`;
  return undefined;
}
