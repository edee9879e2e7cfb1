// The static checker: Program -> CheckedProgram (docs/language.md §3-§7a). Resolves names and types,
// builds the parameter schema, and reports every problem it finds in one pass; it never throws
// on a recovered AST (holes are skipped silently) and never reports an `error`-typed value twice.
import type { BlockEntry, MapBlock, Program, RunStatement, Statement } from "../ast/nodes.js";
import { sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { Host } from "../host.js";
import type { SourceFile } from "../source.js";
import { BATCH_SCHEMA, DEFAULTS_SCHEMA, RUN_SCHEMA, type BlockSchema } from "./block-schemas.js";
import type { CheckedProgram, DefaultKeys } from "./checked-program.js";
import { CheckContext } from "./context.js";
import { checkExpression, inferExpression } from "./expressions.js";
import { TypeResolver } from "./resolve-type.js";
import { checkCondition } from "./rules/bool-conditions.js";
import { checkForSource } from "./rules/iterable-sources.js";
import { knownEntry } from "./rules/known-fields.js";
import { checkParamValues } from "./rules/known-param-names.js";
import { declareValue } from "./rules/no-shadowing.js";
import { checkOneOfEachBlock, type TopLevelBlocks } from "./rules/one-of-each-block.js";
import { buildParamSchema } from "./rules/params-declarations.js";
import { checkRequiredDefaults } from "./rules/required-defaults.js";
import { checkRequiredParams } from "./rules/required-params.js";
import { checkRunId } from "./rules/run-ids.js";
import { checkTagValue } from "./rules/tag-values.js";
import { checkTopLevelOnly } from "./rules/top-level-only.js";
import { collectTypeAliases } from "./rules/unique-type-aliases.js";
import { checkUniqueKeys } from "./rules/unique-keys.js";
import { checkNullOverrides, defaultKeys } from "./rules/null-overrides.js";
import { checkUnusedNames } from "./rules/unused-names.js";
import { checkVarInitializer, isVarCall } from "./rules/var-in-typed-let.js";
import { Scope } from "./scope.js";
import { STRING, type Type } from "./types.js";

/** What `check` needs besides the program: file access for `params from`, and its folder. */
export interface CheckOptions {
  host: Host;
  /** The folder of the `.batch` file; relative paths (`params from "t.json"`) start here. */
  baseDir: string;
  /**
   * The parser's diagnostics for the same file, if any. A checker diagnostic on a line with a
   * syntax error, or whose span contains one, is dropped: error recovery can build plausible
   * but wrong nodes (`if { run "a" { } }` has a record as its condition), and their problems
   * are cascades of the syntax error, which is reported already.
   */
  syntax?: readonly Diagnostic[];
}

/** The checker's result: the side tables for the expander, and every problem found (sorted). */
export interface CheckResult {
  checked: CheckedProgram;
  diagnostics: Diagnostic[];
}

/** Checks a parsed program. Never throws on bad input; problems are in `diagnostics`. */
export function check(program: Program, source: SourceFile, options: CheckOptions): CheckResult {
  const ctx = new CheckContext(source, options.host, options.baseDir);
  const top = checkOneOfEachBlock(ctx, program);
  checkTopLevelOnly(ctx, program);
  const { declared, rejected } = collectTypeAliases(ctx, program);
  const types = new TypeResolver(ctx, declared);
  types.resolveAll();
  for (const alias of rejected) types.resolve(alias.type);
  ctx.params = top.params === undefined ? undefined : buildParamSchema(ctx, types, top.params);
  const scope = new Scope();
  const symbols = scope.collect();
  const inherited = defaultKeys(top.defaults, ctx.params);
  new StatementChecker(ctx, types, top, inherited).block(program.statements, scope);
  checkUnusedNames(ctx, symbols);
  const checked: CheckedProgram = {
    source,
    program,
    types: ctx.types,
    expectedTypes: ctx.expectedTypes,
    aliases: ctx.aliases,
    annotations: ctx.annotations,
    params: ctx.params,
    inherited,
  };
  return { checked, diagnostics: sortDiagnostics(dropCascades(ctx.diagnostics, source, options.syntax ?? [])) };
}

/** Drops the diagnostics that a syntax error probably caused (see `CheckOptions.syntax`). */
function dropCascades(list: readonly Diagnostic[], source: SourceFile, syntax: readonly Diagnostic[]): Diagnostic[] {
  const errors = syntax.filter((d) => d.severity === "error" && d.file === source.name);
  if (errors.length === 0) return [...list];
  const lines = new Set(errors.map((d) => source.position(d.span.start).line));
  return list.filter((d) => {
    if (lines.has(source.position(d.span.start).line)) return false;
    return !errors.some((e) => e.span.start >= d.span.start && e.span.start < d.span.end);
  });
}

/** Walks statements in order, with one scope per block. */
class StatementChecker {
  private readonly ctx: CheckContext;
  private readonly types: TypeResolver;
  private readonly top: TopLevelBlocks;
  /** Parameters set by `defaults { params { } }` (they count for every run). */
  private readonly fromDefaults = new Set<string>();
  /** What `defaults` and declared parameter defaults set (a run's `null` inherits them). */
  private readonly inherited: DefaultKeys;

  constructor(ctx: CheckContext, types: TypeResolver, top: TopLevelBlocks, inherited: DefaultKeys) {
    this.ctx = ctx;
    this.types = types;
    this.top = top;
    this.inherited = inherited;
    // `defaults` may come after the runs; collect the names it sets up front
    for (const e of top.defaults?.entries ?? []) {
      if (e.kind === "MapBlock" && e.key.name === "params") for (const p of e.entries) if (p.key.name !== "") this.fromDefaults.add(p.key.name);
    }
  }

  block(statements: readonly Statement[], scope: Scope): void {
    for (const s of statements) this.statement(s, scope);
  }

  private statement(s: Statement, scope: Scope): void {
    const ctx = this.ctx;
    switch (s.kind) {
      case "BatchBlock":
        if (s.name !== undefined) checkExpression(ctx, scope, s.name, STRING);
        this.entries(s.entries, BATCH_SCHEMA, scope);
        return;
      case "DefaultsBlock":
        this.entries(s.entries, DEFAULTS_SCHEMA, scope);
        if (s === this.top.defaults) checkRequiredDefaults(ctx, s);
        return;
      case "ParamsBlock":
        this.paramsBlock(s, scope);
        return;
      case "TypeAlias":
        return; // resolved before the walk: aliases are visible everywhere
      case "LetStatement": {
        const declared = s.type === undefined ? undefined : this.types.resolve(s.type);
        let t: Type;
        if (isVarCall(s.value)) t = checkVarInitializer(ctx, scope, s, s.value, declared);
        else if (declared !== undefined) {
          checkExpression(ctx, scope, s.value, declared);
          t = declared;
        } else t = inferExpression(ctx, scope, s.value);
        declareValue(ctx, scope, s.name, "let", t);
        return;
      }
      case "ForStatement": {
        // loop variables live in the `for` header's scope: later sources, `where` and the body see them
        const loop = scope.child();
        for (const src of s.sources) {
          const names = checkForSource(ctx, src, inferExpression(ctx, loop, src.iterable));
          src.names.forEach((id, i) => declareValue(ctx, loop, id, "loop", names[i] as Type));
        }
        if (s.where !== undefined) checkCondition(ctx, inferExpression(ctx, loop, s.where), s.where);
        this.block(s.body, loop.child());
        return;
      }
      case "IfStatement":
        if (s.condition !== undefined) checkCondition(ctx, inferExpression(ctx, scope, s.condition), s.condition);
        this.block(s.then, scope.child());
        if (s.otherwise !== undefined) this.block(s.otherwise, scope.child());
        return;
      case "RunStatement":
        this.run(s, scope);
        return;
    }
  }

  private paramsBlock(s: Extract<Statement, { kind: "ParamsBlock" }>, scope: Scope): void {
    const schema = s === this.top.params ? this.ctx.params : undefined;
    for (const d of s.declarations) {
      const type = this.types.resolve(d.type);
      if (d.default === undefined) continue;
      const info = schema?.params.get(d.key.name);
      const declared = info?.declaration === d ? info.type : d.type === undefined ? undefined : type;
      if (declared === undefined) inferExpression(this.ctx, scope, d.default);
      else checkExpression(this.ctx, scope, d.default, declared, { allowNull: d.optional || info?.optional === true });
    }
  }

  private run(s: RunStatement, scope: Scope): void {
    checkRunId(this.ctx, scope, s);
    const set = this.entries(s.entries, RUN_SCHEMA, scope, this.inherited.params);
    checkRequiredParams(this.ctx, s, set, this.fromDefaults);
    checkNullOverrides(this.ctx, s, this.inherited);
  }

  /** Checks the entries of a `batch`, `defaults` or `run` block; returns the parameters it sets. */
  private entries(entries: readonly BlockEntry[], schema: BlockSchema, scope: Scope, inherited?: ReadonlySet<string>): Set<string> {
    const ctx = this.ctx;
    const params = new Set<string>();
    checkUniqueKeys(ctx, entries);
    for (const e of entries) {
      const spec = knownEntry(ctx, e, schema);
      if (spec === undefined) this.loose(e, scope);
      else if (spec.kind === "field" && e.kind === "FieldAssignment") {
        // `null` leaves an optional field unset (docs/language.md §8a)
        checkExpression(ctx, scope, e.value, spec.type, { allowNull: !schema.required.includes(e.key.name) });
      } else if (spec.kind === "params" && e.kind === "MapBlock") checkParamValues(ctx, scope, e, params, inherited);
      else if (spec.kind === "tags" && e.kind === "MapBlock") this.tags(e, scope);
      else if (spec.kind === "document" && e.kind === "MapBlock") this.document(e, scope);
    }
    return params;
  }

  private tags(block: MapBlock, scope: Scope): void {
    checkUniqueKeys(this.ctx, block.entries);
    for (const e of block.entries) {
      if (e.key.name === "") inferExpression(this.ctx, scope, e.value);
      else checkTagValue(this.ctx, scope, e.value);
    }
  }

  /** A block of any JSON values (`engineSettings { syntaxVersion = "v1" }`): keys unique, values typed. */
  private document(block: MapBlock, scope: Scope): void {
    checkUniqueKeys(this.ctx, block.entries);
    for (const e of block.entries) inferExpression(this.ctx, scope, e.value);
  }

  /** Types the values of an entry that is already reported (its names still resolve). */
  private loose(e: BlockEntry, scope: Scope): void {
    if (e.kind === "FieldAssignment") inferExpression(this.ctx, scope, e.value);
    else for (const x of e.entries) inferExpression(this.ctx, scope, x.value);
  }
}
