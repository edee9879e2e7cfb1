// The abstract syntax tree: what `build.ts` makes from the CST and every later phase reads.
// Every node has a `kind` discriminant and a `span`. Parsing with recovery can leave holes:
// a missing expression is an `ErrorExpression`, a missing name an `Identifier` with name "".
// Later phases skip such nodes silently (the syntax error was already reported).
import type { Span } from "../source.js";

export interface NodeBase {
  span: Span;
}

/** A whole `.batch` file. */
export interface Program extends NodeBase {
  kind: "Program";
  statements: Statement[];
}

export type Statement =
  | BatchBlock
  | DefaultsBlock
  | ParamsBlock
  | TypeAlias
  | LetStatement
  | ForStatement
  | IfStatement
  | RunStatement;

/** An identifier (a name that is declared or referenced). `name` is "" when recovered. */
export interface Identifier extends NodeBase {
  kind: "Identifier";
  name: string;
}

/** A key in a block or map: an identifier or a string literal (`"cost-center"`). */
export interface Key extends NodeBase {
  kind: "Key";
  name: string;
  quoted: boolean;
}

/** `key = expr` inside `batch`, `defaults`, `run`, `tags`, `runTags` or a run's `params`. */
export interface FieldAssignment extends NodeBase {
  kind: "FieldAssignment";
  key: Key;
  value: Expression;
}

/** `key { k = v, ... }` inside `batch`, `defaults` or `run` (`tags`, `runTags`, `params`). */
export interface MapBlock extends NodeBase {
  kind: "MapBlock";
  key: Key;
  entries: FieldAssignment[];
}

export type BlockEntry = FieldAssignment | MapBlock;

/** `batch "NAME" { settings = ..., requestId = ..., tags { ... } }` (the name is optional). */
export interface BatchBlock extends NodeBase {
  kind: "BatchBlock";
  /** Span of the `batch` keyword. */
  keyword: Span;
  name: Expression | undefined;
  entries: BlockEntry[];
}

/** `defaults { workflowId = ..., runTags { ... } }` */
export interface DefaultsBlock extends NodeBase {
  kind: "DefaultsBlock";
  keyword: Span;
  entries: BlockEntry[];
}

/** `params { name: TYPE = DEFAULT }`, `params from "template.json" { ... }` or `params from "template.json"` */
export interface ParamsBlock extends NodeBase {
  kind: "ParamsBlock";
  keyword: Span;
  /** The template path of `params from "..."`. */
  from: StringLiteral | undefined;
  /** True when the declarations are written in `{ ... }` (always without `from`; `params from "t.json"` has none). */
  block: boolean;
  declarations: ParamDeclaration[];
}

/** `name?: TYPE = DEFAULT` in a `params` block. The type may be omitted after `from`. */
export interface ParamDeclaration extends NodeBase {
  kind: "ParamDeclaration";
  key: Key;
  optional: boolean;
  type: TypeExpression | undefined;
  default: Expression | undefined;
}

/** `type Name = TYPE` */
export interface TypeAlias extends NodeBase {
  kind: "TypeAlias";
  name: Identifier;
  type: TypeExpression;
}

/** `let name: TYPE = EXPR` */
export interface LetStatement extends NodeBase {
  kind: "LetStatement";
  name: Identifier;
  type: TypeExpression | undefined;
  value: Expression;
}

/** `for x in A, (a, b) in B where COND { ... }` */
export interface ForStatement extends NodeBase {
  kind: "ForStatement";
  sources: ForSource[];
  where: Expression | undefined;
  body: Statement[];
}

/** One `x in EXPR` or `(a, b) in EXPR` of a `for`. */
export interface ForSource extends NodeBase {
  kind: "ForSource";
  /** One name for `x in ...`; several for `(a, b) in ...`. */
  names: Identifier[];
  destructure: boolean;
  iterable: Expression;
}

/** `if C { ... } else if D { ... } else { ... }`; an `else if` is one nested IfStatement in `otherwise`. */
export interface IfStatement extends NodeBase {
  kind: "IfStatement";
  condition: Expression;
  then: Statement[];
  otherwise: Statement[] | undefined;
}

/** `run ID { name = ..., params { ... }, runTags { ... } }` */
export interface RunStatement extends NodeBase {
  kind: "RunStatement";
  keyword: Span;
  id: Expression;
  entries: BlockEntry[];
}

// ---- Types ----

export type TypeExpression = NamedType | ListType | RecordType | LiteralType | UnionType | ErrorType;

/** `string`, `int`, `float`, `bool`, `s3uri`, `any`, or an alias name. */
export interface NamedType extends NodeBase {
  kind: "NamedType";
  name: Identifier;
}

/** `[T]` */
export interface ListType extends NodeBase {
  kind: "ListType";
  element: TypeExpression;
}

/** `{ field: T, other?: T }` */
export interface RecordType extends NodeBase {
  kind: "RecordType";
  fields: RecordTypeField[];
}

export interface RecordTypeField extends NodeBase {
  kind: "RecordTypeField";
  key: Key;
  optional: boolean;
  type: TypeExpression;
}

/** A string literal used as a type: `"gatk"`. */
export interface LiteralType extends NodeBase {
  kind: "LiteralType";
  value: string;
}

/** `"a" | "b" | "c"` (members are LiteralTypes in valid programs). */
export interface UnionType extends NodeBase {
  kind: "UnionType";
  members: TypeExpression[];
}

/** A type that could not be parsed. */
export interface ErrorType extends NodeBase {
  kind: "ErrorType";
}

// ---- Expressions ----

export type Expression =
  | StringLiteral
  | TemplateString
  | NumberLiteral
  | BooleanLiteral
  | NullLiteral
  | ListLiteral
  | ListComprehension
  | RecordLiteral
  | NameExpression
  | FieldAccess
  | IndexAccess
  | CallExpression
  | UnaryExpression
  | BinaryExpression
  | RangeExpression
  | ConditionalExpression
  | ErrorExpression;

/** A string without interpolation; `value` has its escapes decoded. */
export interface StringLiteral extends NodeBase {
  kind: "StringLiteral";
  value: string;
}

/** A string with at least one `${expr}`; text parts have their escapes decoded. */
export interface TemplateString extends NodeBase {
  kind: "TemplateString";
  parts: TemplatePart[];
}

export type TemplatePart = TemplateText | Expression;

export interface TemplateText extends NodeBase {
  kind: "TemplateText";
  value: string;
}

export interface NumberLiteral extends NodeBase {
  kind: "NumberLiteral";
  value: number;
  /** True for literals without `.` or an exponent (`42`), false for `1.5` or `2e3`. */
  integer: boolean;
  raw: string;
}

export interface BooleanLiteral extends NodeBase {
  kind: "BooleanLiteral";
  value: boolean;
}

export interface NullLiteral extends NodeBase {
  kind: "NullLiteral";
}

/** `[a, b, c]` */
export interface ListLiteral extends NodeBase {
  kind: "ListLiteral";
  elements: Expression[];
}

/** `[EXPR for x in XS, y in YS where COND]`: the sources and filter of a `for` statement. */
export interface ListComprehension extends NodeBase {
  kind: "ListComprehension";
  element: Expression;
  sources: ForSource[];
  where: Expression | undefined;
}

/** `{ k: v, "other-key": w }` */
export interface RecordLiteral extends NodeBase {
  kind: "RecordLiteral";
  fields: RecordLiteralField[];
}

export interface RecordLiteralField extends NodeBase {
  kind: "RecordLiteralField";
  key: Key;
  value: Expression;
}

/** A reference to a `let`, a loop variable or (as a callee) a built-in function. */
export interface NameExpression extends NodeBase {
  kind: "NameExpression";
  name: Identifier;
}

/** `object.field` */
export interface FieldAccess extends NodeBase {
  kind: "FieldAccess";
  object: Expression;
  field: Identifier;
}

/** `object[index]` */
export interface IndexAccess extends NodeBase {
  kind: "IndexAccess";
  object: Expression;
  index: Expression;
}

/** `f(a, b)`: the callee is always a plain name (the built-ins). */
export interface CallExpression extends NodeBase {
  kind: "CallExpression";
  callee: Identifier;
  args: Expression[];
}

export type UnaryOperator = "-" | "not";

export interface UnaryExpression extends NodeBase {
  kind: "UnaryExpression";
  operator: UnaryOperator;
  operand: Expression;
}

export type BinaryOperator =
  | "or"
  | "and"
  | "=="
  | "!="
  | "<"
  | "<="
  | ">"
  | ">="
  | "+"
  | "-"
  | "*"
  | "/"
  | "%";

export interface BinaryExpression extends NodeBase {
  kind: "BinaryExpression";
  operator: BinaryOperator;
  /** Span of the operator token. */
  operatorSpan: Span;
  left: Expression;
  right: Expression;
}

/** `a..b`, inclusive at both ends. */
export interface RangeExpression extends NodeBase {
  kind: "RangeExpression";
  start: Expression;
  end: Expression;
}

/** `if C then A else B` */
export interface ConditionalExpression extends NodeBase {
  kind: "ConditionalExpression";
  condition: Expression;
  then: Expression;
  otherwise: Expression;
}

/** An expression that could not be parsed (already reported as a syntax error). */
export interface ErrorExpression extends NodeBase {
  kind: "ErrorExpression";
}

export type Node =
  | Program
  | Statement
  | Identifier
  | Key
  | FieldAssignment
  | MapBlock
  | ParamDeclaration
  | ForSource
  | TypeExpression
  | RecordTypeField
  | Expression
  | TemplateText
  | RecordLiteralField;
