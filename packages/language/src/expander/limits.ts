// Size limits on values a program builds: strings and lists above them are an error (BC3046)
// instead of exhausting memory or V8's own limits ("Invalid string length", fatal errors).
import { expand as codes } from "../diagnostics/codes/expand.js";
import { BuiltinError } from "./errors.js";
import { MAX_PARTS } from "@batchc/model";

/** Longest string a program may build (16 Mi characters; a run's parameters hold at most 50 KB). */
export const MAX_STRING = 16 * 1024 * 1024;
/** Longest list a program may build. */
export const MAX_LIST = 10_000_000;

/** Throws BC3046 (blaming argument `arg`, or the call) when a string would exceed MAX_STRING. */
export function checkStringSize(size: number, arg?: number): void {
  if (size > MAX_STRING) throw new BuiltinError(codes.valueTooLarge("string", size, MAX_STRING), arg);
}

/** Throws BC3046 when a list would exceed MAX_LIST. */
export function checkListSize(size: number, arg?: number): void {
  if (size > MAX_LIST) throw new BuiltinError(codes.valueTooLarge("list", size, MAX_LIST), arg);
}

/**
 * Expansion stops after this many runs: one more than a batch may hold (100,000), so that a
 * program over the limit is reported as such without expanding it whole. With
 * `maxRunsPerBatch = N`, one more than the most parts hold (1,000 × N; see `expansionLimit`).
 */
export const MAX_EXPANDED_RUNS = 100_001;

/** The run bound of a batch (see MAX_EXPANDED_RUNS). */
export function expansionLimit(maxRunsPerBatch: number | undefined): number {
  return maxRunsPerBatch === undefined ? MAX_EXPANDED_RUNS : MAX_PARTS * maxRunsPerBatch + 1;
}
