// A `run` statement's fields, built from its compiled entries: the scalar API members, then
// `parameters`, `runTags` and the JSON block (`engineSettings`), each key in the same order in
// every run. A `null` value leaves its key unset; a required parameter set to `null` fails.
import type { Value, RecordValue } from "../values.js";
import type { Evaluator } from "./evaluator.js";
import type { Failure } from "./errors.js";
import { setKey } from "./records.js";
import type { RunFields } from "./run-spec.js";

/** One compiled entry: its key and the evaluator of its value. */
export interface FieldEntry<V = Value> {
  key: string;
  value: (env: Value[]) => V;
}

/** A parameter entry: its value check (type, pattern) and, when it may not be `null`, the failure. */
export interface ParamEntry extends FieldEntry {
  check: ((v: Value) => Value) | undefined;
  onNull: (() => Failure) | undefined;
}

/** Evaluates `entries` into a record; undefined when every value is unset. */
function record<V>(entries: readonly FieldEntry<V | null | undefined>[], env: Value[]): RecordValue | undefined {
  let out: RecordValue | undefined;
  for (const e of entries) {
    const v = e.value(env);
    if (v === null || v === undefined) continue;
    setKey((out ??= {}), e.key, v as Value);
  }
  return out;
}

function parameters(entries: readonly ParamEntry[], env: Value[]): RecordValue | undefined {
  let out: RecordValue | undefined;
  for (const e of entries) {
    const v = e.value(env);
    if (v === null) {
      if (e.onNull !== undefined) throw e.onNull();
      continue;
    }
    setKey((out ??= {}), e.key, e.check === undefined ? v : e.check(v));
  }
  return out;
}

/** The builder of a run's fields from its entries (scalars already in the model's output order). */
export function runBuilder(
  scalars: readonly FieldEntry[],
  params: readonly ParamEntry[] | undefined,
  tags: readonly FieldEntry<string | undefined>[] | undefined,
  doc: { member: string; entries: readonly FieldEntry[] } | undefined,
): (env: Value[]) => RunFields {
  return (env) => {
    const out: RecordValue = {};
    for (const s of scalars) {
      const v = s.value(env);
      if (v !== null) setKey(out, s.key, v);
    }
    if (params !== undefined) {
      const p = parameters(params, env);
      if (p !== undefined) out.parameters = p;
    }
    if (tags !== undefined) {
      const t = record(tags, env);
      if (t !== undefined) out.runTags = t;
    }
    if (doc !== undefined) {
      const d = record(doc.entries, env);
      if (d !== undefined) setKey(out, doc.member, d);
    }
    return out as RunFields;
  };
}
