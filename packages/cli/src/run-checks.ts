// The run checks `batchc check` makes, for the language server (which runs them a slice at a
// time between requests): the compiler's, loaded only when the server starts.
export { checkRuns as runChecks, type RunChecks } from "@batchc/compiler";
