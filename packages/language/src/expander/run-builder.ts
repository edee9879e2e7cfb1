// A `run` statement's fields, built from its compiled entries: the scalar API members, then
// `parameters`, `runTags` and the JSON block (`engineSettings`), each key in the same order in
// every run. A `null` value leaves its key unset; a required parameter set to `null` fails, and
// one that inherits a default is noted for the warning BC3048 (docs/language.md §8a).
import type { Value, RecordValue } from "../values.js";
import type { Evaluator } from "./evaluator.js";
import { allFailures, type Failure } from "./errors.js";
import { setKey } from "./records.js";
import type { RunFields } from "./run-spec.js";
import type { NullOverDefault } from "./statement-ir.js";

/** One compiled entry: its key and the evaluator of its value. */
export interface FieldEntry<V = Value> {
  key: string;
  value: (env: Value[]) => V;
  /** Set when `defaults` sets the key: a `null` value then inherits the default (and is noted). */
  inherits?: NullOverDefault;
}

/** A parameter entry: its value check (type, pattern) and, when it may not be `null`, the failure. */
export interface ParamEntry extends FieldEntry {
  check: ((v: Value) => Value) | undefined;
  onNull: (() => Failure) | undefined;
}

/**
 * Evaluates one entry: its value, or undefined when it fails while `failures` collects them (the
 * failure is kept); without `failures` a failure is thrown.
 */
function take<V>(value: (env: Value[]) => V, env: Value[], failures: unknown[] | undefined): V | undefined {
  if (failures === undefined) return value(env);
  try {
    return value(env);
  } catch (e) {
    failures.push(e);
    return undefined;
  }
}

/**
 * Evaluates `entries` into a record; undefined when every value is unset. An unset entry that
 * inherits a default goes to `nulls`.
 */
function record<V>(entries: readonly FieldEntry<V | null | undefined>[], env: Value[], failures: unknown[] | undefined, nulls: NullOverDefault[]): RecordValue | undefined {
  let out: RecordValue | undefined;
  for (const e of entries) {
    const v = take(e.value, env, failures);
    if (v !== null && v !== undefined) setKey((out ??= {}), e.key, v as Value);
    else if (e.inherits !== undefined) nulls.push(e.inherits);
  }
  return out;
}

/** A parameter's value as sent: checked; undefined when `null` leaves it unset. */
function paramValue(e: ParamEntry, env: Value[]): Value | undefined {
  const v = e.value(env);
  if (v === null) {
    if (e.onNull !== undefined) throw e.onNull();
    return undefined;
  }
  return e.check === undefined ? v : e.check(v);
}

function parameters(entries: readonly ParamEntry[], env: Value[], failures: unknown[] | undefined, nulls: NullOverDefault[]): RecordValue | undefined {
  let out: RecordValue | undefined;
  for (const e of entries) {
    const v = failures === undefined ? paramValue(e, env) : take((x) => paramValue(e, x), env, failures);
    if (v !== undefined) setKey((out ??= {}), e.key, v);
    else if (e.inherits !== undefined) nulls.push(e.inherits);
  }
  return out;
}

/**
 * The builder of a run's fields from its entries (scalars already in the model's output order).
 * A run with a failing entry is built again with every entry evaluated, so all of its problems
 * are thrown at once (`allFailures`); a run without one pays nothing for that. The entries of a
 * built run that are `null` over a default are added to `nulls` (whoever builds the run takes
 * them out); a run that fails adds none.
 */
export function runBuilder(
  scalars: readonly FieldEntry[],
  params: readonly ParamEntry[] | undefined,
  tags: readonly FieldEntry<string | undefined>[] | undefined,
  doc: { member: string; entries: readonly FieldEntry[] } | undefined,
  nulls: NullOverDefault[],
): (env: Value[]) => RunFields {
  const build = (env: Value[], failures: unknown[] | undefined): RunFields => {
    const out: RecordValue = {};
    for (const s of scalars) {
      const v = take(s.value, env, failures);
      if (v !== null && v !== undefined) setKey(out, s.key, v);
      else if (s.inherits !== undefined) nulls.push(s.inherits);
    }
    if (params !== undefined) {
      const p = parameters(params, env, failures, nulls);
      if (p !== undefined) out.parameters = p;
    }
    if (tags !== undefined) {
      const t = record(tags, env, failures, nulls);
      if (t !== undefined) out.runTags = t;
    }
    if (doc !== undefined) {
      const d = record(doc.entries, env, failures, nulls);
      if (d !== undefined) setKey(out, doc.member, d);
    }
    return out as RunFields;
  };
  return (env) => {
    try {
      return build(env, undefined);
    } catch {
      const failures: unknown[] = [];
      build(env, failures);
      nulls.length = 0;
      throw allFailures(failures);
    }
  };
}
