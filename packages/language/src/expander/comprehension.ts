// List comprehensions at expansion time (docs/language.md §7b). The variables get slots of the
// shared `env`, like loop variables; sources nest left to right (the rightmost changes fastest)
// and `where` is tested on each combination. A failure inside names the comprehension's
// iteration in a note, as a `for` statement's failures name theirs.
import type { ListComprehension } from "../ast/nodes.js";
import { expand as codes } from "../diagnostics/codes/expand.js";
import type { Value } from "../values.js";
import { Failure, describeValue } from "./errors.js";
import type { Evaluator, SubCompiler } from "./evaluator.js";
import { Scope } from "./scope.js";
import { shortValue } from "./iteration-text.js";

/** A comprehension builds at most this many elements (its sources may multiply). */
export const MAX_COMPREHENSION = 1_000_000;

interface Source {
  list: Evaluator;
  slots: readonly { name: string; slot: number }[];
  destructure: boolean;
  span: ListComprehension["span"];
}

/** Compiles `[EXPR for ... where ...]`; `allocate` hands out fresh `env` slots. */
export function compileComprehension(c: SubCompiler, e: ListComprehension, parent: Scope, allocate: () => number): Evaluator {
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
  const where = e.where === undefined ? undefined : c.condition(e.where, scope);
  const element = c.compile(e.element, scope);
  const n = sources.length;
  const span = e.span;

  /** The failure `x` with a note naming the bindings of sources 0..k. */
  const noted = (x: unknown, env: Value[], k: number): unknown => {
    if (!(x instanceof Failure)) return x;
    const bound = sources.slice(0, k + 1).flatMap((s) => s.slots.map(({ name, slot }) => `${name} = ${shortValue(env[slot] as Value)}`));
    const note = `in comprehension iteration ${bound.join(", ")}`;
    return new Failure({ ...x.message, notes: [...(x.message.notes ?? []), note] }, x.span, x.key, x.labels, x.more);
  };

  return (env) => {
    const out: Value[] = [];
    const level = (k: number): void => {
      const src = sources[k] as Source;
      const xs = src.list(env);
      if (!Array.isArray(xs)) throw new Failure(codes.notIterable(describeValue(xs)), src.span);
      for (const v of xs) {
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
          if (k === n - 1 && !(x instanceof Failure && x.span === span)) throw noted(x, env, k);
          throw x;
        }
      }
    };
    if (n > 0) level(0);
    return out;
  };
}
