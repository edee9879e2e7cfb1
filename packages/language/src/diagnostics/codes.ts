// The catalog of every diagnostic, by phase (as TypeScript's diagnosticMessages.json).
// BC1xxx syntax, BC2xxx names and types, BC3xxx expansion and data files, BC5xxx CLI and I/O.
// BC4xxx (API limits) live in @batchc/omics. Codes are stable: never reuse one.
export { syntax } from "./codes/syntax.js";
export { names } from "./codes/names.js";
export { expand } from "./codes/expand.js";
export { cli } from "./codes/cli.js";
