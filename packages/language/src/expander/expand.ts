// The expander: CheckedProgram -> batch settings, defaults and a lazy stream of RunSpecs
// (docs/language.md §5–§8). Set-up evaluates the `batch`, `defaults` and `params` blocks and the
// top-level `let`s once; `runs()` then walks the loops with a flat slot environment, yielding
// one RunSpec per executed `run` without ever building the list of runs or combinations.
//
// The stages inside: statements.ts compiles the loops' statements, run-walk.ts walks them, and
// expansion-errors.ts places and folds the errors found while iterating (each at the expression
// that produced the bad value, with a note naming the iteration). A failing run is skipped
// (every failing entry of it reported); expansion goes on, up to 100 distinct errors. A program
// with checker errors is expanded around them (faults.ts). A failing nested `let` skips the rest of its
// block for that iteration; a failing `for` source, `where` or `if` condition skips what
// depends on it.
//
// Choices where docs/language.md is silent:
// - A field, parameter or tag whose value is `null` is left unset (as in HCL); a required
//   declared parameter set to `null` is an error.
// - Tag values and string API fields accept numbers and bools, converted as by `str()`.
// - `where` is tested as soon as the loop variables it reads are bound, so filtered-out
//   combinations do not evaluate later sources (same runs, less work).
import type { BlockEntry, Expression, MapBlock, Statement } from "../ast/nodes.js";
import { maxRunsPerBatchProblem, runSettingFields } from "@batchc/model";
import { MAX_RUNS_PER_BATCH_ENTRY, SETTINGS_ENTRY } from "../api-spelling.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import { Failure, partialAt } from "./errors.js";
import { expansionLimit } from "./limits.js";
import { BATCH_SCHEMA, DEFAULTS_SCHEMA } from "../checker/block-schemas.js";
import type { CheckedProgram } from "../checker/checked-program.js";
import { type Type, STRING } from "../checker/types.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Host } from "../host.js";
import type { Span } from "../source.js";
import type { RecordValue, Value } from "../values.js";
import { createContext, type ExpandContext } from "./builtins/context.js";
import { merge } from "./effective-run.js";
import { ExprCompiler, Scope } from "./evaluate.js";
import { ExpansionErrors } from "./expansion-errors.js";
import { Faults, NO_FAULTS } from "./faults.js";
import { setKey } from "./records.js";
import type { BatchSettings, DefaultSettings, RunSpec } from "./run-spec.js";
import { RunWalker } from "./run-walk.js";
import type { StmtIR } from "./statement-ir.js";
import { StatementCompiler, specOf } from "./statements.js";

export { effectiveRun } from "./effective-run.js";
export { iterationText, shortValue } from "./iteration-text.js";
export { MAX_EXPANDED_RUNS } from "./limits.js";
export { MAX_ERRORS } from "../diagnostics/fold.js";

export interface ExpandOptions {
  host: Host;
  /** Folder of the `.batch` file: data-file paths are relative to it. */
  baseDir: string;
  /** Values for `var("name")`, from `--var name=value`. */
  vars?: Readonly<Record<string, string>>;
  /** The places of the checker's errors, when the program is expanded despite them (faults.ts). */
  faults?: readonly Span[];
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
  /**
   * Once the last `runs()` is exhausted: the `run` statements it evaluated, whether each gave a
   * run or an error; undefined when a failure outside a run (a loop's list, a `let`, a condition)
   * or the expansion limit left some uncounted.
   */
  attemptedRuns(): number | undefined;
  /**
   * False when the set-up (`batch`, `defaults`, `params`) failed or holds a checker error: no run
   * is given, and the batch and defaults are not checked against the API (they are not what the
   * program means).
   */
  setupComplete: boolean;
}

/** Evaluates a checked program's settings and prepares the lazy stream of its runs. */
export function expand(checked: CheckedProgram, options: ExpandOptions): Expansion {
  return new Expander(checked, options).expansion();
}

class Expander {
  private readonly ctx: ExpandContext;
  private readonly compiler: ExprCompiler;
  private readonly statements: StatementCompiler;
  private readonly errors: ExpansionErrors;
  private slots = 0;
  private readonly top: StmtIR[] = [];
  private readonly batch: BatchSettings = {};
  private readonly defaultsFields = new Map<string, Value>();
  private explicitDefaultParams: RecordValue | undefined;
  private declaredDefaults: RecordValue | undefined;
  private readonly faults: Faults;
  /** Set-up values that failed (or held a checker error), in all and in the `batch` block. */
  private setupFailures = 0;
  private batchFailures = 0;
  /** A top-level `let` holds records with unknown fields (errors.ts `partialAt`). */
  private partialData = false;

  constructor(
    private readonly checked: CheckedProgram,
    options: ExpandOptions,
  ) {
    this.ctx = createContext(options.host, options.baseDir, options.vars ?? {});
    this.faults = options.faults === undefined || options.faults.length === 0 ? NO_FAULTS : new Faults(options.faults, checked.program.statements);
    this.compiler = new ExprCompiler(checked, this.ctx, () => this.slots++, this.faults);
    this.statements = new StatementCompiler(checked, this.compiler, () => this.slots++);
    this.errors = new ExpansionErrors(checked.source.name);
  }

  expansion(): Expansion {
    const scope = new Scope();
    for (const s of this.checked.program.statements) this.setupStatement(s, scope);
    const defaults = this.defaults();
    const limit = expansionLimit(this.batch.maxRunsPerBatch);
    // A set-up that failed gives runs no check could judge, and a `batch` block that failed a
    // number of runs no rule could: the runs are still walked for their own errors and ids.
    const setupComplete = this.setupFailures === 0 && !this.faults.inSetup;
    const outcome = { giveRuns: setupComplete && !this.partialData, judgeCount: this.batchFailures === 0 && !this.faults.inBatch };
    const walker = new RunWalker(this.checked.source.name, this.ctx, this.errors, this.top, this.statements.wheres, this.slots, limit, outcome);
    return {
      batch: this.batch,
      defaults,
      runs: () => walker.walk(false),
      diagnostics: this.errors.diagnostics,
      attemptedRuns: () => walker.attemptedRuns(),
      setupComplete,
    };
  }

  // ---- Set-up: top-level statements in order ----

  private setupStatement(s: Statement, scope: Scope): void {
    switch (s.kind) {
      case "LetStatement": {
        const f = this.statements.compileLet(s, scope);
        try {
          scope.define(s.name.name, { kind: "const", value: f([]) });
        } catch (e) {
          this.errors.setupFailure(e);
          // A data file with errors still gives its records, to count the runs (no run is given).
          const partial = partialAt(e, s.value.span);
          if (partial !== undefined) this.partialData = true;
          scope.define(s.name.name, partial === undefined ? { kind: "poisoned" } : { kind: "const", value: partial });
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
        this.top.push(this.statements.compileStatement(s, scope, []));
        return;
    }
  }

  /**
   * Evaluates a set-up expression against `type`: API fields (`lenient`) accept `null` and
   * numbers for strings; parameter values must fit their declared type exactly.
   */
  private evalSetup(e: Expression, scope: Scope, type: Type | undefined, what: string, lenient = true): Value | undefined {
    let f = this.compiler.compile(e, scope, type);
    if (type !== undefined) f = lenient ? this.statements.conformLenient(f, e, type, what) : this.statements.strict(f, e, type, what);
    try {
      return f([]);
    } catch (x) {
      this.setupFailures++;
      this.errors.setupFailure(x);
      return undefined;
    }
  }

  private setupBatch(name: Expression | undefined, entries: readonly BlockEntry[], scope: Scope): void {
    const failuresBefore = this.setupFailures;
    this.setupBatchEntries(name, entries, scope);
    this.batchFailures += this.setupFailures - failuresBefore;
  }

  private setupBatchEntries(name: Expression | undefined, entries: readonly BlockEntry[], scope: Scope): void {
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
      if (key === MAX_RUNS_PER_BATCH_ENTRY) {
        if (typeof v !== "number") continue;
        const why = maxRunsPerBatchProblem(v);
        if (why === undefined) this.batch.maxRunsPerBatch = v;
        else this.errors.setupFailure(new Failure(codes.badMaxRunsPerBatch(why), entry.value.span));
      } else if (typeof v === "string") batch[key === SETTINGS_ENTRY ? "settings" : (spec.member ?? key)] = v;
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
      const f = this.statements.tagValue(this.compiler.compile(entry.value, scope), entry.value.span, entry.key.name);
      try {
        const v = f([]);
        if (v === undefined) continue;
        setKey(out, entry.key.name, v);
        any = true;
      } catch (e) {
        this.setupFailures++;
        this.errors.setupFailure(e);
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
}
