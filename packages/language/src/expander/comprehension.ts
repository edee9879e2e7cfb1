// List comprehensions at expansion time (docs/language.md §7b). The variables get slots of the
// shared `env`, like loop variables; sources nest left to right (the rightmost changes fastest)
// and `where` is tested on each combination. A failure inside names the comprehension's
// iteration in a note, as a `for` statement's failures name theirs: with the data-file line of
// each row, and the cell when the wrong value is one. What each `where` kept is recorded for
// the warning about one that keeps nothing (BC3041, reported once the runs are walked).
import type { ListComprehension } from "../ast/nodes.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import type { Span } from "../source.js";
import type { Value } from "../values.js";
import { elementLine, rowOrigin, type ExpandContext, type WhereUse } from "./builtins/context.js";
import { cellNote, cellOf } from "./data-cell.js";
import { Failure, describeValue } from "./errors.js";
import type { Evaluator, SubCompiler } from "./evaluator.js";
import { iterationText } from "./iteration-text.js";
import type { Binding } from "./run-spec.js";
import { Scope } from "./scope.js";

/** A comprehension builds at most this many elements (its sources may multiply). */
export const MAX_COMPREHENSION = 1_000_000;

interface Source {
  list: Evaluator;
  slots: readonly { name: string; slot: number }[];
  destructure: boolean;
  span: ListComprehension["span"];
}

/** Where one evaluation is: per source, its list and the index of the current element. */
interface Cursor {
  lists: Value[][];
  idx: number[];
}

/**
 * Compiles `[EXPR for ... where ...]`; `allocate` hands out fresh `env` slots, `ctx` is the
 * expansion's context (data-file origins of lists and rows, what `where`s kept).
 */
export function compileComprehension(c: SubCompiler, e: ListComprehension, parent: Scope, allocate: () => number, ctx: ExpandContext): Evaluator {
  const scope = new Scope(parent);
  const sources: Source[] = e.sources.map((src) => {
    const list = c.compile(src.iterable, scope);
    const slots = src.names.map((n) => {
      const slot = allocate();
      scope.define(n.name, { kind: "slot", slot });
      return { name: n.name, slot };
    });
    return { list, slots, destructure: src.destructure, span: src.iterable.span };
  });
  const where = e.where === undefined ? undefined : tracked(c.condition(e.where, scope), whereUse(ctx, e.where));
  const element = c.compile(e.element, scope);
  const n = sources.length;
  const span = e.span;

  return (env) => {
    const out: Value[] = [];
    const at: Cursor = { lists: new Array<Value[]>(n), idx: new Array<number>(n).fill(0) };
    const level = (k: number): void => {
      const src = sources[k] as Source;
      const xs = src.list(env);
      if (!Array.isArray(xs)) throw new Failure(codes.notIterable(describeValue(xs)), src.span);
      at.lists[k] = xs;
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i] as Value;
        at.idx[k] = i;
        if (src.destructure) {
          if (!Array.isArray(v) || v.length !== src.slots.length) throw new Failure(codes.destructureMismatch(src.slots.length, describeValue(v)), src.span);
          for (let j = 0; j < src.slots.length; j++) env[(src.slots[j] as { slot: number }).slot] = v[j] as Value;
        } else env[(src.slots[0] as { slot: number }).slot] = v;
        try {
          if (k < n - 1) level(k + 1);
          else if (where === undefined || where(env)) {
            out.push(element(env));
            if (out.length > MAX_COMPREHENSION) throw new Failure(codes.comprehensionTooLarge(MAX_COMPREHENSION), span);
          }
        } catch (x) {
          // the innermost level adds the note (it knows every binding); outer levels pass it on
          if (k === n - 1 && !(x instanceof Failure && x.span === span)) throw noted(ctx, x, bindingsOf(ctx, sources, at, env));
          throw x;
        }
      }
    };
    if (n > 0) level(0);
    return out;
  };
}

/** The record of a comprehension's `where` (one per condition, however often it is compiled). */
function whereUse(ctx: ExpandContext, where: NonNullable<ListComprehension["where"]>): WhereUse {
  let use = ctx.comprehensionWheres.get(where);
  if (use === undefined) {
    use = { tested: false, kept: false };
    ctx.comprehensionWheres.set(where, use);
  }
  return use;
}

/** `cond`, recording in `use` that it was evaluated and whether it held. */
function tracked(cond: (env: Value[]) => boolean, use: WhereUse): (env: Value[]) => boolean {
  return (env) => {
    const held = cond(env);
    use.tested = true;
    if (held) use.kept = true;
    return held;
  };
}

/**
 * The failure `x` with a note naming the comprehension's iteration and, when the wrong value
 * is a data-file cell of one of its variables, a note naming that cell (an enclosing loop then
 * does not look for it again).
 */
function noted(ctx: ExpandContext, x: unknown, bindings: readonly Binding[]): unknown {
  if (!(x instanceof Failure)) return x;
  const cell = x.value === undefined ? undefined : cellOf(ctx.host, ctx.baseDir, bindings, x.value, ctx.dataLines);
  const notes = [...(x.message.notes ?? []), `in comprehension iteration ${iterationText(bindings)}`, ...(cell === undefined ? [] : [cellNote(cell)])];
  const f = new Failure({ ...x.message, notes }, x.span, x.key, x.labels, x.more);
  if (cell === undefined && x.value !== undefined) f.value = x.value;
  if (x.instance !== undefined) f.instance = x.instance;
  return f;
}

/**
 * The variables of every source with their values and, for an element of a data file's list
 * (or a row reached otherwise, as through `enumerate`), its data-file line.
 */
function bindingsOf(ctx: ExpandContext, sources: readonly Source[], at: Cursor, env: readonly Value[]): Binding[] {
  const out: Binding[] = [];
  sources.forEach((src, k) => {
    const lo = src.destructure ? undefined : ctx.listOrigins.get(at.lists[k] as Value[]);
    for (const { name, slot } of src.slots) {
      const value = env[slot] as Value;
      const origin =
        lo !== undefined
          ? { file: lo.file, line: elementLine(lo, at.idx[k] as number) }
          : typeof value === "object" && value !== null
            ? rowOrigin(ctx, value)
            : undefined;
      out.push(origin === undefined ? { name, value } : { name, value, origin });
    }
  });
  return out;
}

/** The places of the comprehension `where`s that were evaluated and never held, in source order. */
export function emptyComprehensionWheres(ctx: ExpandContext): Span[] {
  return [...ctx.comprehensionWheres]
    .filter(([, use]) => use.tested && !use.kept)
    .map(([where]) => where.span)
    .sort((a, b) => a.start - b.start);
}
