// What compiled expressions are, and what a construct compiled inside an expression (a
// comprehension) needs of the expression compiler: its sub-expressions compiled in a scope.
import type { Expression } from "../ast/nodes.js";
import type { Type } from "../checker/types.js";
import type { Value } from "../values.js";
import type { Scope } from "./scope.js";

/** A compiled expression: reads the loop variables and nested `let`s from `env`. */
export type Evaluator = (env: Value[]) => Value;

/** The expression compiler, as the constructs inside an expression use it. */
export interface SubCompiler {
  compile(e: Expression, scope: Scope, declared?: Type): Evaluator;
  condition(e: Expression, scope: Scope): (env: Value[]) => boolean;
}
