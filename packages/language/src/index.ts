// @batchc/language: the `.batch` front end. No AWS code; all file access through a Host.
export type { Span } from "./source.js";
export { SourceFile } from "./source.js";
export type { Diagnostic, DiagnosticMessage } from "./diagnostics/diagnostic.js";
export { at, sortDiagnostics, hasErrors } from "./diagnostics/diagnostic.js";
export { DiagnosticFold } from "./diagnostics/fold.js";
export * as codes from "./diagnostics/codes.js";
export { renderDiagnostics, diagnosticToJson } from "./diagnostics/render.js";
export type * from "./ast/nodes.js";
export type { Type } from "./checker/types.js";
export { printType } from "./checker/types.js";
export { BUILTINS, BUILTIN_NAMES, printSignature } from "./checker/builtins.js";
export { BATCH_SCHEMA, DEFAULTS_SCHEMA, RUN_SCHEMA, type BlockSchema } from "./checker/block-schemas.js";
export type { CheckedProgram } from "./checker/checked-program.js";
export type { Value } from "./values.js";
export { isRecordValue } from "./values.js";
export type { Host } from "./host.js";
export { nodeHost, memoryHost, type ReadOptions } from "./host.js";
export { InvalidUtf8 } from "./utf8.js";
export { confineHost } from "./read-policy.js";
export type {
  RunSpec,
  Binding,
  DefaultSettings,
  EffectiveRun,
} from "./expander/run-spec.js";
export { tokenize } from "./lexer/lex.js";
export { parse } from "./parser/parse.js";
export { printExpression, printTypeExpression } from "./ast/print.js";
export { forEachChild } from "./ast/walk.js";
export { check } from "./checker/check.js";
export { effectiveRun, iterationText } from "./expander/expand.js";
export { cellNote, cellOf, type DataCell, type DataLines } from "./expander/data-cell.js";
export { compileFile, type FrontEndResult } from "./compile.js";
export { formatSource } from "./format.js";
export { s3GlobListings, type S3Listing } from "./expander/builtins/s3-glob.js";
