// @batchc/language: the `.batch` front end. No AWS code; all file access through a Host.
export type { Span, Position } from "./source.js";
export { SourceFile } from "./source.js";
export type { Diagnostic, DiagnosticMessage, Label, Severity } from "./diagnostics/diagnostic.js";
export { at, sortDiagnostics, hasErrors } from "./diagnostics/diagnostic.js";
export { DiagnosticFold, MAX_ERRORS } from "./diagnostics/fold.js";
export * as codes from "./diagnostics/codes.js";
export { renderDiagnostic, renderDiagnostics, diagnosticToJson, type RenderOptions } from "./diagnostics/render.js";
export type * from "./ast/nodes.js";
export type { Type } from "./checker/types.js";
export { printType, isAssignable, joinTypes, isComparable, containsError, enumOf, listOf } from "./checker/types.js";
export { BUILTINS, BUILTIN_NAMES, DATA_FILE_BUILTINS, printSignature, type Builtin, type BuiltinParam } from "./checker/builtins.js";
export { API_ENUMS, BATCH_SCHEMA, DEFAULTS_SCHEMA, RUN_SCHEMA, type BlockSchema, type EntrySpec } from "./checker/block-schemas.js";
export type { CheckedProgram, ParamSchema, ParamInfo } from "./checker/checked-program.js";
export type { Value, RecordValue } from "./values.js";
export { valueToString, displayValue, isRecordValue } from "./values.js";
export type { Host } from "./host.js";
export { nodeHost, memoryHost, HostError, MAX_DATA_FILE_BYTES, type ReadOptions } from "./host.js";
export { InvalidUtf8, decodeUtf8 } from "./utf8.js";
export { confineHost, isInside, type ReadPolicy } from "./read-policy.js";
export type {
  RunSpec,
  RunFields,
  Binding,
  DataOrigin,
  DefaultSettings,
  BatchSettings,
  EffectiveRun,
} from "./expander/run-spec.js";
export { tokenize, type TokenizeResult } from "./lexer/lex.js";
export { parse, type ParseResult } from "./parser/parse.js";
export { printProgram, formatProgram, printExpression, printTypeExpression } from "./ast/print.js";
export { debugExpr, debugType, debugStatement, debugProgram } from "./ast/debug.js";
export { walk, forEachChild } from "./ast/walk.js";
export { check, type CheckOptions, type CheckResult } from "./checker/check.js";
export { expand, effectiveRun, iterationText, type Expansion, type ExpandOptions } from "./expander/expand.js";
export { compileFile, type FrontEndOptions, type FrontEndResult } from "./compile.js";
export { formatSource, type FormatResult } from "./format.js";
export { s3GlobListings, s3Listing, type S3Listing } from "./expander/builtins/s3-glob.js";
