// Run-time failures inside the expander. Evaluation aborts the current run (or `let`, or loop
// combination) by throwing a Failure; the statement executor catches it, adds the iteration
// note and hands it to the reporter. Failures are plain objects, not Errors: capturing a stack
// for every failing iteration would be slow, and these are expected outcomes, not bugs.
import type { DiagnosticMessage, Label } from "../diagnostics/diagnostic.js";
import type { Span } from "../source.js";
import { isRecordValue, type Value } from "../values.js";

/** One problem found while evaluating, placed at a span of the `.batch` file. */
export class Failure {
  constructor(
    readonly message: DiagnosticMessage,
    readonly span: Span,
    /** Tells apart problems with the same code and span (data-file columns, file names). */
    readonly key = "",
    readonly labels?: Label[],
    /** More problems found by the same call (a data file with several bad columns). */
    readonly more?: readonly Failure[],
  ) {}

  /** The string value found wrong, when it may be a data-file cell: its cell is then named too. */
  value?: string;

  /**
   * What this occurrence is about, when repeats of the problem may differ in it (the quoted id
   * of a duplicate run id): the note on repeats then counts them by it.
   */
  instance?: string;

  /**
   * The value the failing call still gives for counting runs (the records of a data file with
   * errors, some fields unknown: values.ts `unknownField`); it stands for the call's own value
   * only, so it is used where the failing expression is the call (`partialAt`).
   */
  partial?: Value;

  /** This failure, about the string value `v` (see `value`). */
  about(v: Value): this {
    if (typeof v === "string") this.value = v;
    return this;
  }
}

/** Thrown by built-ins, which do not know spans; the call site places it. */
export class BuiltinError {
  constructor(
    readonly message: DiagnosticMessage,
    /** The argument to blame (0-based); the whole call when undefined. */
    readonly argIndex?: number,
    readonly key = "",
    readonly more?: readonly BuiltinError[],
  ) {}

  /** The string value found wrong, when it may be a data-file cell (see `Failure.value`). */
  value?: string;

  /** The value the call still gives for counting runs (see `Failure.partial`). */
  partial?: Value;

  /** This error, about the string value `v`. */
  about(v: Value): this {
    if (typeof v === "string") this.value = v;
    return this;
  }
}

/** Aborts evaluation without a diagnostic: the value depends on something that already failed. */
export const SILENT = Object.freeze({ silent: true as const });

/**
 * What a run with several failing entries throws: its failures as one (the first, with the
 * others as `more`), SILENT when every one was silent. Anything else (a bug) is thrown as it is.
 */
export function allFailures(list: readonly unknown[]): unknown {
  const found: Failure[] = [];
  for (const e of list) {
    if (e === SILENT) continue;
    if (!(e instanceof Failure)) return e;
    found.push(e, ...(e.more ?? []));
  }
  const first = found[0];
  if (first === undefined) return SILENT;
  if (found.length === 1) return first;
  const all = new Failure(first.message, first.span, first.key, first.labels, found.slice(1));
  if (first.value !== undefined) all.value = first.value;
  if (first.instance !== undefined) all.instance = first.instance;
  return all;
}

/** A short description of a value's kind and content for messages: `a string ("abc")`. */
export function describeValue(v: Value): string {
  if (v === null) return "`null`";
  switch (typeof v) {
    case "string":
      return `a string (${shorten(JSON.stringify(v), 40)})`;
    case "number":
      return Number.isInteger(v) ? `an int (${v})` : `a float (${v})`;
    case "boolean":
      return `a bool (${v})`;
  }
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : `a list of ${v.length}`;
  if (isRecordValue(v)) return "a record";
  return "a value";
}

/** The kind of a value in one word, for messages about mixed lists. */
export function kindOf(v: Value): string {
  if (v === null) return "null";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  if (typeof v === "string" || typeof v === "boolean") return typeof v === "string" ? "string" : "bool";
  return Array.isArray(v) ? "list" : "record";
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * The value a failure still gives for counting when the expression that failed is `span` itself
 * (a `let`'s value or a loop's list that is the failing data-file call), else undefined.
 */
export function partialAt(e: unknown, span: Span): Value | undefined {
  if (!(e instanceof Failure) || e.partial === undefined) return undefined;
  return e.span.start === span.start && e.span.end === span.end ? e.partial : undefined;
}
