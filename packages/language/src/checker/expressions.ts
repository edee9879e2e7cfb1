// Expression typing: `inferExpression` computes a type bottom-up; `checkExpression` checks
// against an expected type, pushing it into literals (enum members, S3 URIs, record fields,
// data-file calls). Every typed expression is recorded in `ctx.types`. An operand of type
// `error` is never reported again.
import type {
  BinaryExpression,
  CallExpression,
  ConditionalExpression,
  Expression,
  ListLiteral,
  RecordLiteral,
  UnaryExpression,
} from "../ast/nodes.js";
import { nameLabels, names } from "../diagnostics/codes/names.js";
import { didYouMean } from "@batchc/text";
import { DATA_FILE_BUILTINS } from "./builtins.js";
import type { CheckContext } from "./context.js";
import { inferComprehension } from "./comprehension.js";
import { checkCondition } from "./rules/bool-conditions.js";
import { checkArguments } from "./rules/builtin-arguments.js";
import { checkDataFileType } from "./rules/data-file-types.js";
import { checkEnumLiteral } from "./rules/enum-members.js";
import { inferGroupBy } from "./rules/group-by.js";
import { resolveCallee, resolveName } from "./rules/known-names.js";
import { checkS3UriLiteral, checkS3UriTemplate } from "./rules/s3uri-literals.js";
import type { Scope } from "./scope.js";
import {
  ANY,
  BOOL,
  ERROR,
  FLOAT,
  INT,
  NEVER,
  NULL,
  S3URI,
  STRING,
  containsError,
  elementType,
  isAssignable,
  isComparable,
  isNumeric,
  isStringLike,
  joinTypes,
  listOf,
  printType,
  type RecordFieldInfo,
  type RecordTypeInfo,
  type Type,
} from "./types.js";

/** Options of `checkExpression`. */
export interface ExpectOptions {
  /** Accept `null` (an optional record field or parameter). */
  allowNull?: boolean;
}

/** Types an expression against an expected type, reporting a mismatch; returns its type. */
export function checkExpression(ctx: CheckContext, scope: Scope, e: Expression | undefined, expected: Type, options: ExpectOptions = {}): Type {
  if (e === undefined) return ERROR;
  if (expected.kind === "error" || expected.kind === "any") return inferExpression(ctx, scope, e);
  switch (e.kind) {
    case "StringLiteral":
      if (expected.kind === "enum") {
        checkEnumLiteral(ctx, e.value, e.span, expected.values);
        return ctx.typed(e, expected);
      }
      if (expected.kind === "s3uri") {
        checkS3UriLiteral(ctx, e);
        return ctx.typed(e, S3URI);
      }
      break;
    case "TemplateString":
      if (expected.kind === "s3uri") {
        // stays a `string`: only the leading text is checked here, the value during expansion
        const t = inferExpression(ctx, scope, e);
        checkS3UriTemplate(ctx, e);
        return t;
      }
      break;
    case "NullLiteral":
      if (options.allowNull === true) return ctx.typed(e, NULL);
      break;
    case "ListLiteral":
      if (expected.kind === "list") {
        // the recorded type is what the elements are (a `string` stays one, checked by value
        // where a union is expected), not the expected type: the expander relies on it
        let element: Type | undefined = NEVER;
        for (const el of e.elements) {
          const t = checkExpression(ctx, scope, el, expected.element);
          element = element === undefined ? undefined : joinTypes(element, t);
        }
        noteTuples(ctx, e, element ?? ANY);
        return ctx.typed(e, listOf(element ?? ANY));
      }
      break;
    case "RecordLiteral":
      if (expected.kind === "record") return checkRecordLiteral(ctx, scope, e, expected);
      break;
    case "ConditionalExpression": {
      checkCondition(ctx, inferExpression(ctx, scope, e.condition), e.condition);
      const a = checkExpression(ctx, scope, e.then, expected, options);
      const b = checkExpression(ctx, scope, e.otherwise, expected, options);
      return ctx.typed(e, joinTypes(a, b) ?? ANY);
    }
    case "CallExpression":
      if (DATA_FILE_BUILTINS.includes(e.callee.name)) return checkDataFileCall(ctx, scope, e, expected);
      break;
    default:
      break;
  }
  const t = inferExpression(ctx, scope, e);
  if (!containsError(t) && !isAssignable(t, expected) && !(options.allowNull === true && t.kind === "null")) {
    ctx.report(names.typeMismatch(printType(expected), printType(t), mismatchHelp(expected, t, e)), e.span);
  }
  return t;
}

/** A fix for the common mismatches: a number or bool where a string is wanted, and back. */
function mismatchHelp(expected: Type, found: Type, e: Expression): string | undefined {
  const stringy = expected.kind === "string" || expected.kind === "s3uri" || expected.kind === "enum";
  if (stringy && (found.kind === "int" || found.kind === "float" || found.kind === "bool")) {
    return e.kind === "NumberLiteral" || e.kind === "BooleanLiteral" ? `write it as a string: \`"${e.kind === "NumberLiteral" ? e.raw : String(e.value)}"\`` : "convert it with `str(...)` or a template `\"${...}\"`";
  }
  if (found.kind === "string" && (expected.kind === "int" || expected.kind === "float")) {
    return e.kind === "StringLiteral" && /^-?\d+(\.\d+)?$/.test(e.value) ? `write the number without quotes: \`${e.value}\`` : `convert it with \`${expected.kind}(...)\``;
  }
  return undefined;
}

/** Computes an expression's type without context. */
export function inferExpression(ctx: CheckContext, scope: Scope, e: Expression | undefined): Type {
  if (e === undefined) return ERROR;
  switch (e.kind) {
    case "StringLiteral":
      return ctx.typed(e, STRING);
    case "TemplateString":
      // any part type is fine: it is converted as by `str()`
      for (const p of e.parts) if (p.kind !== "TemplateText") inferExpression(ctx, scope, p);
      return ctx.typed(e, STRING);
    case "NumberLiteral":
      return ctx.typed(e, e.integer ? INT : FLOAT);
    case "BooleanLiteral":
      return ctx.typed(e, BOOL);
    case "NullLiteral":
      return ctx.typed(e, NULL);
    case "ListLiteral":
      return ctx.typed(e, inferList(ctx, scope, e));
    case "ListComprehension":
      return ctx.typed(e, inferComprehension(ctx, scope, e, inferExpression));
    case "RecordLiteral":
      return ctx.typed(e, inferRecord(ctx, scope, e));
    case "NameExpression":
      return ctx.typed(e, resolveName(ctx, scope, e));
    case "FieldAccess":
      return ctx.typed(e, inferFieldAccess(ctx, scope, e.object, e.field.name, e.field.span));
    case "IndexAccess":
      return ctx.typed(e, inferIndex(ctx, scope, e.object, e.index));
    case "CallExpression":
      return ctx.typed(e, inferCall(ctx, scope, e));
    case "UnaryExpression":
      return ctx.typed(e, inferUnary(ctx, scope, e));
    case "BinaryExpression":
      return ctx.typed(e, inferBinary(ctx, scope, e));
    case "RangeExpression": {
      const a = inferExpression(ctx, scope, e.start);
      const b = inferExpression(ctx, scope, e.end);
      if (containsError(a) || containsError(b)) return ctx.typed(e, ERROR);
      if (!isAssignable(a, INT) || !isAssignable(b, INT)) {
        ctx.report(names.badOperands("..", printType(a), printType(b)), e.span);
        return ctx.typed(e, ERROR);
      }
      return ctx.typed(e, listOf(INT));
    }
    case "ConditionalExpression":
      return ctx.typed(e, inferConditional(ctx, scope, e));
    case "ErrorExpression":
      return ctx.typed(e, ERROR);
  }
}

function inferList(ctx: CheckContext, scope: Scope, e: ListLiteral): Type {
  let element: Type = NEVER;
  let first: Expression | undefined;
  for (const el of e.elements) {
    const t = inferExpression(ctx, scope, el);
    const joined = joinTypes(element, t);
    if (joined === undefined) {
      if (containsError(element) || containsError(t)) continue;
      ctx.report(names.listElementMismatch(printType(element), printType(t)), el.span, {
        labels: first ? [{ span: first.span, text: nameLabels.firstElement(printType(element)) }] : [],
      });
      continue;
    }
    if (first === undefined && t.kind !== "never" && t.kind !== "null") first = el;
    element = joined;
  }
  noteTuples(ctx, e, element);
  return listOf(element);
}

/** Remembers the common length of a literal list of literal lists (for destructuring). */
function noteTuples(ctx: CheckContext, e: ListLiteral, element: Type): void {
  if (e.elements.length === 0) return;
  let length: number | undefined;
  for (const el of e.elements) {
    if (el.kind !== "ListLiteral") return;
    if (length !== undefined && el.elements.length !== length) return;
    length = el.elements.length;
  }
  const inner = elementType(element) ?? ANY;
  if (length !== undefined) ctx.tuples.set(e, Array.from({ length }, () => inner));
}

function inferRecord(ctx: CheckContext, scope: Scope, e: RecordLiteral): Type {
  const fields = new Map<string, RecordFieldInfo>();
  const first = new Map<string, RecordLiteral["fields"][number]>();
  for (const f of e.fields) {
    const t = inferExpression(ctx, scope, f.value);
    const name = f.key.name;
    if (name === "") continue;
    const prev = first.get(name);
    if (prev !== undefined) {
      ctx.report(names.duplicateRecordField(name), f.key.span, { labels: [{ span: prev.key.span, text: nameLabels.firstSet }] });
      continue;
    }
    first.set(name, f);
    fields.set(name, { type: t, optional: false });
  }
  return { kind: "record", fields };
}

/** Checks a record literal field-wise; its recorded type has the fields' own types. */
function checkRecordLiteral(ctx: CheckContext, scope: Scope, e: RecordLiteral, expected: RecordTypeInfo): Type {
  const first = new Map<string, RecordLiteral["fields"][number]>();
  const fields = new Map<string, RecordFieldInfo>();
  for (const f of e.fields) {
    const name = f.key.name;
    const field = name === "" ? undefined : expected.fields.get(name);
    const prev = name === "" ? undefined : first.get(name);
    if (name === "" || prev !== undefined || field === undefined) {
      inferExpression(ctx, scope, f.value);
      if (prev !== undefined) {
        ctx.report(names.duplicateRecordField(name), f.key.span, { labels: [{ span: prev.key.span, text: nameLabels.firstSet }] });
      } else if (name !== "" && field === undefined) {
        ctx.report(names.noSuchField(name, printType(expected), didYouMean(name, expected.fields.keys())), f.key.span);
        first.set(name, f);
      }
      continue;
    }
    first.set(name, f);
    fields.set(name, { type: checkExpression(ctx, scope, f.value, field.type, { allowNull: field.optional }), optional: false });
  }
  const missing = [...expected.fields].filter(([k, f]) => !f.optional && !first.has(k)).map(([k]) => k);
  if (missing.length > 0) ctx.report(names.missingRecordFields(missing, printType(expected)), e.span);
  return ctx.typed(e, { kind: "record", fields });
}

/** Field access: a record's field, `any` on `any`; anything else is reported. */
function inferFieldAccess(ctx: CheckContext, scope: Scope, object: Expression, field: string, span: { start: number; end: number }): Type {
  const o = inferExpression(ctx, scope, object);
  if (field === "" || o.kind === "error") return ERROR;
  if (o.kind === "any") return ANY;
  if (o.kind === "never") return NEVER;
  if (o.kind === "record") {
    const f = o.fields.get(field);
    // an optional field may be missing: `any`, so its uses are checked by value
    if (f !== undefined) return f.optional ? ANY : f.type;
    ctx.report(names.noSuchField(field, printType(o), didYouMean(field, o.fields.keys())), span);
    return ERROR;
  }
  if (!containsError(o)) ctx.report(names.noFields(printType(o)), span);
  return ERROR;
}

/** `xs[i]` with an `int` on lists; `r["k"]` with a string on records (the field's type for a literal key, else `any`). */
function inferIndex(ctx: CheckContext, scope: Scope, object: Expression, index: Expression): Type {
  const o = inferExpression(ctx, scope, object);
  const i = inferExpression(ctx, scope, index);
  if (o.kind === "error") return ERROR;
  if (o.kind === "list") {
    if (!containsError(i) && !isAssignable(i, INT)) ctx.report(names.badIndex("int", printType(i)), index.span);
    return o.element;
  }
  if (o.kind === "record") {
    if (!isAssignable(i, STRING)) {
      if (!containsError(i)) ctx.report(names.badIndex("string", printType(i)), index.span);
      return ERROR;
    }
    if (index.kind === "StringLiteral") {
      const f = o.fields.get(index.value);
      return f === undefined || f.optional ? ANY : f.type;
    }
    return ANY;
  }
  if (o.kind === "any") return ANY;
  if (o.kind === "never") return NEVER;
  if (!containsError(o)) ctx.report(names.notIndexable(printType(o)), object.span);
  return ERROR;
}

function inferCall(ctx: CheckContext, scope: Scope, e: CallExpression): Type {
  const builtin = resolveCallee(ctx, scope, e);
  const args = e.args.map((a) => inferExpression(ctx, scope, a));
  if (builtin === undefined) return ERROR;
  if (builtin.name === "var") {
    ctx.report(names.misplacedVar(), e.span);
    return ERROR;
  }
  if (!checkArguments(ctx, e, builtin, args)) return ERROR;
  if (builtin.name === "zip") ctx.tuples.set(e, [elementType(args[0] ?? ANY) ?? ANY, elementType(args[1] ?? ANY) ?? ANY]);
  if (builtin.name === "enumerate") ctx.tuples.set(e, [INT, elementType(args[0] ?? ANY) ?? ANY]);
  if (builtin.name === "group_by") return inferGroupBy(ctx, e, args);
  return builtin.result(args);
}

/** `csv`/`tsv`/`json` in a typed context: the call has the expected type, recorded for the expander. */
function checkDataFileCall(ctx: CheckContext, scope: Scope, e: CallExpression, expected: Type): Type {
  const builtin = resolveCallee(ctx, scope, e);
  const args = e.args.map((a) => inferExpression(ctx, scope, a));
  if (builtin === undefined || !checkArguments(ctx, e, builtin, args)) return ctx.typed(e, ERROR);
  if (!checkDataFileType(ctx, e, expected)) return ctx.typed(e, ERROR);
  ctx.expectedTypes.set(e, expected);
  return ctx.typed(e, expected);
}

function inferUnary(ctx: CheckContext, scope: Scope, e: UnaryExpression): Type {
  const t = inferExpression(ctx, scope, e.operand);
  if (e.operator === "not") {
    if (t.kind !== "bool" && t.kind !== "any" && !containsError(t)) ctx.report(names.badOperand("not", printType(t)), e.span);
    return BOOL;
  }
  if (containsError(t)) return ERROR;
  if (t.kind === "any" || isNumeric(t)) return t;
  ctx.report(names.badOperand("-", printType(t)), e.span);
  return ERROR;
}

/** A help text for `"a" + 1`: the template that joins the two. */
function templateHelp(ctx: CheckContext, e: BinaryExpression): string {
  const part = (x: Expression): string => (x.kind === "StringLiteral" ? x.value : `\${${ctx.text(x.span)}}`);
  return `join strings and other values with a template: \`"${part(e.left)}${part(e.right)}"\``;
}

function inferBinary(ctx: CheckContext, scope: Scope, e: BinaryExpression): Type {
  const a = inferExpression(ctx, scope, e.left);
  const b = inferExpression(ctx, scope, e.right);
  const op = e.operator;
  const bad = (help?: string): Type => {
    ctx.report(names.badOperands(op, printType(a), printType(b), help), e.span);
    return ERROR;
  };
  const failed = containsError(a) || containsError(b);
  switch (op) {
    case "and":
    case "or":
      if (!failed && !(isAssignable(a, BOOL) && isAssignable(b, BOOL))) bad();
      return BOOL;
    case "==":
    case "!=":
      if (!failed && !isComparable(a, b)) bad();
      return BOOL;
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const ordered = (isNumeric(a) || a.kind === "any") && (isNumeric(b) || b.kind === "any");
      const strings = (isStringLike(a) || a.kind === "any") && (isStringLike(b) || b.kind === "any");
      if (!failed && !ordered && !strings) bad();
      return BOOL;
    }
    case "+": {
      if (failed) return ERROR;
      if (a.kind === "any" || b.kind === "any") return ANY;
      if (isNumeric(a) && isNumeric(b)) return a.kind === "int" && b.kind === "int" ? INT : FLOAT;
      if (isStringLike(a) && isStringLike(b)) return STRING;
      if (a.kind === "list" && b.kind === "list") {
        const element = joinTypes(a.element, b.element);
        return element === undefined ? bad() : listOf(element);
      }
      if (a.kind === "record" && b.kind === "record") {
        // merge, the right side winning
        const fields = new Map(a.fields);
        for (const [k, f] of b.fields) fields.set(k, f);
        return { kind: "record", fields };
      }
      return bad(isStringLike(a) || isStringLike(b) ? templateHelp(ctx, e) : undefined);
    }
    case "-":
    case "*":
    case "/":
    case "%": {
      if (failed) return ERROR;
      const numA = isNumeric(a) || a.kind === "any";
      const numB = isNumeric(b) || b.kind === "any";
      if (!numA || !numB) return bad();
      if (op === "/") return FLOAT;
      if (a.kind === "int" && b.kind === "int") return INT;
      return a.kind === "any" || b.kind === "any" ? ANY : FLOAT;
    }
  }
}

function inferConditional(ctx: CheckContext, scope: Scope, e: ConditionalExpression): Type {
  checkCondition(ctx, inferExpression(ctx, scope, e.condition), e.condition);
  const a = inferExpression(ctx, scope, e.then);
  const b = inferExpression(ctx, scope, e.otherwise);
  const joined = joinTypes(a, b);
  if (joined !== undefined) return joined;
  if (containsError(a) || containsError(b)) return ERROR;
  ctx.report(names.branchMismatch(printType(a), printType(b)), e.otherwise.span, {
    labels: [{ span: e.then.span, text: nameLabels.otherBranch(printType(a)) }],
  });
  return ERROR;
}
