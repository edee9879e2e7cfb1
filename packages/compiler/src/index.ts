// @batchc/compiler: the pipeline from a `.batch` program to its request, one way through:
// text → AST → checked program → expanded runs (the front end, `@batchc/language`) → each run
// checked against the API with its problems placed at the source (run-checks.ts) → the
// request and its settings file (`@batchc/omics`' RequestBuilder). See docs/architecture.md.
export { analyseProgram, type ProgramOptions } from "./analyse.js";
export { checkRuns, checkAllRuns, type RunChecks } from "./check-runs.js";
export { emitBatch, type EmitBatchOptions, type BatchOutcome, type EmittedBatch } from "./emit-batch.js";
export { RunChecker, runSetting } from "./run-checks.js";
export { SourceLocator } from "./source-places.js";
