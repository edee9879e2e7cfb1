// Completion: the fields a block allows (with their constraints and meaning), enum values,
// declared parameters in `params { }`, record fields after `.` (a sheet's columns from its
// header), built-ins with their signatures, and the names in scope.
import * as path from "node:path";
import {
  BATCH_SCHEMA,
  BUILTINS,
  DEFAULTS_SCHEMA,
  RUN_SCHEMA,
  SourceFile,
  check,
  confineHost,
  parse,
  printSignature,
  printType,
  printTypeExpression,
  type BlockSchema,
  type Host,
  type NameExpression,
  type ParamDeclaration,
  type Type,
} from "@batchc/language";
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver";
import { contextAt, type OpenBlock } from "./context.js";
import type { Analysis } from "./documents.js";
import { constraintsOf, describeField, enumValuesOf } from "./field-docs.js";
import { buildSymbols, expressionWithSpan, type Definition, type SymbolTable } from "./symbols.js";

const SCHEMAS: Partial<Record<OpenBlock["kind"], BlockSchema>> = { batch: BATCH_SCHEMA, defaults: DEFAULTS_SCHEMA, run: RUN_SCHEMA };
const TOP_LEVEL = ["batch", "defaults", "params", "type", "let", "for", "if", "run"];
const NESTED = ["let", "for", "if", "run"];

/** The completion items at `offset` of the document's current text. */
export function complete(analysis: Analysis, text: string, offset: number, cache: Host): CompletionItem[] {
  // Data files are read below the document's folder only, as `batchc check` reads them.
  const host = confineHost(cache, { roots: [path.dirname(analysis.fileName)] });
  const ctx = contextAt(text, offset);
  const block = ctx.blocks[ctx.blocks.length - 1];
  const parent = ctx.blocks[ctx.blocks.length - 2];
  switch (ctx.position) {
    case "member":
      return memberItems(analysis, text, offset, ctx.object as { start: number; end: number }, host);
    case "value": {
      const key = ctx.key as string;
      const values = block?.kind === "map" && block.key === "params" ? paramEnum(analysis, key) : SCHEMAS[block?.kind ?? "other"] ? enumValuesOf(key) : undefined;
      const enums = (values ?? []).map((v): CompletionItem => ({ label: `"${v}"`, kind: CompletionItemKind.EnumMember, filterText: v, insertText: v, detail: key }));
      if (enums.length > 0) return enums;
      return expressionItems(analysis, offset);
    }
    case "entry": {
      const schema = SCHEMAS[block?.kind ?? "other"];
      if (schema) return fieldItems(schema);
      if (block?.kind === "map" && block.key === "params" && (parent?.kind === "run" || parent?.kind === "defaults")) return paramItems(analysis);
      if (block === undefined) return keywords(TOP_LEVEL);
      if (block.kind === "for" || block.kind === "if") return [...keywords(NESTED), ...expressionItems(analysis, offset)];
      if (block.kind === "params" || block.kind === "map") return [];
      return expressionItems(analysis, offset);
    }
    case "expression":
      return expressionItems(analysis, offset);
  }
}

function keywords(words: readonly string[]): CompletionItem[] {
  return words.map((w) => ({ label: w, kind: CompletionItemKind.Keyword }));
}

/** The fields a block allows, each with its constraints and meaning. */
function fieldItems(schema: BlockSchema): CompletionItem[] {
  return [...schema.entries.entries()].map(([name, spec]): CompletionItem => {
    const required = schema.required.includes(name) ? " (required)" : "";
    const detail = spec.kind === "field" ? (constraintsOf(name) ?? printType(spec.type)) : spec.kind === "tags" ? "tags { key = \"value\" }" : "params { name = value }";
    const item: CompletionItem = { label: name, kind: spec.kind === "field" ? CompletionItemKind.Field : CompletionItemKind.Module, detail: `${detail}${required}` };
    const doc = describeField(name);
    if (doc !== undefined) item.documentation = doc;
    return item;
  });
}

function declarations(analysis: Analysis): ParamDeclaration[] {
  return analysis.symbols.params().map((d) => d.node as ParamDeclaration);
}

/** The declared parameters, for `params { }` inside `defaults` or a `run`. */
function paramItems(analysis: Analysis): CompletionItem[] {
  const fromSchema = analysis.frontEnd.checked?.params?.params;
  if (fromSchema !== undefined) {
    return [...fromSchema.values()].map((p): CompletionItem => ({
      label: p.name,
      kind: CompletionItemKind.Property,
      detail: `${p.name}${p.optional ? "?" : ""}: ${printType(p.type)}`,
      ...(p.description ? { documentation: p.description } : {}),
    }));
  }
  return declarations(analysis).map((d): CompletionItem => ({
    label: d.key.name,
    kind: CompletionItemKind.Property,
    detail: `${d.key.name}${d.optional ? "?" : ""}${d.type ? `: ${printTypeExpression(d.type)}` : ""}`,
  }));
}

/** The values of a declared parameter of enum type. */
function paramEnum(analysis: Analysis, name: string): readonly string[] | undefined {
  const t = analysis.frontEnd.checked?.params?.params.get(name)?.type;
  return t?.kind === "enum" ? t.values : undefined;
}

/** Names in scope, then the built-ins, then the literals. */
function expressionItems(analysis: Analysis, offset: number): CompletionItem[] {
  const names = analysis.symbols.visibleAt(offset).map((d): CompletionItem => {
    const t = typeOfDefinition(analysis, d);
    return { label: d.name, kind: d.kind === "loop" ? CompletionItemKind.Variable : CompletionItemKind.Constant, detail: t === undefined ? d.kind : printType(t) };
  });
  const builtins = [...BUILTINS.values()].map((b): CompletionItem => ({ label: b.name, kind: CompletionItemKind.Function, detail: printSignature(b) }));
  return [...names, ...builtins, ...keywords(["true", "false", "null", "if", "not"])];
}

/** The type of a `let` (its value's) or a loop variable (its list's element). */
export function typeOfDefinition(analysis: Analysis, d: Definition): Type | undefined {
  const checked = analysis.frontEnd.checked;
  if (checked === undefined) return undefined;
  if (d.kind === "let" && d.node.kind === "LetStatement") {
    return (d.node.type ? checked.annotations.get(d.node.type) : undefined) ?? checked.types.get(d.node.value);
  }
  if (d.kind === "loop" && (d.node.kind === "ForStatement" || d.node.kind === "ListComprehension")) {
    for (const src of d.node.sources) {
      const i = src.names.findIndex((n) => n.span.start === d.span.start);
      if (i === -1) continue;
      const t = checked.types.get(src.iterable);
      const element = t?.kind === "list" ? t.element : undefined;
      if (!src.destructure) return element;
      if (i === 0) return { kind: "int" };
      return element;
    }
  }
  return undefined;
}

/**
 * Record fields after `expr.`: the text is checked again without the `.` being typed (so it
 * parses), and the fields of the expression's record type are offered.
 */
function memberItems(analysis: Analysis, text: string, offset: number, object: { start: number; end: number }, host: Host): CompletionItem[] {
  const prefixLength = offset - object.end - 1;
  const patched = text.slice(0, object.end) + text.slice(object.end + 1 + prefixLength);
  const source = new SourceFile(analysis.fileName, patched);
  const parsed = parse(source);
  const checked = check(parsed.program, source, { host, baseDir: path.dirname(analysis.fileName), syntax: parsed.diagnostics }).checked;
  const found = expressionWithSpan(parsed.program, object);
  const t = found === undefined ? undefined : checked.types.get(found);
  if (t?.kind !== "record") {
    const columns = found?.kind === "NameExpression" ? sheetColumns(buildSymbols(parsed.program, patched.length), found, analysis.fileName, host) : [];
    return columns.map((name): CompletionItem => ({ label: name, kind: CompletionItemKind.Field, detail: `${name}: string (a column)` }));
  }
  return [...t.fields.entries()].map(([name, f]): CompletionItem => ({
    label: name,
    kind: CompletionItemKind.Field,
    detail: `${name}${f.optional ? "?" : ""}: ${printType(f.type)}`,
  }));
}

/**
 * The columns of the sheet a loop variable iterates, `for s in csv("f.csv")`, from the
 * header line of the file (read beside the document, through the document's cache).
 */
function sheetColumns(symbols: SymbolTable, name: NameExpression, fileName: string, host: Host): string[] {
  const d = symbols.visibleAt(name.span.start).find((x) => x.name === name.name.name);
  if (d?.kind !== "loop" || d.node.kind !== "ForStatement") return [];
  const source = d.node.sources.find((src) => src.names.some((n) => n.span.start === d.span.start));
  const call = source?.iterable;
  const path0 = call?.kind === "CallExpression" ? call.args[0] : undefined;
  if (call?.kind !== "CallExpression" || (call.callee.name !== "csv" && call.callee.name !== "tsv") || path0?.kind !== "StringLiteral") return [];
  let header: string;
  try {
    header = host.readFile(path.resolve(path.dirname(fileName), path0.value)).split(/\r?\n/, 1)[0] ?? "";
  } catch {
    return [];
  }
  return header
    .split(call.callee.name === "csv" ? "," : "\t")
    .map((c) => c.trim().replace(/^"(.*)"$/, "$1"))
    .filter((c) => c !== "");
}
