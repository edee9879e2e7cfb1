// The walk over the loops: the compiled statements run with a flat slot environment, yielding
// one RunSpec per executed `run` without ever building the list of runs or combinations. A
// failing run is skipped and the walk goes on (errors: expansion-errors.ts). `where` is tested
// as soon as the loop variables it reads are bound.
import { expand as codes } from "../diagnostics/codes/expand.js";
import { at } from "../diagnostics/diagnostic.js";
import type { Span } from "../source.js";
import type { Value } from "../values.js";
import { elementLine, rowOrigin, type ExpandContext, type ListOrigin } from "./builtins/context.js";
import { emptyComprehensionWheres } from "./comprehension.js";
import { cellNote, cellOf } from "./data-cell.js";
import { Failure, describeValue, partialAt } from "./errors.js";
import type { Evaluator } from "./evaluator.js";
import { firstRunNotes, type ExpansionErrors, type Extra, type WalkErrors } from "./expansion-errors.js";
import { IdTable } from "./id-table.js";
import { iterationText } from "./iteration-text.js";
import { MAX_EXPANDED_RUNS } from "./limits.js";
import { nullCellNotes } from "./null-cell.js";
import type { Binding, RunFields, RunSpec } from "./run-spec.js";
import { FOR, IF, LET, RUN, type ForIR, type LetIR, type LoopVar, type RunIR, type SourceIR, type StmtIR } from "./statement-ir.js";

/** The index the id table keeps for a run that was not given (its fields failed): no run has it. */
const FAILED_RUN = 0x7ffffffe;

/**
 * Per-`runs()` state: the slot environment, seen ids and error counts. A loop variable's
 * binding (name, value, place) is made only when a message or a run's `bindings` needs it:
 * its value is in `env`, and for an element of a data file's list, `listFile`/`listLine`
 * hold its place (a row reached otherwise is looked up by the row).
 */
class Walk implements WalkErrors {
  readonly env: Value[];
  readonly listFile: (string | undefined)[];
  readonly listLine: number[];
  readonly seen = new IdTable();
  index = 0;
  occurrences = 0;
  warnings = 0;
  readonly distinct = new Set<string>();
  stopped = false;
  /** `run` statements evaluated so far (whether they gave a run or an error). */
  attempts = 0;
  /** False once a failure outside a `run` statement skipped part of a loop: `attempts` is then not the program's count. */
  countable = true;
  /** True once records with unknown fields are bound (errors.ts `partialAt`): no run is given. */
  partial = false;
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

/** One execution of a `for`: per source, its list (or range) and where the walk is in it. */
class LoopCursor {
  private readonly lists: (Value[] | undefined)[];
  private readonly starts: number[];
  readonly lens: number[];
  readonly idx: number[];
  /** Per source, where its list's elements came from (a data file's list), or undefined. */
  private readonly listOrigins: (ListOrigin | undefined)[];

  constructor(
    private readonly s: ForIR,
    private readonly w: Walk,
    private readonly ctx: ExpandContext,
    /** Records a failure of a source; the value it still gives for counting, if any. */
    private readonly fail: (e: unknown, vars: readonly LoopVar[], span: Span) => Value | undefined,
  ) {
    const n = s.sources.length;
    this.lists = new Array<Value[] | undefined>(n).fill(undefined);
    this.starts = new Array<number>(n).fill(0);
    this.lens = new Array<number>(n).fill(0);
    this.idx = new Array<number>(n).fill(0);
    this.listOrigins = new Array<ListOrigin | undefined>(n).fill(undefined);
  }

  /** Evaluates source k (its list, or its range's bounds) and starts at its first element. */
  open(k: number): void {
    const src = this.s.sources[k] as SourceIR;
    const env = this.w.env;
    this.idx[k] = 0;
    this.lens[k] = 0;
    this.lists[k] = undefined;
    try {
      if (src.range !== undefined) {
        const r = src.range;
        const a = r.from(env);
        const b = r.to(env);
        if (typeof a !== "number" || !Number.isInteger(a)) throw new Failure(codes.wrongType("a range bound", "int", describeValue(a)), r.fromSpan);
        if (typeof b !== "number" || !Number.isInteger(b)) throw new Failure(codes.wrongType("a range bound", "int", describeValue(b)), r.toSpan);
        this.starts[k] = a;
        this.lens[k] = Math.max(0, (r.inclusive ? b + 1 : b) - a);
      } else {
        const v = (src.list as Evaluator)(env);
        if (!Array.isArray(v)) throw new Failure(codes.notIterable(describeValue(v)), src.span);
        this.setList(k, v);
      }
    } catch (e) {
      const partial = this.fail(e, src.varsBefore, src.span);
      if (Array.isArray(partial)) this.setList(k, partial);
    }
  }

  private setList(k: number, v: Value[]): void {
    this.lists[k] = v;
    this.lens[k] = v.length;
    this.listOrigins[k] = this.ctx.listOrigins.get(v);
  }

  /** Binds the variables of source k to its element i; false when the element does not fit. */
  assign(k: number, i: number): boolean {
    const src = this.s.sources[k] as SourceIR;
    const w = this.w;
    const list = this.lists[k];
    const v = list === undefined ? (this.starts[k] as number) + i : (list[i] as Value);
    if (!src.destructure) {
      const slot = (src.names[0] as LoopVar).slot;
      w.env[slot] = v;
      const lo = this.listOrigins[k];
      w.listFile[slot] = lo?.file;
      if (lo !== undefined) w.listLine[slot] = elementLine(lo, i);
      return true;
    }
    const names = src.names;
    if (!Array.isArray(v) || v.length !== names.length) {
      this.fail(new Failure(codes.destructureMismatch(names.length, describeValue(v)), src.span), src.varsBefore, src.span);
      return false;
    }
    for (let j = 0; j < names.length; j++) {
      const slot = (names[j] as LoopVar).slot;
      w.env[slot] = v[j] as Value;
      w.listFile[slot] = undefined;
    }
    return true;
  }
}

/** Walks the compiled statements of a program; each `walk` starts the loops again. */
export class RunWalker {
  private wheresReported = false;

  constructor(
    private readonly file: string,
    private readonly ctx: ExpandContext,
    private readonly errors: ExpansionErrors,
    private readonly top: readonly StmtIR[],
    /** Every `for` with a `where`, for the warning about one that keeps nothing. */
    private readonly wheres: readonly ForIR[],
    private readonly slots: number,
    /** Runs after which expansion stops (see `expansionLimit`). */
    private readonly runLimit: number = MAX_EXPANDED_RUNS,
    /**
     * Whether runs are given at all, and whether their number is one a rule may judge: not when
     * the set-up (the `batch` block) failed or holds a checker error (faults.ts).
     */
    private readonly outcome = { giveRuns: true, judgeCount: true },
  ) {}

  /** Records a failure of the current iteration outside a `run` statement (what it skips is not counted). */
  private fail(w: Walk, e: unknown, vars: readonly LoopVar[]): void {
    w.countable = false;
    this.failRun(w, e, vars);
  }

  /**
   * Records a failure of a `let`'s value or a loop's list at `span`. When it is a data-file call
   * that still gives records (some fields unknown), they are returned to go on with: the runs
   * are counted, none is given from here on (errors.ts `partialAt`).
   */
  private failBinding(w: Walk, e: unknown, vars: readonly LoopVar[], span: Span): Value | undefined {
    const partial = partialAt(e, span);
    if (partial === undefined) {
      this.fail(w, e, vars);
      return undefined;
    }
    this.failRun(w, e, vars);
    w.partial = true;
    return partial;
  }

  /**
   * Records a failure of the current iteration, named by the bindings of `vars`; a wrong value
   * that is a data-file cell of one of them is named by its file, line and column too.
   */
  private failRun(w: Walk, e: unknown, vars: readonly LoopVar[], extra?: Extra): void {
    const withCell: Extra | undefined =
      extra ??
      (vars.length === 0
        ? undefined
        : (f) => {
            if (f.value === undefined) return { labels: [], notes: [] };
            const cell = cellOf(this.ctx.host, this.ctx.baseDir, this.bindings(w, vars), f.value, this.ctx.dataLines);
            return { labels: [], notes: cell === undefined ? [] : [cellNote(cell)] };
          });
    this.errors.fail(w, e, () => (vars.length === 0 ? undefined : iterationText(this.bindings(w, vars))), withCell);
  }

  /** The state of the last walk that records (see `Expansion.attemptedRuns`). */
  private last: Walk | undefined;

  /** `run` statements the last recording walk evaluated, when they are the program's count. */
  attemptedRuns(): number | undefined {
    const w = this.last;
    return w !== undefined && w.countable && !w.stopped && this.outcome.judgeCount ? w.attempts : undefined;
  }

  /** The runs of a fresh walk: the top block's generator itself (one generator less per run). */
  walk(quiet: boolean): Generator<RunSpec> {
    const w = new Walk(this.slots, quiet);
    if (!quiet) this.last = w;
    const g = this.block(this.top, w);
    return quiet || (this.wheres.length === 0 && this.ctx.comprehensionWheres.size === 0) ? g : this.thenReportWheres(g, w);
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
            const partial = this.failBinding(w, e, s.vars, s.span);
            if (partial === undefined) return;
            w.env[s.slot] = partial;
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
    const where = s.where;
    const whereLevel = s.whereLevel;
    if (where !== undefined && whereLevel < 0 && !this.testWhere(s, w)) return;
    const cursor = new LoopCursor(s, w, this.ctx, (e, vars, span) => this.failBinding(w, e, vars, span));
    const idx = cursor.idx;
    const body = s.body;
    let k = 0;
    cursor.open(0);
    for (;;) {
      if (w.stopped) return;
      if ((idx[k] as number) >= (cursor.lens[k] as number)) {
        if (k === 0) return;
        k--;
        idx[k] = (idx[k] as number) + 1;
        continue;
      }
      if (!cursor.assign(k, idx[k] as number) || (where !== undefined && k === whereLevel && !this.testWhere(s, w))) {
        idx[k] = (idx[k] as number) + 1;
        continue;
      }
      if (k < n - 1) {
        k++;
        cursor.open(k);
        continue;
      }
      yield* this.block(body, w);
      idx[k] = (idx[k] as number) + 1;
    }
  }

  /** Tests a `for`'s `where`, noting whether it ever held; one that failed (an error, reported) was not tested. */
  private testWhere(s: ForIR, w: Walk): boolean {
    const where = s.where as (env: Value[]) => boolean;
    let kept: boolean;
    try {
      kept = where(w.env);
    } catch (e) {
      this.fail(w, e, s.whereVars);
      return false;
    }
    s.whereTested = true;
    if (kept) s.whereKept = true;
    return kept;
  }

  /** After a complete walk: a warning for each `where` (of a `for` or a comprehension) that was tested but never held. */
  private reportEmptyWheres(w: Walk): void {
    if (w.quiet || w.stopped || this.wheresReported) return;
    this.wheresReported = true;
    for (const s of this.wheres) {
      if (s.whereTested && !s.whereKept && s.whereSpan !== undefined) this.errors.diagnostics.push(at(this.file, s.whereSpan, codes.whereKeepsNothing()));
    }
    for (const span of emptyComprehensionWheres(this.ctx)) this.errors.diagnostics.push(at(this.file, span, codes.whereKeepsNothing("comprehension")));
  }

  private run(s: RunIR, w: Walk): RunSpec | undefined {
    if (++w.attempts > this.runLimit) {
      w.stopped = true;
      return undefined;
    }
    const env = w.env;
    let id: string;
    try {
      const v = s.id(env);
      if (typeof v !== "string") throw new Failure(codes.runIdNotString(describeValue(v)), s.idSpan);
      if (v === "") throw new Failure(codes.emptyRunId(), s.idSpan);
      id = v;
    } catch (e) {
      this.failRun(w, e, s.vars);
      return undefined;
    }
    // A run whose fields fail still takes its id, so the duplicates found do not depend on
    // other errors.
    let fields: RunFields | undefined;
    try {
      fields = s.fields(env);
    } catch (e) {
      this.failRun(w, e, s.vars);
    }
    if (s.nulls.length !== 0) this.warnNulls(w, s);
    // A run is given when its fields evaluated, its statement holds no checker error, the
    // set-up did not fail and no records with unknown fields are bound; every other one still
    // takes its id.
    const given = fields !== undefined && !s.faulty && this.outcome.giveRuns && !w.partial;
    const entry = given ? w.index : FAILED_RUN;
    const first = w.seen.add(id, entry);
    if (first >= 0) {
      const dup = new Failure(codes.duplicateRunId(id), s.idSpan);
      dup.instance = JSON.stringify(id);
      if (w.quiet || this.errors.has(dup)) {
        this.failRun(w, dup, s.vars);
        return undefined;
      }
      // The first report of a duplicate names the first run's iteration, which also proves
      // the ids equal (the table compares hashes); a first run that failed is not named.
      const firstRun = first === FAILED_RUN ? undefined : this.runAt(first);
      if (firstRun === undefined || firstRun.runSettingId === id) {
        this.failRun(w, dup, s.vars, () => firstRunNotes(firstRun));
        return undefined;
      }
      w.seen.setExact(id, entry);
    }
    if (!given || fields === undefined) return undefined;
    return { runSettingId: id, fields, statement: s.node, bindings: this.bindings(w, s.vars), index: w.index++ };
  }

  /** Warns about each entry of the run just built whose `null` inherits a default (BC3048), naming its data-file cell. */
  private warnNulls(w: Walk, s: RunIR): void {
    const iteration = (): string | undefined => (s.vars.length === 0 ? undefined : iterationText(this.bindings(w, s.vars)));
    for (const n of s.nulls) this.errors.warn(w, new Failure(codes.nullOverDefault(n.what), n.span), iteration, () => nullCellNotes(this.ctx, this.bindings(w, s.vars), n.read));
    s.nulls.length = 0;
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
}
