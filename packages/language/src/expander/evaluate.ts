// The expression compiler of the expander: each expression becomes a JavaScript closure once
// (`compile(expr) => (env) => Value`), so expanding 100,000 runs never walks the AST. No code
// is made from text: every evaluator is a closure over the compiled parts.
// Names resolve at compile time: top-level `let`s (evaluated once) become constants, loop
// variables and nested `let`s become slots of a flat `env` array. Static types from the
// checker select fast paths; values typed `any` (or untyped) go through checked slow paths.
//
// Choices where docs/language.md is silent:
// - Reading an optional record field that is absent gives `null`.
// - `xs[i]` needs 0 <= i < len(xs) (no negative indices); `r["key"]` reads a record field.
// - The binary operators: operators.ts.
import { fixesS3Uri } from "@batchc/model";
import type {
  BinaryExpression,
  CallExpression,
  Expression,
  FieldAccess,
  IndexAccess,
  ListLiteral,
  RangeExpression,
  RecordLiteral,
  TemplateString,
} from "../ast/nodes.js";
import type { CheckedProgram } from "../checker/checked-program.js";
import { checkListSize, checkStringSize, MAX_STRING } from "./limits.js";
import { containsError, printType, type Type } from "../checker/types.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import type { DiagnosticMessage } from "../diagnostics/diagnostic.js";
import { isRecordValue, valueToString, type RecordValue, type Value } from "../values.js";
import { BUILTIN_IMPLS, TYPED_BUILTINS, intRange } from "./builtins/index.js";
import { operator } from "./operators.js";
import type { CallSite, ExpandContext } from "./builtins/context.js";
import { fitsTest, mismatch, mismatchMessage, needsCheck, type Mismatch } from "./coerce.js";
import { BuiltinError, Failure, SILENT, describeValue } from "./errors.js";
import { NO_FAULTS, type Faults } from "./faults.js";
import { compileComprehension } from "./comprehension.js";
import { setKey } from "./records.js";
import type { Span } from "../source.js";
import { Scope } from "./scope.js";
import type { Evaluator, SubCompiler } from "./evaluator.js";

export { Scope, type Ref } from "./scope.js";

/** A compiled expression: reads the loop variables and nested `let`s from `env`. */

const fail = (msg: DiagnosticMessage, span: Span): never => {
  throw new Failure(msg, span);
};


/**
 * True when `e` is a string or a template whose text starts with `s3://bucket/`: its value is
 * then always a valid `s3uri`, whatever the template's parts are.
 */
export function startsAsS3Uri(e: Expression): boolean {
  const head = e.kind === "StringLiteral" ? e.value : e.kind === "TemplateString" && e.parts[0]?.kind === "TemplateText" ? e.parts[0].value : "";
  return fixesS3Uri(head);
}

const PROTO_NAMES = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Compiles expressions of one checked program against a shared built-in context. */
export class ExprCompiler implements SubCompiler {
  /** Values of evaluators known to be constant (literals, top-level lets, lists of those). */
  private readonly constants = new WeakMap<Evaluator, Value>();

  constructor(
    private readonly checked: CheckedProgram,
    private readonly ctx: ExpandContext,
    /** Hands out a fresh `env` slot (for a comprehension's variables). */
    private readonly allocate: () => number,
    /** The checker's errors: an expression holding one is not evaluated. */
    readonly faults: Faults = NO_FAULTS,
  ) {}

  /** The checker's static type of an expression, when it recorded one. */
  typeOf(e: Expression): Type | undefined {
    return this.checked.types.get(e);
  }

  /** The constant value of a compiled evaluator, if it is constant. */
  constantOf(f: Evaluator): { value: Value } | undefined {
    return this.constants.has(f) ? { value: this.constants.get(f) as Value } : undefined;
  }

  private constant(v: Value): Evaluator {
    const f: Evaluator = () => v;
    this.constants.set(f, v);
    return f;
  }

  /**
   * Compiles `e`. `declared` is the type of the `let` or parameter the value goes to: it types
   * data-file calls and `var()` when the checker left no expected type for them.
   */
  compile(e: Expression, scope: Scope, declared?: Type): Evaluator {
    if (this.faults.within(e.span)) return silent;
    switch (e.kind) {
      case "StringLiteral":
      case "NumberLiteral":
      case "BooleanLiteral":
        return this.constant(e.value);
      case "NullLiteral":
        return this.constant(null);
      case "TemplateString":
        return this.template(e, scope);
      case "ListLiteral":
        return this.list(e, scope);
      case "ListComprehension":
        return compileComprehension(this, e, scope, this.allocate, this.ctx);
      case "RecordLiteral":
        return this.record(e, scope);
      case "NameExpression": {
        const ref = scope.lookup(e.name.name);
        if (ref === undefined || ref.kind === "poisoned") return silent;
        if (ref.kind === "const") return this.constant(ref.value);
        const slot = ref.slot;
        return (env) => env[slot] as Value;
      }
      case "FieldAccess":
        return this.field(e, scope);
      case "IndexAccess":
        return this.index(e, scope);
      case "CallExpression":
        return this.call(e, scope, declared);
      case "UnaryExpression":
        return unary(e.operator, this.compile(e.operand, scope), e.span);
      case "BinaryExpression":
        return this.binary(e, scope);
      case "RangeExpression":
        return this.range(e, scope);
      case "ConditionalExpression": {
        const c = this.condition(e.condition, scope);
        const a = this.compile(e.then, scope);
        const b = this.compile(e.otherwise, scope);
        return (env) => (c(env) ? a(env) : b(env));
      }
      case "ErrorExpression":
        return silent;
    }
  }

  private list(e: ListLiteral, scope: Scope): Evaluator {
    const fns = e.elements.map((x) => this.compile(x, scope));
    if (fns.every((f) => this.constants.has(f))) return this.constant(fns.map((f) => this.constants.get(f) as Value));
    const n = fns.length;
    return (env) => {
      const out = new Array<Value>(n);
      for (let i = 0; i < n; i++) out[i] = (fns[i] as Evaluator)(env);
      return out;
    };
  }

  private record(e: RecordLiteral, scope: Scope): Evaluator {
    const names = e.fields.map((f) => f.key.name);
    const fns = e.fields.map((f) => this.compile(f.value, scope));
    if (fns.every((f) => this.constants.has(f))) {
      const r: RecordValue = {};
      names.forEach((k, i) => setKey(r, k, this.constants.get(fns[i] as Evaluator) as Value));
      return this.constant(r);
    }
    const n = fns.length;
    return (env) => {
      const r: RecordValue = {};
      for (let i = 0; i < n; i++) setKey(r, names[i] as string, (fns[i] as Evaluator)(env));
      return r;
    };
  }

  private range(e: RangeExpression, scope: Scope): Evaluator {
    const from = this.compile(e.start, scope);
    const to = this.compile(e.end, scope);
    const { start, end } = e;
    return (env) => {
      const a = this.intOperand(from(env), start.span, "..");
      const b = this.intOperand(to(env), end.span, "..");
      try {
        return intRange(a, b);
      } catch (x) {
        throw this.place(x, e.span, []);
      }
    };
  }

  /**
   * True when the value of `e` must be checked against `to` at run time. Besides the static
   * type, a string or template that starts with `s3://bucket/` is always a valid `s3uri`.
   */
  needsCheck(to: Type, e: Expression): boolean {
    // A type holding a checker error (an unknown type name) checks nothing: the error is reported.
    if (containsError(to) || !needsCheck(to, this.typeOf(e))) return false;
    return !(to.kind === "s3uri" && startsAsS3Uri(e));
  }

  /** Compiles a condition to a JS boolean; a non-bool value (typed `any`) is an error. */
  condition(e: Expression, scope: Scope): (env: Value[]) => boolean {
    const f = this.compile(e, scope);
    const t = this.typeOf(e);
    if (t?.kind === "bool") return (env) => f(env) === true;
    const span = e.span;
    return (env) => {
      const v = f(env);
      if (typeof v !== "boolean") fail(codes.wrongType("the condition", "bool", describeValue(v)), span);
      return v as boolean;
    };
  }

  /**
   * Wraps `f` so its value is checked against `to` (and reported as `what`), unless the static
   * type already guarantees it.
   */
  conform(f: Evaluator, e: Expression, to: Type, what: string): Evaluator {
    if (!this.needsCheck(to, e)) return f;
    const span = e.span;
    const fits = fitsTest(to);
    const check = (v: Value): Value => {
      if (fits(v)) return v;
      throw new Failure(mismatchMessage(mismatch(v, to) as Mismatch, what), span).about(v);
    };
    const c = this.constants.get(f);
    if (c !== undefined || this.constants.has(f)) return () => check(c as Value);
    return (env) => check(f(env));
  }

  private intOperand(v: Value, span: Span, op: string): number {
    if (typeof v !== "number" || !Number.isInteger(v)) fail(codes.wrongType(`an operand of \`${op}\``, "int", describeValue(v)), span);
    return v as number;
  }

  private template(e: TemplateString, scope: Scope): Evaluator {
    // Texts and expressions alternate: texts[0] f0 texts[1] f1 ... texts[n].
    const texts: string[] = [""];
    const fns: Evaluator[] = [];
    const stringParts: boolean[] = [];
    for (const part of e.parts) {
      if (part.kind === "TemplateText") texts[texts.length - 1] += part.value;
      else {
        const f = this.compile(part, scope);
        const c = this.constantOf(f);
        // A constant part is folded in, unless the text would grow past the limit (the
        // evaluator then reports it, at run time, as any other oversized string).
        const text = c === undefined ? undefined : valueToString(c.value);
        if (text !== undefined && (texts[texts.length - 1] as string).length + text.length <= MAX_STRING) texts[texts.length - 1] += text;
        else {
          const k = this.typeOf(part)?.kind;
          fns.push(f);
          stringParts.push(k === "string" || k === "s3uri" || k === "enum");
          texts.push("");
        }
      }
    }
    const t0 = texts[0] as string;
    if (fns.length === 0) return this.constant(t0);
    // Parts typed as strings skip the conversion.
    const span = e.span;
    const parts = fns.map((f, i) => (stringParts[i] ? f : (env: Value[]): string => valueToString(f(env))));
    const rest = texts.slice(1);
    return (env) => {
      let r = t0;
      for (let i = 0; i < parts.length; i++) r += (parts[i] as Evaluator)(env) + (rest[i] as string);
      if (r.length > MAX_STRING) throw new Failure(codes.valueTooLarge("string", r.length, MAX_STRING), span);
      return r;
    };
  }

  private field(e: FieldAccess, scope: Scope): Evaluator {
    const obj = this.compile(e.object, scope);
    const name = e.field.name;
    const span = e.field.span;
    const t = this.typeOf(e.object);
    const info = t?.kind === "record" ? t.fields.get(name) : undefined;
    if (info !== undefined && !PROTO_NAMES.has(name)) {
      // Typed record: the checker guarantees the field; absent optional fields read as null.
      const missing = (r: RecordValue): never => fail(codes.missingKey(name, Object.keys(r)), span);
      const ref = e.object.kind === "NameExpression" ? scope.lookup(e.object.name.name) : undefined;
      const read: Evaluator = ref?.kind === "slot" ? slotReader(ref.slot) : obj;
      if (info.optional) {
        return (env) => {
          const v = (read(env) as RecordValue)[name];
          return v === undefined ? null : v;
        };
      }
      return (env) => {
        const r = read(env) as RecordValue;
        const v = r[name];
        return v === undefined ? missing(r) : v;
      };
    }
    const optional = info?.optional === true;
    return (env) => {
      const r = obj(env);
      if (!isRecordValue(r)) return fail(codes.notAContainer("field", describeValue(r)), span);
      if (Object.hasOwn(r, name)) return r[name] as Value;
      return optional ? null : fail(codes.missingKey(name, Object.keys(r)), span);
    };
  }

  private index(e: IndexAccess, scope: Scope): Evaluator {
    const obj = this.compile(e.object, scope);
    const idx = this.compile(e.index, scope);
    const span = e.span;
    const indexSpan = e.index.span;
    return (env) => {
      const xs = obj(env);
      const i = idx(env);
      if (Array.isArray(xs)) {
        if (typeof i !== "number" || !Number.isInteger(i)) return fail(codes.wrongType("a list index", "int", describeValue(i)), indexSpan);
        if (i < 0 || i >= xs.length) return fail(codes.indexOutOfRange(i, xs.length), span);
        return xs[i] as Value;
      }
      if (isRecordValue(xs)) {
        if (typeof i !== "string") return fail(codes.wrongType("a record key", "string", describeValue(i)), indexSpan);
        if (Object.hasOwn(xs, i)) return xs[i] as Value;
        return fail(codes.missingKey(i, Object.keys(xs)), indexSpan);
      }
      return fail(codes.notAContainer("index", describeValue(xs)), e.object.span);
    };
  }

  private call(e: CallExpression, scope: Scope, declared: Type | undefined): Evaluator {
    const name = e.callee.name;
    const impl = BUILTIN_IMPLS.get(name);
    if (impl === undefined) {
      return () => {
        throw SILENT;
      };
    }
    let expected = this.checked.expectedTypes.get(e);
    if (expected === undefined && TYPED_BUILTINS.has(name)) expected = declared;
    const site: CallSite = { ctx: this.ctx, expected, expectedKey: expected === undefined ? "" : printType(expected) };
    const fns = e.args.map((a) => this.compile(a, scope));
    const argSpans = e.args.map((a) => a.span);
    const span = e.span;
    const run = (args: Value[]): Value => {
      try {
        return impl(args, site);
      } catch (x) {
        throw this.place(x, span, argSpans);
      }
    };
    switch (fns.length) {
      case 0:
        return () => run([]);
      case 1: {
        const [f0] = fns as [Evaluator];
        return (env) => run([f0(env)]);
      }
      case 2: {
        const [f0, f1] = fns as [Evaluator, Evaluator];
        return (env) => run([f0(env), f1(env)]);
      }
      default:
        return (env) => run(fns.map((f) => f(env)));
    }
  }

  /** Turns a BuiltinError into a Failure placed at the blamed argument (or the call). */
  place(x: unknown, span: Span, argSpans: readonly Span[]): unknown {
    if (!(x instanceof BuiltinError)) return x;
    const at = (b: BuiltinError): Failure =>
      new Failure(b.message, (b.argIndex === undefined ? undefined : argSpans[b.argIndex]) ?? span, b.key);
    const f = new Failure(x.message, at(x).span, x.key, undefined, x.more?.map(at)).about(x.value ?? null);
    if (x.partial !== undefined) f.partial = x.partial;
    return f;
  }

  private binary(e: BinaryExpression, scope: Scope): Evaluator {
    const op = e.operator;
    if (op === "and" || op === "or") {
      const l = this.condition(e.left, scope);
      const r = this.condition(e.right, scope);
      return op === "and" ? (env) => l(env) && r(env) : (env) => l(env) || r(env);
    }
    const lt = this.typeOf(e.left)?.kind;
    const rt = this.typeOf(e.right)?.kind;
    const numeric = (lt === "int" || lt === "float") && (rt === "int" || rt === "float");
    return operator(op, this.compile(e.left, scope), this.compile(e.right, scope), { numeric, span: e.span, right: e.right.span, place: (x) => this.place(x, e.span, []) });
  }
}

/** The evaluator of a name that failed to evaluate (or of an erroneous expression): aborts silently. */
export const silent: Evaluator = () => {
  throw SILENT;
};

/** `not x` and `-x`. */
function unary(op: "not" | "-", f: Evaluator, span: Span): Evaluator {
  if (op === "not") {
    return (env) => {
      const v = f(env);
      if (typeof v !== "boolean") fail(codes.operandTypes("not", describeValue(v)), span);
      return !v;
    };
  }
  return (env) => {
    const v = f(env);
    if (typeof v !== "number") fail(codes.operandTypes("-", describeValue(v)), span);
    return v === 0 ? 0 : -(v as number);
  };
}

/** Reads a loop variable or nested `let` from its slot. */
function slotReader(slot: number): Evaluator {
  return (env) => env[slot] as Value;
}
