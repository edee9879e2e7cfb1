// Compiling the statements of the program's loops once, before any run: `let`, `run`, `for`
// and `if` become the IR the walk runs (statement-ir.ts), their expressions evaluators, with
// the value checks of API fields (lenient: `null` unsets, numbers and bools become strings)
// and of declared parameters (strict).
import type { Expression, ForStatement, IfStatement, LetStatement, RunStatement, Statement } from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { RUN_SCHEMA, type BlockSchema, type EntrySpec } from "../checker/block-schemas.js";
import type { CheckedProgram, ParamInfo } from "../checker/checked-program.js";
import { writtenNull } from "../checker/rules/null-overrides.js";
import { printType, type Type } from "../checker/types.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import type { Span } from "../source.js";
import type { Value } from "../values.js";
import { fitsTest, mismatch, mismatchMessage, type Mismatch } from "./coerce.js";
import { Failure, describeValue } from "./errors.js";
import { silent, type ExprCompiler } from "./evaluate.js";
import type { Evaluator } from "./evaluator.js";
import { Scope } from "./scope.js";
import { withPattern } from "./param-pattern.js";
import { runBuilder } from "./run-builder.js";
import type { RunFields } from "./run-spec.js";
import { FOR, IF, LET, RUN, type ForIR, type LoopVar, type NullOverDefault, type RunIR, type SourceIR, type StmtIR } from "./statement-ir.js";
import { inlineOutputOrder } from "@batchc/model";

/** The spec of an entry of a block, or undefined (an entry the checker reported). */
export const specOf = (schema: BlockSchema, name: string): EntrySpec | undefined => schema.entries.get(name);

/** A run's members in output order, by name: the order a run's fields are built in. */
const OUTPUT_RANK = new Map<string, number>(inlineOutputOrder.map((name, i) => [name, i]));

/** Compiles statements against one program's expression compiler. */
export class StatementCompiler {
  /** Every `for` with a `where`, for the warning about one that keeps nothing. */
  readonly wheres: ForIR[] = [];

  constructor(
    private readonly checked: CheckedProgram,
    private readonly compiler: ExprCompiler,
    /** Hands out a fresh `env` slot. */
    private readonly allocate: () => number,
  ) {}

  compileLet(s: LetStatement, scope: Scope): Evaluator {
    if (this.compiler.faults.within(s.span)) return silent;
    const declared = s.type === undefined ? undefined : this.checked.annotations.get(s.type);
    const f = this.compiler.compile(s.value, scope, declared);
    return declared === undefined ? f : this.compiler.conform(f, s.value, declared, `\`${s.name.name}\``);
  }

  private compileBlock(stmts: readonly Statement[], parent: Scope, vars: readonly LoopVar[]): StmtIR[] {
    const scope = new Scope(parent);
    const out: StmtIR[] = [];
    for (const s of stmts) {
      if (s.kind === "LetStatement") {
        const value = this.compileLet(s, scope);
        const slot = this.allocate();
        scope.define(s.name.name, { kind: "slot", slot });
        out.push({ kind: LET, slot, value, span: s.value.span, vars });
      } else if (s.kind === "ForStatement" || s.kind === "IfStatement" || s.kind === "RunStatement") {
        out.push(this.compileStatement(s, scope, vars));
      }
      // Other statements only appear at the top level (the checker reports them elsewhere).
    }
    return out;
  }

  compileStatement(s: ForStatement | IfStatement | RunStatement, scope: Scope, vars: readonly LoopVar[]): StmtIR {
    switch (s.kind) {
      case "RunStatement":
        return this.compileRun(s, scope, vars);
      case "IfStatement":
        return {
          kind: IF,
          condition: this.compiler.condition(s.condition, scope),
          then: this.compileBlock(s.then, scope, vars),
          otherwise: s.otherwise === undefined ? [] : this.compileBlock(s.otherwise, scope, vars),
          vars,
        };
      case "ForStatement":
        return this.compileFor(s, scope, vars);
    }
  }

  private compileFor(s: ForStatement, parent: Scope, outer: readonly LoopVar[]): ForIR {
    const scope = new Scope(parent);
    const sources: SourceIR[] = [];
    // A checker error in the header (names, sources, `where`): the loop's lists are not read.
    const last = s.sources.at(-1)?.iterable.span.end ?? s.span.start;
    const headerFaulty = this.compiler.faults.within({ start: s.span.start, end: Math.max(last, s.where?.span.end ?? 0) });
    let bound: LoopVar[] = [...outer];
    const levelOf = new Map<number, number>();
    s.sources.forEach((src, level) => {
      const it = src.iterable;
      let list: Evaluator | undefined;
      let range: SourceIR["range"];
      if (it.kind === "RangeExpression") {
        range = {
          from: this.compiler.compile(it.start, scope),
          to: this.compiler.compile(it.end, scope),
          fromSpan: it.start.span,
          toSpan: it.end.span,
          inclusive: true,
        };
      } else if (it.kind === "CallExpression" && it.callee.name === "range" && it.args.length === 2) {
        const [a, b] = it.args as [Expression, Expression];
        range = {
          from: this.compiler.compile(a, scope),
          to: this.compiler.compile(b, scope),
          fromSpan: a.span,
          toSpan: b.span,
          inclusive: false,
        };
      } else list = this.compiler.compile(it, scope);
      if (headerFaulty) {
        list = silent;
        range = undefined;
      }
      const names = src.names.map((n) => {
        const slot = this.allocate();
        levelOf.set(slot, level);
        return { name: n.name, slot };
      });
      sources.push({ names, destructure: src.destructure, list, range, span: it.span, varsBefore: bound });
      for (const n of names) scope.define(n.name, { kind: "slot", slot: n.slot });
      bound = [...bound, ...names];
    });
    let where: ForIR["where"];
    let whereLevel = sources.length - 1;
    if (s.where !== undefined) {
      where = this.compiler.condition(s.where, scope);
      whereLevel = -1;
      walk(s.where, (node) => {
        if (node.kind !== "NameExpression") return;
        const ref = scope.lookup(node.name.name);
        if (ref?.kind === "slot") {
          const level = levelOf.get(ref.slot);
          if (level !== undefined && level > whereLevel) whereLevel = level;
        }
      });
    }
    const whereVars = whereLevel < 0 ? outer : [...(sources[whereLevel] as SourceIR).varsBefore, ...(sources[whereLevel] as SourceIR).names];
    const fr: ForIR = { kind: FOR, sources, where, whereLevel, whereVars, whereTested: false, whereKept: false, whereSpan: s.where?.span, body: this.compileBlock(s.body, scope, bound) };
    if (!headerFaulty) this.wheres.push(fr);
    return fr;
  }

  private compileRun(s: RunStatement, scope: Scope, vars: readonly LoopVar[]): RunIR {
    const scalars: { key: keyof RunFields; f: Evaluator; inherits: NullOverDefault | undefined }[] = [];
    const params: { key: string; f: Evaluator; check: ((v: Value) => Value) | undefined; required: Type | undefined; span: Span; inherits: NullOverDefault | undefined }[] = [];
    let tags: { key: string; f: (env: Value[]) => string | undefined; inherits: NullOverDefault | undefined }[] | undefined;
    let doc: { member: string; entries: { key: string; f: Evaluator }[] } | undefined;
    let hasParams = false;
    const schema = this.checked.params;
    const inherited = this.checked.inherited;
    for (const entry of s.entries) {
      const spec = specOf(RUN_SCHEMA, entry.key.name);
      if (spec === undefined) continue;
      if (entry.kind === "FieldAssignment") {
        if (spec.kind !== "field") continue;
        const type = spec.type;
        const f = this.conformLenient(this.compiler.compile(entry.value, scope, type), entry.value, type, `\`${entry.key.name}\``);
        const inherits = nullOverDefault(inherited.fields, entry.key.name, `field \`${entry.key.name}\``, entry.value);
        scalars.push({ key: (spec.member ?? entry.key.name) as keyof RunFields, f, inherits });
      } else if (spec.kind === "document") {
        doc = { member: spec.member, entries: entry.entries.map((e) => ({ key: e.key.name, f: this.compiler.compile(e.value, scope) })) };
      } else if (spec.kind === "params") {
        hasParams = true;
        for (const p of entry.entries) {
          const info: ParamInfo | undefined = schema?.params.get(p.key.name);
          const f = this.compiler.compile(p.value, scope, info?.type);
          const check = withPattern(info === undefined ? undefined : this.checker(info.type, p.value, `parameter \`${p.key.name}\``), info?.pattern, p.key.name, p.value.span);
          // `null` for a parameter with a default inherits it (docs/language.md §8a)
          const inherits = inherited.params.has(p.key.name);
          const required = info !== undefined && !info.optional && !inherits ? info.type : undefined;
          params.push({ key: p.key.name, f, check, required, span: p.value.span, inherits: nullOverDefault(inherited.params, p.key.name, `parameter \`${p.key.name}\``, p.value) });
        }
      } else if (spec.kind === "tags") {
        tags = entry.entries.map((t) => ({
          key: t.key.name,
          f: this.tagValue(this.compiler.compile(t.value, scope), t.value.span, t.key.name),
          inherits: nullOverDefault(inherited.tags, t.key.name, `tag \`${t.key.name}\``, t.value),
        }));
      }
    }
    // The model's output order: the values (name, outputUri, priority, outputBucketOwnerId), then
    // parameters, runTags and engineSettings.
    const rank = (k: string): number => OUTPUT_RANK.get(k) ?? OUTPUT_RANK.size;
    scalars.sort((a, b) => rank(a.key) - rank(b.key));
    const nulls: NullOverDefault[] = [];
    const fields = runBuilder(
      scalars.map((x) => ({ key: x.key, value: x.f, inherits: x.inherits })),
      hasParams
        ? params.map((pe) => ({
            key: pe.key,
            value: pe.f,
            check: pe.check,
            onNull: pe.required === undefined ? undefined : () => new Failure(codes.wrongType(`parameter \`${pe.key}\``, printType(pe.required as Type), "`null`"), pe.span),
            inherits: pe.inherits,
          }))
        : undefined,
      tags?.map((te) => ({ key: te.key, value: te.f, inherits: te.inherits })),
      doc === undefined ? undefined : { member: doc.member, entries: doc.entries.map((de) => ({ key: de.key, value: de.f })) },
      nulls,
    );
    return { kind: RUN, node: s, id: this.compiler.compile(s.id, scope), idSpan: s.id.span, fields, nulls, vars, faulty: this.compiler.faults.within(s.span) };
  }

  /** A value check against `to` for a value from `e`, or undefined when the static type suffices. */
  checker(to: Type, e: Expression, what: string): ((v: Value) => Value) | undefined {
    if (!this.compiler.needsCheck(to, e)) return undefined;
    const span = e.span;
    const fits = fitsTest(to);
    return (v) => {
      if (fits(v)) return v;
      throw new Failure(mismatchMessage(mismatch(v, to) as Mismatch, what), span).about(v);
    };
  }

  /**
   * Checks an API field's value against its type; `null` passes (the field is left unset), and
   * numbers or bools given for string fields are converted as by `str()`.
   */
  conformLenient(f: Evaluator, e: Expression, to: Type, what: string): Evaluator {
    const check = this.checker(to, e, what);
    if (check === undefined) return f;
    const toString = to.kind === "string";
    return (env) => {
      const v = f(env);
      if (v === null) return v;
      if (toString && (typeof v === "number" || typeof v === "boolean")) return String(v);
      return check(v);
    };
  }

  /** Checks a parameter value: `null` passes (the parameter is left unset), anything else must fit. */
  strict(f: Evaluator, e: Expression, to: Type, what: string): Evaluator {
    const check = this.checker(to, e, what);
    if (check === undefined) return f;
    return (env) => {
      const v = f(env);
      return v === null ? v : check(v);
    };
  }

  /** A tag value: strings as they are, numbers and bools as by `str()`, `null` unset (undefined). */
  tagValue(f: Evaluator, span: Span, key: string): (env: Value[]) => string | undefined {
    return (env) => {
      const v = f(env);
      if (typeof v === "string") return v;
      if (v === null) return undefined;
      if (typeof v === "number" || typeof v === "boolean") return String(v);
      throw new Failure(codes.wrongType(`tag \`${key}\``, "string", describeValue(v)), span);
    };
  }
}

/**
 * The note of a run's entry whose `null` inherits a default, when `defaults` (or a declared
 * default) sets `key` (`set`, from `defaultKeys`): undefined when it does not, or when the value
 * is written `null`, which the checker warns about already (BC2051).
 */
function nullOverDefault(set: ReadonlySet<string>, key: string, what: string, value: Expression): NullOverDefault | undefined {
  if (!set.has(key) || writtenNull(value)) return undefined;
  if (value.kind === "FieldAccess" && value.object.kind === "NameExpression") return { what, span: value.span, read: { name: value.object.name.name, key: value.field.name } };
  return { what, span: value.span };
}
