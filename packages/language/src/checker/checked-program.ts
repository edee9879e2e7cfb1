// What the checker hands to the expander: the program plus side tables keyed by node.
import type { Expression, Program, ParamDeclaration, TypeExpression } from "../ast/nodes.js";
import type { SourceFile, Span } from "../source.js";
import type { Type } from "./types.js";

/** One declared workflow parameter. */
export interface ParamInfo {
  name: string;
  type: Type;
  optional: boolean;
  /** The declared default, if any (evaluated once into `defaultRunSetting.parameters`). */
  default: Expression | undefined;
  /** Where it is declared: the declaration in the `params` block, or the `params from` string. */
  span: Span;
  declaration: ParamDeclaration | undefined;
  /** From the template file, when `params from` supplied the name. */
  description?: string;
  /** A JSON Schema `pattern` (from `params from "nextflow_schema.json"`) every value must match. */
  pattern?: string;
  /** The schema gives it `format: file-path`: an `s3://` value names an object (`--live` checks it). */
  path?: boolean;
}

/** The closed parameter schema of a program with a `params` statement. */
export interface ParamSchema {
  params: ReadonlyMap<string, ParamInfo>;
  /** The template file name of `params from "..."`, for messages. */
  template?: string;
}

/** What `defaults` and the declared parameter defaults set, by kind: what a run's `null` inherits (§8a). */
export interface DefaultKeys {
  /** API fields, as written in `defaults` (`outputUri`). */
  fields: ReadonlySet<string>;
  params: ReadonlySet<string>;
  tags: ReadonlySet<string>;
}

export interface CheckedProgram {
  source: SourceFile;
  program: Program;
  /** Resolved type of every expression the checker typed. */
  types: ReadonlyMap<Expression, Type>;
  /**
   * The type a data-file call must produce, from its context: `let xs: [Row] = csv(...)` maps
   * the `csv(...)` call to `[Row]`. The expander converts cells to it.
   */
  expectedTypes: ReadonlyMap<Expression, Type>;
  /** Resolved type aliases by name. */
  aliases: ReadonlyMap<string, Type>;
  /** Resolved annotation types (`let x: T`, declared params). */
  annotations: ReadonlyMap<TypeExpression, Type>;
  /** The parameter schema; undefined when the program has no `params` statement (unchecked). */
  params: ParamSchema | undefined;
  /** What `defaults` and the declared parameter defaults set (see `defaultKeys`). */
  inherited: DefaultKeys;
}
