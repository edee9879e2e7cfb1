// Batch-wide limits of StartRunBatch, in a module of their own so that checking a program's
// run count does not load the emitter (and zod with it).

/** Most runs an inline batch carries (`inlineSettings` list length). */
export const MAX_INLINE_RUNS = 100;
/** Most runs a batch may hold. */
export const MAX_RUNS = 100_000;
