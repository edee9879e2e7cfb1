// The expander: CheckedProgram -> batch settings, defaults and a lazy stream of RunSpecs
// (docs/language.md §5–§8). Set-up evaluates the `batch`, `defaults` and `params` blocks and the
// top-level `let`s once; `runs()` then walks the loops with a flat slot environment, yielding
// one RunSpec per executed `run` without ever building the list of runs or combinations.
//
// Errors found while iterating are placed at the expression that produced the bad value, carry
// a note naming the iteration, and are reported once per code and span with a count of the
// iterations that repeat them. A failing run is skipped; expansion goes on, up to 100 distinct
// errors. A failing nested `let` skips the rest of its block for that iteration; a failing `for`
// source, `where` or `if` condition skips what depends on it.
//
// Choices where docs/language.md is silent:
// - A field, parameter or tag whose value is `null` is left unset (as in HCL); a required
//   declared parameter set to `null` is an error.
// - Tag values and string API fields accept numbers and bools, converted as by `str()`.
// - `where` is tested as soon as the loop variables it reads are bound, so filtered-out
//   combinations do not evaluate later sources (same runs, less work).
import type {
  BlockEntry,
  Expression,
  ForStatement,
  IfStatement,
  LetStatement,
  MapBlock,
  RunStatement,
  Statement,
} from "../ast/nodes.js";
import type { CheckedProgram, ParamInfo } from "../checker/checked-program.js";
import { withPattern } from "./param-pattern.js";
import { inlineOutputOrder, runSettingFields } from "@batchc/model";
import { SETTINGS_ENTRY } from "../api-spelling.js";
import { BATCH_SCHEMA, DEFAULTS_SCHEMA, RUN_SCHEMA, type BlockSchema, type EntrySpec } from "../checker/block-schemas.js";
import { type Type, STRING, printType } from "../checker/types.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import { at, type Diagnostic, type Label } from "../diagnostics/diagnostic.js";
import type { Host } from "../host.js";
import type { Span } from "../source.js";
import { displayValue, isRecordValue, type RecordValue, type Value } from "../values.js";
import { createContext, rowOrigin, type ExpandContext, type ListOrigin } from "./builtins/context.js";
import { fitsTest, mismatch, mismatchMessage, type Mismatch } from "./coerce.js";
import { Failure, SILENT, describeValue } from "./errors.js";
import { ExprCompiler, Scope, type Evaluator } from "./evaluate.js";
import { runBuilder } from "./run-builder.js";
import { IdTable } from "./id-table.js";
import { setKey } from "./records.js";
import type { Binding, BatchSettings, DataOrigin, DefaultSettings, EffectiveRun, RunFields, RunSpec } from "./run-spec.js";

export interface ExpandOptions {
  host: Host;
  /** Folder of the `.batch` file: data-file paths are relative to it. */
  baseDir: string;
  /** Values for `var("name")`, from `--var name=value`. */
  vars?: Readonly<Record<string, string>>;
}

export interface Expansion {
  /** The `batch` block, evaluated. */
  batch: BatchSettings;
  /** The `defaults` block, evaluated, with declared parameter defaults merged into `parameters`. */
  defaults: DefaultSettings;
  /** The runs, lazily; each call starts the loops again (top-level `let`s are evaluated once). */
  runs(): Generator<RunSpec>;
  /** Set-up errors, then errors found while iterating (complete once `runs()` is exhausted). */
  diagnostics: Diagnostic[];
}

/**
 * Expansion stops after this many runs: one more than a batch may hold (100,000), so that a
 * program over the limit is reported as such without expanding it whole.
 */
export const MAX_EXPANDED_RUNS = 100_001;

/** Expansion stops after this many distinct errors. */
export const MAX_ERRORS = 100;

/** The spec of an entry of a block, or undefined (an entry the checker reported). */
const specOf = (schema: BlockSchema, name: string): EntrySpec | undefined => schema.entries.get(name);

/** The per-run members in output order, with how each merges (from the model). */
const PER_RUN = inlineOutputOrder.flatMap((name) => runSettingFields.filter((f) => f.perRun && f.name === name));
/** A run's members in output order, by name: the order a run's fields are built in. */
const OUTPUT_RANK = new Map<string, number>(inlineOutputOrder.map((name, i) => [name, i]));

/** Evaluates a checked program's settings and prepares the lazy stream of its runs. */
export function expand(checked: CheckedProgram, options: ExpandOptions): Expansion {
  return new Expander(checked, options).expansion();
}

/**
 * The effective settings of a run (docs/language.md §8.2), member by member as the model says:
 * `parameters` and `runTags` merge key by key with the run winning; the others (`engineSettings`
 * too) are replaced by the run's. Keys come in the output order; absent fields are omitted.
 */
export function effectiveRun(defaults: DefaultSettings, run: RunSpec): EffectiveRun {
  const f = run.fields as Record<string, Value | undefined>;
  const d = defaults as Record<string, Value | undefined>;
  const out: Record<string, Value> = { runSettingId: run.runSettingId };
  for (const fact of PER_RUN) {
    const v = fact.merge === "merge" ? merge(d[fact.name] as RecordValue | undefined, f[fact.name] as RecordValue | undefined) : (f[fact.name] ?? d[fact.name]);
    if (v !== undefined) out[fact.name] = v;
  }
  return out as unknown as EffectiveRun;
}

function merge<T extends Record<string, unknown>>(base: T | undefined, over: T | undefined): T | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  const out = { ...base };
  for (const k of Object.keys(over)) setKey(out as RecordValue, k, over[k] as Value);
  return out;
}

// ---- Compiled statements ----

/** A loop variable: its name and slot. */
interface LoopVar {
  name: string;
  slot: number;
}

const LET = 0;
const RUN = 1;
const FOR = 2;
const IF = 3;

interface LetIR {
  kind: typeof LET;
  slot: number;
  value: Evaluator;
  vars: readonly LoopVar[];
}

interface RunIR {
  kind: typeof RUN;
  node: RunStatement;
  id: Evaluator;
  idSpan: Span;
  fields: (env: Value[]) => RunFields;
  vars: readonly LoopVar[];
}

interface SourceIR {
  names: readonly LoopVar[];
  destructure: boolean;
  /** A list-valued source, or a lazy integer range. */
  list: Evaluator | undefined;
  range: { from: Evaluator; to: Evaluator; fromSpan: Span; toSpan: Span; inclusive: boolean } | undefined;
  span: Span;
  /** Loop variables bound before this source (for notes). */
  varsBefore: readonly LoopVar[];
}

interface ForIR {
  kind: typeof FOR;
  sources: readonly SourceIR[];
  where: ((env: Value[]) => boolean) | undefined;
  /** The source level after which `where` can be tested (-1: before the loop). */
  whereLevel: number;
  whereVars: readonly LoopVar[];
  /** Whether `where` was evaluated, and held, in some combination (for BC3041). */
  whereTested: boolean;
  whereKept: boolean;
  whereSpan: Span | undefined;
  body: readonly StmtIR[];
}

interface IfIR {
  kind: typeof IF;
  condition: (env: Value[]) => boolean;
  then: readonly StmtIR[];
  otherwise: readonly StmtIR[];
  vars: readonly LoopVar[];
}

type StmtIR = LetIR | RunIR | ForIR | IfIR;

/**
 * Per-`runs()` state: the slot environment, seen ids and error counts. A loop variable's
 * binding (name, value, place) is made only when a message or a run's `bindings` needs it:
 * its value is in `env`, and for an element of a data file's list, `listFile`/`listLine`
 * hold its place (a row reached otherwise is looked up by the row).
 */
class Walk {
  readonly env: Value[];
  readonly listFile: (string | undefined)[];
  readonly listLine: number[];
  readonly seen = new IdTable();
  index = 0;
  occurrences = 0;
  readonly distinct = new Set<string>();
  stopped = false;
  /** `run` statements evaluated so far (whether they gave a run or an error). */
  attempts = 0;
  constructor(
    slots: number,
    /** A quiet walk records nothing (used to look up the first run with a duplicate id). */
    readonly quiet: boolean,
  ) {
    this.env = new Array<Value>(slots).fill(null);
    this.listFile = new Array<string | undefined>(slots).fill(undefined);
    this.listLine = new Array<number>(slots).fill(0);
  }
}

interface Entry {
  diagnostic: Diagnostic;
  count: number;
}

class Expander {
  private readonly file: string;
  private readonly ctx: ExpandContext;
  private readonly compiler: ExprCompiler;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly entries = new Map<string, Entry>();
  /** Error occurrences already recorded, in walk order (walks are deterministic). */
  private recorded = 0;
  private setupDistinct = 0;
  private stopReported = false;
  private slots = 0;
  private readonly top: StmtIR[] = [];
  /** Every `for` with a `where`, for the warning about one that keeps nothing. */
  private readonly wheres: ForIR[] = [];
  private wheresReported = false;
  private readonly batch: BatchSettings = {};
  private readonly defaultsFields = new Map<string, Value>();
  private explicitDefaultParams: RecordValue | undefined;
  private declaredDefaults: RecordValue | undefined;

  constructor(
    private readonly checked: CheckedProgram,
    options: ExpandOptions,
  ) {
    this.file = checked.source.name;
    this.ctx = createContext(options.host, options.baseDir, options.vars ?? {});
    this.compiler = new ExprCompiler(checked, this.ctx, () => this.slots++);
  }

  expansion(): Expansion {
    const scope = new Scope();
    for (const s of this.checked.program.statements) this.setupStatement(s, scope);
    const defaults = this.defaults();
    const self = this;
    return {
      batch: this.batch,
      defaults,
      runs: () => self.walk(false),
      diagnostics: this.diagnostics,
    };
  }

  // ---- Set-up: top-level statements in order ----

  private setupStatement(s: Statement, scope: Scope): void {
    switch (s.kind) {
      case "LetStatement": {
        const f = this.compileLet(s, scope);
        try {
          scope.define(s.name.name, { kind: "const", value: f([]) });
        } catch (e) {
          this.setupFailure(e);
          scope.define(s.name.name, { kind: "poisoned" });
        }
        return;
      }
      case "BatchBlock":
        this.setupBatch(s.name, s.entries, scope);
        return;
      case "DefaultsBlock":
        this.setupDefaults(s.entries, scope);
        return;
      case "ParamsBlock":
        this.setupParamDefaults(scope);
        return;
      case "TypeAlias":
        return;
      case "ForStatement":
      case "IfStatement":
      case "RunStatement":
        this.top.push(this.compileStatement(s, scope, []));
        return;
    }
  }

  /**
   * Evaluates a set-up expression against `type`: API fields (`lenient`) accept `null` and
   * numbers for strings; parameter values must fit their declared type exactly.
   */
  private evalSetup(e: Expression, scope: Scope, type: Type | undefined, what: string, lenient = true): Value | undefined {
    let f = this.compiler.compile(e, scope, type);
    if (type !== undefined) f = lenient ? this.conformLenient(f, e, type, what) : this.strict(f, e, type, what);
    try {
      return f([]);
    } catch (x) {
      this.setupFailure(x);
      return undefined;
    }
  }

  private setupBatch(name: Expression | undefined, entries: readonly BlockEntry[], scope: Scope): void {
    if (name !== undefined) {
      const v = this.evalSetup(name, scope, STRING, "the batch name");
      if (typeof v === "string") this.batch.batchName = v;
    }
    const batch = this.batch as Record<string, unknown>;
    for (const entry of entries) {
      const spec = specOf(BATCH_SCHEMA, entry.key.name);
      if (entry.kind === "MapBlock") {
        if (spec?.kind === "tags") {
          const tags = this.evalTags(entry, scope);
          if (tags !== undefined) batch[spec.member] = tags;
        }
        continue;
      }
      const key = entry.key.name;
      if (spec?.kind !== "field") continue;
      const v = this.evalSetup(entry.value, scope, spec.type, `\`${key}\``);
      if (typeof v === "string") batch[key === SETTINGS_ENTRY ? "settings" : (spec.member ?? key)] = v;
    }
  }

  private setupDefaults(entries: readonly BlockEntry[], scope: Scope): void {
    for (const entry of entries) {
      const spec = specOf(DEFAULTS_SCHEMA, entry.key.name);
      if (entry.kind === "MapBlock") {
        if (spec?.kind === "tags") {
          const tags = this.evalTags(entry, scope);
          if (tags !== undefined) this.defaultsFields.set(spec.member, tags);
        } else if (spec?.kind === "document") {
          const doc = this.evalDocument(entry, scope);
          if (doc !== undefined) this.defaultsFields.set(spec.member, doc);
        } else if (spec?.kind === "params") {
          const params: RecordValue = {};
          let any = false;
          for (const p of entry.entries) {
            const info = this.checked.params?.params.get(p.key.name);
            const v = this.evalSetup(p.value, scope, info?.type, `parameter \`${p.key.name}\``, false);
            if (v === undefined || v === null) continue;
            setKey(params, p.key.name, v);
            any = true;
          }
          if (any) this.explicitDefaultParams = params;
        }
        continue;
      }
      const key = entry.key.name;
      if (spec?.kind !== "field") continue;
      const v = this.evalSetup(entry.value, scope, spec.type, `\`${key}\``);
      if (v !== undefined && v !== null) this.defaultsFields.set(spec.member ?? key, v);
    }
  }

  private setupParamDefaults(scope: Scope): void {
    const schema = this.checked.params;
    if (schema === undefined) return;
    const out: RecordValue = {};
    let any = false;
    for (const info of schema.params.values()) {
      if (info.default === undefined) continue;
      const v = this.evalSetup(info.default, scope, info.type, `parameter \`${info.name}\``, false);
      if (v === undefined || v === null) continue;
      setKey(out, info.name, v);
      any = true;
    }
    if (any) this.declaredDefaults = out;
  }

  private evalTags(block: MapBlock, scope: Scope): Record<string, string> | undefined {
    const out: Record<string, string> = {};
    let any = false;
    for (const entry of block.entries) {
      const f = this.tagValue(this.compiler.compile(entry.value, scope), entry.value.span, entry.key.name);
      try {
        const v = f([]);
        if (v === undefined) continue;
        setKey(out, entry.key.name, v);
        any = true;
      } catch (e) {
        this.setupFailure(e);
      }
    }
    return any ? out : undefined;
  }

  /** A block of JSON values (`engineSettings { ... }`): its entries as a record, `null` ones left out. */
  private evalDocument(block: MapBlock, scope: Scope): RecordValue | undefined {
    const out: RecordValue = {};
    let any = false;
    for (const entry of block.entries) {
      const v = this.evalSetup(entry.value, scope, undefined, `\`${block.key.name}.${entry.key.name}\``);
      if (v === undefined || v === null) continue;
      setKey(out, entry.key.name, v);
      any = true;
    }
    return any ? out : undefined;
  }

  private defaults(): DefaultSettings {
    const out: Record<string, Value> = {};
    const fields = this.defaultsFields;
    // Key order follows the DefaultRunSetting shape.
    for (const { name } of runSettingFields) {
      if (name === "parameters") {
        const p = merge(this.declaredDefaults, this.explicitDefaultParams);
        if (p !== undefined) out.parameters = p;
      } else {
        const v = fields.get(name);
        if (v !== undefined) out[name] = v;
      }
    }
    return out as DefaultSettings;
  }

  // ---- Compiling statements ----

  private compileLet(s: LetStatement, scope: Scope): Evaluator {
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
        const slot = this.slots++;
        scope.define(s.name.name, { kind: "slot", slot });
        out.push({ kind: LET, slot, value, vars });
      } else if (s.kind === "ForStatement" || s.kind === "IfStatement" || s.kind === "RunStatement") {
        out.push(this.compileStatement(s, scope, vars));
      }
      // Other statements only appear at the top level (the checker reports them elsewhere).
    }
    return out;
  }

  private compileStatement(s: ForStatement | IfStatement | RunStatement, scope: Scope, vars: readonly LoopVar[]): StmtIR {
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
      const names = src.names.map((n) => {
        const slot = this.slots++;
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
      forEachName(s.where, (name) => {
        const ref = scope.lookup(name);
        if (ref?.kind === "slot") {
          const level = levelOf.get(ref.slot);
          if (level !== undefined && level > whereLevel) whereLevel = level;
        }
      });
    }
    const whereVars = whereLevel < 0 ? outer : [...(sources[whereLevel] as SourceIR).varsBefore, ...(sources[whereLevel] as SourceIR).names];
    const fr: ForIR = { kind: FOR, sources, where, whereLevel, whereVars, whereTested: false, whereKept: false, whereSpan: s.where?.span, body: this.compileBlock(s.body, scope, bound) };
    this.wheres.push(fr);
    return fr;
  }

  private compileRun(s: RunStatement, scope: Scope, vars: readonly LoopVar[]): RunIR {
    const scalars: { key: keyof RunFields; f: Evaluator }[] = [];
    const params: { key: string; f: Evaluator; check: ((v: Value) => Value) | undefined; required: Type | undefined; span: Span }[] = [];
    let tags: { key: string; f: (env: Value[]) => string | undefined }[] | undefined;
    let doc: { member: string; entries: { key: string; f: Evaluator }[] } | undefined;
    let hasParams = false;
    const schema = this.checked.params;
    for (const entry of s.entries) {
      const spec = specOf(RUN_SCHEMA, entry.key.name);
      if (spec === undefined) continue;
      if (entry.kind === "FieldAssignment") {
        if (spec.kind !== "field") continue;
        const type = spec.type;
        const f = this.conformLenient(this.compiler.compile(entry.value, scope, type), entry.value, type, `\`${entry.key.name}\``);
        scalars.push({ key: (spec.member ?? entry.key.name) as keyof RunFields, f });
      } else if (spec.kind === "document") {
        doc = { member: spec.member, entries: entry.entries.map((e) => ({ key: e.key.name, f: this.compiler.compile(e.value, scope) })) };
      } else if (spec.kind === "params") {
        hasParams = true;
        for (const p of entry.entries) {
          const info: ParamInfo | undefined = schema?.params.get(p.key.name);
          const f = this.compiler.compile(p.value, scope, info?.type);
          const check = withPattern(info === undefined ? undefined : this.checker(info.type, p.value, `parameter \`${p.key.name}\``), info?.pattern, p.key.name, p.value.span);
          // `null` for a parameter with a default inherits it (docs/language.md §8a)
          const required = info !== undefined && !info.optional && !this.inheritedParam(info) ? info.type : undefined;
          params.push({ key: p.key.name, f, check, required, span: p.value.span });
        }
      } else if (spec.kind === "tags") {
        tags = entry.entries.map((t) => ({
          key: t.key.name,
          f: this.tagValue(this.compiler.compile(t.value, scope), t.value.span, t.key.name),
        }));
      }
    }
    // The model's output order: the values (name, outputUri, priority, outputBucketOwnerId), then
    // parameters, runTags and engineSettings.
    const rank = (k: string): number => OUTPUT_RANK.get(k) ?? OUTPUT_RANK.size;
    scalars.sort((a, b) => rank(a.key) - rank(b.key));
    const fields = runBuilder(
      scalars.map((x) => ({ key: x.key, value: x.f })),
      hasParams
        ? params.map((pe) => ({
            key: pe.key,
            value: pe.f,
            check: pe.check,
            onNull: pe.required === undefined ? undefined : () => new Failure(codes.wrongType(`parameter \`${pe.key}\``, printType(pe.required as Type), "`null`"), pe.span),
          }))
        : undefined,
      tags?.map((te) => ({ key: te.key, value: te.f })),
      doc === undefined ? undefined : { member: doc.member, entries: doc.entries.map((de) => ({ key: de.key, value: de.f })) },
    );
    return { kind: RUN, node: s, id: this.compiler.compile(s.id, scope), idSpan: s.id.span, fields, vars };
  }

  /** True when every run gets a default for the parameter (declared, or set by `defaults`). */
  private inheritedParam(info: ParamInfo): boolean {
    if (info.default !== undefined) return true;
    for (const s of this.checked.program.statements) {
      if (s.kind !== "DefaultsBlock") continue;
      for (const e of s.entries) if (e.kind === "MapBlock" && (e.key.name === "params" || e.key.name === "parameters") && e.entries.some((p) => p.key.name === info.name)) return true;
    }
    return false;
  }

  /** A value check against `to` for a value from `e`, or undefined when the static type suffices. */
  private checker(to: Type, e: Expression, what: string): ((v: Value) => Value) | undefined {
    if (!this.compiler.needsCheck(to, e)) return undefined;
    const span = e.span;
    const fits = fitsTest(to);
    return (v) => {
      if (fits(v)) return v;
      throw new Failure(mismatchMessage(mismatch(v, to) as Mismatch, what), span);
    };
  }

  /**
   * Checks an API field's value against its type; `null` passes (the field is left unset), and
   * numbers or bools given for string fields are converted as by `str()`.
   */
  private conformLenient(f: Evaluator, e: Expression, to: Type, what: string): Evaluator {
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
  private strict(f: Evaluator, e: Expression, to: Type, what: string): Evaluator {
    const check = this.checker(to, e, what);
    if (check === undefined) return f;
    return (env) => {
      const v = f(env);
      return v === null ? v : check(v);
    };
  }

  /** A tag value: strings as they are, numbers and bools as by `str()`, `null` unset (undefined). */
  private tagValue(f: Evaluator, span: Span, key: string): (env: Value[]) => string | undefined {
    return (env) => {
      const v = f(env);
      if (typeof v === "string") return v;
      if (v === null) return undefined;
      if (typeof v === "number" || typeof v === "boolean") return String(v);
      throw new Failure(codes.wrongType(`tag \`${key}\``, "string", describeValue(v)), span);
    };
  }

  // ---- Walking ----

  /** The runs of a fresh walk: the top block's generator itself (one generator less per run). */
  private walk(quiet: boolean): Generator<RunSpec> {
    const w = new Walk(this.slots, quiet);
    const g = this.block(this.top, w);
    return quiet || this.wheres.length === 0 ? g : this.thenReportWheres(g, w);
  }

  private *thenReportWheres(g: Generator<RunSpec>, w: Walk): Generator<RunSpec> {
    yield* g;
    this.reportEmptyWheres(w);
  }

  private *block(stmts: readonly StmtIR[], w: Walk): Generator<RunSpec> {
    for (let i = 0; i < stmts.length; i++) {
      if (w.stopped) return;
      const s = stmts[i] as StmtIR;
      switch (s.kind) {
        case LET:
          try {
            w.env[s.slot] = s.value(w.env);
          } catch (e) {
            this.fail(w, e, s.vars);
            return;
          }
          break;
        case RUN: {
          const r = this.run(s, w);
          if (r !== undefined) yield r;
          break;
        }
        case FOR:
          yield* this.loop(s, w);
          break;
        case IF: {
          let c: boolean;
          try {
            c = s.condition(w.env);
          } catch (e) {
            this.fail(w, e, s.vars);
            break;
          }
          yield* this.block(c ? s.then : s.otherwise, w);
          break;
        }
      }
    }
  }

  private *loop(s: ForIR, w: Walk): Generator<RunSpec> {
    const n = s.sources.length;
    const env = w.env;
    const lists: (Value[] | undefined)[] = new Array(n).fill(undefined);
    const starts: number[] = new Array<number>(n).fill(0);
    const lens: number[] = new Array<number>(n).fill(0);
    const idx: number[] = new Array<number>(n).fill(0);
    /** Per source, where its list's elements came from (a data file's list), or undefined. */
    const listOrigins: (ListOrigin | undefined)[] = new Array(n).fill(undefined);
    const where = s.where;
    const whereLevel = s.whereLevel;
    if (where !== undefined && whereLevel < 0 && !this.testWhere(s, w)) return;

    const open = (k: number): void => {
      const src = s.sources[k] as SourceIR;
      idx[k] = 0;
      lens[k] = 0;
      lists[k] = undefined;
      try {
        if (src.range !== undefined) {
          const r = src.range;
          const a = r.from(env);
          const b = r.to(env);
          if (typeof a !== "number" || !Number.isInteger(a)) throw new Failure(codes.wrongType("a range bound", "int", describeValue(a)), r.fromSpan);
          if (typeof b !== "number" || !Number.isInteger(b)) throw new Failure(codes.wrongType("a range bound", "int", describeValue(b)), r.toSpan);
          starts[k] = a;
          lens[k] = Math.max(0, (r.inclusive ? b + 1 : b) - a);
        } else {
          const v = (src.list as Evaluator)(env);
          if (!Array.isArray(v)) throw new Failure(codes.notIterable(describeValue(v)), src.span);
          lists[k] = v;
          lens[k] = v.length;
          listOrigins[k] = this.ctx.listOrigins.get(v);
        }
      } catch (e) {
        this.fail(w, e, src.varsBefore);
      }
    };

    /** Binds the variables of source k to its element i; false when the element does not fit. */
    const assign = (k: number, i: number): boolean => {
      const src = s.sources[k] as SourceIR;
      const list = lists[k];
      const v = list === undefined ? (starts[k] as number) + i : (list[i] as Value);
      if (!src.destructure) {
        const slot = (src.names[0] as LoopVar).slot;
        env[slot] = v;
        const lo = listOrigins[k];
        w.listFile[slot] = lo?.file;
        if (lo !== undefined) w.listLine[slot] = lo.lines !== undefined ? (lo.lines[i] as number) : lo.firstLine + i;
        return true;
      }
      const names = src.names;
      if (!Array.isArray(v) || v.length !== names.length) {
        this.fail(w, new Failure(codes.destructureMismatch(names.length, describeValue(v)), src.span), src.varsBefore);
        return false;
      }
      for (let j = 0; j < names.length; j++) {
        const slot = (names[j] as LoopVar).slot;
        env[slot] = v[j] as Value;
        w.listFile[slot] = undefined;
      }
      return true;
    };

    const body = s.body;
    const flat = body.every((b) => b.kind === LET || b.kind === RUN);
    let k = 0;
    open(0);
    for (;;) {
      if (w.stopped) return;
      if ((idx[k] as number) >= (lens[k] as number)) {
        if (k === 0) return;
        k--;
        idx[k] = (idx[k] as number) + 1;
        continue;
      }
      if (!assign(k, idx[k] as number) || (where !== undefined && k === whereLevel && !this.testWhere(s, w))) {
        idx[k] = (idx[k] as number) + 1;
        continue;
      }
      if (k < n - 1) {
        k++;
        open(k);
        continue;
      }
      if (flat) {
        // A body of only `let`s and `run`s runs inline: no generator per iteration.
        for (let i = 0; i < body.length; i++) {
          const b = body[i] as LetIR | RunIR;
          if (b.kind === RUN) {
            const r = this.run(b, w);
            if (r !== undefined) yield r;
          } else {
            try {
              env[b.slot] = b.value(env);
            } catch (e) {
              this.fail(w, e, b.vars);
              break;
            }
          }
        }
      } else yield* this.block(body, w);
      idx[k] = (idx[k] as number) + 1;
    }
  }

  /** Tests a `for`'s `where`, noting whether it ever held. */
  private testWhere(s: ForIR, w: Walk): boolean {
    s.whereTested = true;
    const kept = this.test(s.where as (env: Value[]) => boolean, w, s.whereVars);
    if (kept) s.whereKept = true;
    return kept;
  }

  /** After a complete walk: a warning for each `where` that was tested but never held. */
  private reportEmptyWheres(w: Walk): void {
    if (w.quiet || w.stopped || this.wheresReported) return;
    this.wheresReported = true;
    for (const s of this.wheres) {
      if (s.whereTested && !s.whereKept && s.whereSpan !== undefined) this.diagnostics.push(at(this.file, s.whereSpan, codes.whereKeepsNothing()));
    }
  }

  private test(cond: (env: Value[]) => boolean, w: Walk, vars: readonly LoopVar[]): boolean {
    try {
      return cond(w.env);
    } catch (e) {
      this.fail(w, e, vars);
      return false;
    }
  }

  private run(s: RunIR, w: Walk): RunSpec | undefined {
    if (++w.attempts > MAX_EXPANDED_RUNS) {
      w.stopped = true;
      return undefined;
    }
    const env = w.env;
    let id: string;
    let fields: RunFields;
    try {
      const v = s.id(env);
      if (typeof v !== "string") throw new Failure(codes.runIdNotString(describeValue(v)), s.idSpan);
      if (v === "") throw new Failure(codes.emptyRunId(), s.idSpan);
      id = v;
      fields = s.fields(env);
    } catch (e) {
      this.fail(w, e, s.vars);
      return undefined;
    }
    const first = w.seen.add(id, w.index);
    if (first >= 0) {
      const dup = new Failure(codes.duplicateRunId(id), s.idSpan);
      if (w.quiet || this.entries.has(failureKey(dup))) {
        this.fail(w, dup, s.vars);
        return undefined;
      }
      // The first report of a duplicate names the first run's iteration, which also proves
      // the ids equal (the table compares hashes).
      const firstRun = this.runAt(first);
      if (firstRun === undefined || firstRun.runSettingId === id) {
        this.fail(w, dup, s.vars, () => firstRunNotes(firstRun));
        return undefined;
      }
      w.seen.setExact(id, w.index);
    }
    return { runSettingId: id, fields, statement: s.node, bindings: this.bindings(w, s.vars), index: w.index++ };
  }

  /** The bindings of `vars` in the walk's current iteration. */
  private bindings(w: Walk, vars: readonly LoopVar[]): Binding[] {
    return vars.map(({ name, slot }) => {
      const value = w.env[slot] as Value;
      const file = w.listFile[slot];
      const origin =
        file !== undefined
          ? { file, line: w.listLine[slot] as number }
          : typeof value === "object" && value !== null
            ? rowOrigin(this.ctx, value)
            : undefined;
      return origin === undefined ? { name, value } : { name, value, origin };
    });
  }

  /** The run at `index`, found by a quiet walk. */
  private runAt(index: number): RunSpec | undefined {
    for (const r of this.walk(true)) if (r.index === index) return r;
    return undefined;
  }

  // ---- Reporting ----

  private setupFailure(e: unknown): void {
    if (e === SILENT) return;
    if (!(e instanceof Failure)) throw e;
    for (const f of e.more === undefined ? [e] : [e, ...e.more]) {
      const key = failureKey(f);
      if (this.entries.has(key)) continue;
      this.setupDistinct++;
      this.record(f, key, []);
    }
  }

  /** Records a failure of the current iteration (deduplicated, and only once across walks). */
  private fail(w: Walk, e: unknown, vars: readonly LoopVar[], extra?: () => { labels: Label[]; notes: string[] }): void {
    if (e === SILENT) return;
    if (!(e instanceof Failure)) throw e;
    if (w.quiet) return;
    for (const f of e.more === undefined ? [e] : [e, ...e.more]) {
      w.occurrences++;
      const key = failureKey(f);
      w.distinct.add(key);
      if (w.occurrences > this.recorded) {
        this.recorded = w.occurrences;
        const entry = this.entries.get(key);
        if (entry !== undefined) {
          entry.count++;
          const notes = entry.diagnostic.notes as string[];
          const more = `and ${entry.count - 1} more iteration${entry.count === 2 ? "" : "s"}`;
          if (entry.count === 2) notes.push(more);
          else notes[notes.length - 1] = more;
        } else {
          const iteration = vars.length === 0 ? [] : [`in iteration ${iterationText(this.bindings(w, vars))}`];
          const x = extra?.();
          this.record(f, key, [...iteration, ...(x?.notes ?? [])], x?.labels);
        }
      }
      if (this.setupDistinct + w.distinct.size >= MAX_ERRORS) {
        w.stopped = true;
        if (!this.stopReported) {
          this.stopReported = true;
          this.diagnostics.push(at(this.file, f.span, codes.tooManyErrors(MAX_ERRORS)));
        }
        return;
      }
    }
  }

  private record(f: Failure, key: string, notes: string[], labels?: Label[]): void {
    const d = at(this.file, f.span, f.message);
    d.notes = [...(f.message.notes ?? []), ...notes];
    const allLabels = [...(f.labels ?? []), ...(labels ?? [])].filter((l) => l.span.start !== f.span.start || l.span.end !== f.span.end);
    if (allLabels.length > 0) d.labels = allLabels;
    this.entries.set(key, { diagnostic: d, count: 1 });
    this.diagnostics.push(d);
  }
}

/** A label and a note about the first run with a duplicated id. */
function firstRunNotes(r: RunSpec | undefined): { labels: Label[]; notes: string[] } {
  if (r === undefined) return { labels: [], notes: [] };
  const notes = r.bindings.length === 0 ? [] : [`the first run with this id is in iteration ${iterationText(r.bindings)}`];
  return { labels: [{ span: r.statement.id.span, text: "first produced here" }], notes };
}

function failureKey(f: Failure): string {
  return `${f.message.code}|${f.span.start}|${f.span.end}|${f.key}`;
}

/** `s = { sample_id: "S1", … } (samples.csv:2), ref = "t2t"`: short values, data-file places. */
export function iterationText(bindings: readonly Binding[]): string {
  return bindings
    .map((b) => `${b.name} = ${shortValue(b.value)}${b.origin === undefined ? "" : ` (${b.origin.file}:${b.origin.line})`}`)
    .join(", ");
}

/** A value in a few characters: records show their first two fields. */
export function shortValue(v: Value): string {
  if (isRecordValue(v)) {
    const keys = Object.keys(v);
    const shown = keys.slice(0, 2).map((k) => `${k}: ${displayValue(v[k] as Value, 24)}`);
    if (keys.length > 2) shown.push("…");
    return keys.length === 0 ? "{}" : `{ ${shown.join(", ")} }`;
  }
  return displayValue(v, 40);
}

/** Calls `visit` with every name an expression reads. */
function forEachName(e: Expression, visit: (name: string) => void): void {
  switch (e.kind) {
    case "NameExpression":
      visit(e.name.name);
      return;
    case "TemplateString":
      for (const p of e.parts) if (p.kind !== "TemplateText") forEachName(p, visit);
      return;
    case "ListLiteral":
      for (const x of e.elements) forEachName(x, visit);
      return;
    case "ListComprehension":
      forEachName(e.element, visit);
      for (const s of e.sources) forEachName(s.iterable, visit);
      if (e.where !== undefined) forEachName(e.where, visit);
      return;
    case "RecordLiteral":
      for (const f of e.fields) forEachName(f.value, visit);
      return;
    case "FieldAccess":
      forEachName(e.object, visit);
      return;
    case "IndexAccess":
      forEachName(e.object, visit);
      forEachName(e.index, visit);
      return;
    case "CallExpression":
      for (const a of e.args) forEachName(a, visit);
      return;
    case "UnaryExpression":
      forEachName(e.operand, visit);
      return;
    case "BinaryExpression":
      forEachName(e.left, visit);
      forEachName(e.right, visit);
      return;
    case "RangeExpression":
      forEachName(e.start, visit);
      forEachName(e.end, visit);
      return;
    case "ConditionalExpression":
      forEachName(e.condition, visit);
      forEachName(e.then, visit);
      forEachName(e.otherwise, visit);
      return;
    default:
      return;
  }
}
