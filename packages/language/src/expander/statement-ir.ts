// The expander's compiled statements: what the walk over the loops runs. Each `let`, `run`,
// `for` and `if` of the program becomes one of these once, with its expressions compiled to
// evaluators over the slot environment.
import type { RunStatement } from "../ast/nodes.js";
import type { Span } from "../source.js";
import type { Value } from "../values.js";
import type { Evaluator } from "./evaluator.js";
import type { RunFields } from "./run-spec.js";

/** A loop variable: its name and slot. */
export interface LoopVar {
  name: string;
  slot: number;
}

export const LET = 0;
export const RUN = 1;
export const FOR = 2;
export const IF = 3;

export interface LetIR {
  kind: typeof LET;
  slot: number;
  value: Evaluator;
  /** The value expression (a failing data-file call there may still give rows to count). */
  span: Span;
  vars: readonly LoopVar[];
}

/**
 * A run's entry that `defaults` (or a declared default) sets, so that a `null` value inherits the
 * default (docs/language.md §8a): what it sets, for the warning BC3048, and where its value is.
 */
export interface NullOverDefault {
  /** `parameter \`x\``, `tag \`x\`` or `field \`x\``. */
  what: string;
  span: Span;
  /** The value read as `name.key` (a loop variable's field): the data-file cell it came from is named. */
  read?: { name: string; key: string };
}

export interface RunIR {
  kind: typeof RUN;
  node: RunStatement;
  id: Evaluator;
  idSpan: Span;
  fields: (env: Value[]) => RunFields;
  /** The entries of the run just built whose `null` inherits a default; the walk takes them out. */
  nulls: NullOverDefault[];
  vars: readonly LoopVar[];
  /** The statement holds a checker error: it is evaluated and counted, but gives no run. */
  faulty: boolean;
}

export interface SourceIR {
  names: readonly LoopVar[];
  destructure: boolean;
  /** A list-valued source, or a lazy integer range. */
  list: Evaluator | undefined;
  range: { from: Evaluator; to: Evaluator; fromSpan: Span; toSpan: Span; inclusive: boolean } | undefined;
  span: Span;
  /** Loop variables bound before this source (for notes). */
  varsBefore: readonly LoopVar[];
}

export interface ForIR {
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

export interface IfIR {
  kind: typeof IF;
  condition: (env: Value[]) => boolean;
  then: readonly StmtIR[];
  otherwise: readonly StmtIR[];
  vars: readonly LoopVar[];
}

export type StmtIR = LetIR | RunIR | ForIR | IfIR;

