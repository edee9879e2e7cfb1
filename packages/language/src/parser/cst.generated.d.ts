// Generated from the parser by `pnpm grammar` (grammar/generate.ts). Do not edit.
import type { CstNode, ICstVisitor, IToken } from "chevrotain";

export interface ProgramCstNode extends CstNode {
  name: "program";
  children: ProgramCstChildren;
}

export type ProgramCstChildren = {
  statement?: StatementCstNode[];
};

export interface StatementCstNode extends CstNode {
  name: "statement";
  children: StatementCstChildren;
}

export type StatementCstChildren = {
  batchBlock?: BatchBlockCstNode[];
  defaultsBlock?: DefaultsBlockCstNode[];
  paramsBlock?: ParamsBlockCstNode[];
  typeAlias?: TypeAliasCstNode[];
  letStatement?: LetStatementCstNode[];
  forStatement?: ForStatementCstNode[];
  ifStatement?: IfStatementCstNode[];
  runStatement?: RunStatementCstNode[];
};

export interface BatchBlockCstNode extends CstNode {
  name: "batchBlock";
  children: BatchBlockCstChildren;
}

export type BatchBlockCstChildren = {
  Batch: IToken[];
  expression?: ExpressionCstNode[];
  LBrace: IToken[];
  blockItem?: BlockItemCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface DefaultsBlockCstNode extends CstNode {
  name: "defaultsBlock";
  children: DefaultsBlockCstChildren;
}

export type DefaultsBlockCstChildren = {
  Defaults: IToken[];
  LBrace: IToken[];
  blockItem?: BlockItemCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface ParamsBlockCstNode extends CstNode {
  name: "paramsBlock";
  children: ParamsBlockCstChildren;
}

export type ParamsBlockCstChildren = {
  Params: IToken[];
  From?: IToken[];
  string?: StringCstNode[];
  paramsBody?: (ParamsBodyCstNode)[];
};

export interface ParamsBodyCstNode extends CstNode {
  name: "paramsBody";
  children: ParamsBodyCstChildren;
}

export type ParamsBodyCstChildren = {
  LBrace: IToken[];
  paramDeclaration?: ParamDeclarationCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface ParamDeclarationCstNode extends CstNode {
  name: "paramDeclaration";
  children: ParamDeclarationCstChildren;
}

export type ParamDeclarationCstChildren = {
  key: KeyCstNode[];
  Question?: IToken[];
  Colon?: IToken[];
  type?: TypeCstNode[];
  Equals?: IToken[];
  value?: ValueCstNode[];
};

export interface BlockItemCstNode extends CstNode {
  name: "blockItem";
  children: BlockItemCstChildren;
}

export type BlockItemCstChildren = {
  misplacedStatement?: MisplacedStatementCstNode[];
  blockEntry?: BlockEntryCstNode[];
};

export interface MisplacedStatementCstNode extends CstNode {
  name: "misplacedStatement";
  children: MisplacedStatementCstChildren;
}

export type MisplacedStatementCstChildren = {
  statement: StatementCstNode[];
};

export interface BlockEntryCstNode extends CstNode {
  name: "blockEntry";
  children: BlockEntryCstChildren;
}

export type BlockEntryCstChildren = {
  key: KeyCstNode[];
  mapBody?: MapBodyCstNode[];
  fieldValue?: FieldValueCstNode[];
  missingEquals?: MissingEqualsCstNode[];
};

export interface MissingEqualsCstNode extends CstNode {
  name: "missingEquals";
  children: MissingEqualsCstChildren;
}

export type MissingEqualsCstChildren = {
  expression: ExpressionCstNode[];
};

export interface FieldValueCstNode extends CstNode {
  name: "fieldValue";
  children: FieldValueCstChildren;
}

export type FieldValueCstChildren = {
  Assign: IToken[];
  value: ValueCstNode[];
};

export interface ValueCstNode extends CstNode {
  name: "value";
  children: ValueCstChildren;
}

export type ValueCstChildren = {
  expression?: ExpressionCstNode[];
};

export interface MapBodyCstNode extends CstNode {
  name: "mapBody";
  children: MapBodyCstChildren;
}

export type MapBodyCstChildren = {
  LBrace: IToken[];
  mapEntry?: MapEntryCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface MapEntryCstNode extends CstNode {
  name: "mapEntry";
  children: MapEntryCstChildren;
}

export type MapEntryCstChildren = {
  key: KeyCstNode[];
  Assign: IToken[];
  value: ValueCstNode[];
};

export interface KeyCstNode extends CstNode {
  name: "key";
  children: KeyCstChildren;
}

export type KeyCstChildren = {
  Name?: IToken[];
  string?: StringCstNode[];
};

export interface TypeAliasCstNode extends CstNode {
  name: "typeAlias";
  children: TypeAliasCstChildren;
}

export type TypeAliasCstChildren = {
  Type: IToken[];
  Identifier: IToken[];
  Equals: IToken[];
  type: TypeCstNode[];
};

export interface LetStatementCstNode extends CstNode {
  name: "letStatement";
  children: LetStatementCstChildren;
}

export type LetStatementCstChildren = {
  Let: IToken[];
  Identifier: IToken[];
  Colon?: IToken[];
  type?: TypeCstNode[];
  Equals: IToken[];
  expression: ExpressionCstNode[];
};

export interface ForStatementCstNode extends CstNode {
  name: "forStatement";
  children: ForStatementCstChildren;
}

export type ForStatementCstChildren = {
  For: IToken[];
  forSource: (ForSourceCstNode)[];
  Comma?: IToken[];
  Where?: IToken[];
  expression?: ExpressionCstNode[];
  LBrace: IToken[];
  statement?: StatementCstNode[];
  RBrace: IToken[];
};

export interface ForSourceCstNode extends CstNode {
  name: "forSource";
  children: ForSourceCstChildren;
}

export type ForSourceCstChildren = {
  Identifier?: IToken[];
  namePattern?: NamePatternCstNode[];
  In: IToken[];
  expression: ExpressionCstNode[];
};

export interface NamePatternCstNode extends CstNode {
  name: "namePattern";
  children: NamePatternCstChildren;
}

export type NamePatternCstChildren = {
  LParen: IToken[];
  Identifier: (IToken)[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface IfStatementCstNode extends CstNode {
  name: "ifStatement";
  children: IfStatementCstChildren;
}

export type IfStatementCstChildren = {
  If: IToken[];
  expression: ExpressionCstNode[];
  LBrace: IToken[];
  statement?: StatementCstNode[];
  RBrace: IToken[];
  Else?: IToken[];
  ifStatement?: IfStatementCstNode[];
  elseBlock?: ElseBlockCstNode[];
};

export interface ElseBlockCstNode extends CstNode {
  name: "elseBlock";
  children: ElseBlockCstChildren;
}

export type ElseBlockCstChildren = {
  LBrace: IToken[];
  statement?: StatementCstNode[];
  RBrace: IToken[];
};

export interface RunStatementCstNode extends CstNode {
  name: "runStatement";
  children: RunStatementCstChildren;
}

export type RunStatementCstChildren = {
  Run: IToken[];
  expression: ExpressionCstNode[];
  LBrace: IToken[];
  blockItem?: BlockItemCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface TypeCstNode extends CstNode {
  name: "type";
  children: TypeCstChildren;
}

export type TypeCstChildren = {
  primaryType: (PrimaryTypeCstNode)[];
  Pipe?: IToken[];
};

export interface PrimaryTypeCstNode extends CstNode {
  name: "primaryType";
  children: PrimaryTypeCstChildren;
}

export type PrimaryTypeCstChildren = {
  Identifier?: IToken[];
  string?: StringCstNode[];
  listType?: ListTypeCstNode[];
  recordType?: RecordTypeCstNode[];
};

export interface ListTypeCstNode extends CstNode {
  name: "listType";
  children: ListTypeCstChildren;
}

export type ListTypeCstChildren = {
  LBracket: IToken[];
  type: TypeCstNode[];
  RBracket: IToken[];
};

export interface RecordTypeCstNode extends CstNode {
  name: "recordType";
  children: RecordTypeCstChildren;
}

export type RecordTypeCstChildren = {
  LBrace: IToken[];
  recordTypeField?: RecordTypeFieldCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface RecordTypeFieldCstNode extends CstNode {
  name: "recordTypeField";
  children: RecordTypeFieldCstChildren;
}

export type RecordTypeFieldCstChildren = {
  key: KeyCstNode[];
  Question?: IToken[];
  Colon: IToken[];
  type: TypeCstNode[];
};

export interface ExpressionCstNode extends CstNode {
  name: "expression";
  children: ExpressionCstChildren;
}

export type ExpressionCstChildren = {
  conditional?: ConditionalCstNode[];
  orExpression?: OrExpressionCstNode[];
};

export interface ConditionalCstNode extends CstNode {
  name: "conditional";
  children: ConditionalCstChildren;
}

export type ConditionalCstChildren = {
  If: IToken[];
  expression: (ExpressionCstNode)[];
  Then: IToken[];
  Else: IToken[];
};

export interface OrExpressionCstNode extends CstNode {
  name: "orExpression";
  children: OrExpressionCstChildren;
}

export type OrExpressionCstChildren = {
  andExpression: (AndExpressionCstNode)[];
  Or?: IToken[];
};

export interface AndExpressionCstNode extends CstNode {
  name: "andExpression";
  children: AndExpressionCstChildren;
}

export type AndExpressionCstChildren = {
  notExpression: (NotExpressionCstNode)[];
  And?: IToken[];
};

export interface NotExpressionCstNode extends CstNode {
  name: "notExpression";
  children: NotExpressionCstChildren;
}

export type NotExpressionCstChildren = {
  negation?: NegationCstNode[];
  comparison?: ComparisonCstNode[];
};

export interface NegationCstNode extends CstNode {
  name: "negation";
  children: NegationCstChildren;
}

export type NegationCstChildren = {
  Not: IToken[];
  notExpression: NotExpressionCstNode[];
};

export interface ComparisonCstNode extends CstNode {
  name: "comparison";
  children: ComparisonCstChildren;
}

export type ComparisonCstChildren = {
  range: (RangeCstNode)[];
  ComparisonOperator?: IToken[];
};

export interface RangeCstNode extends CstNode {
  name: "range";
  children: RangeCstChildren;
}

export type RangeCstChildren = {
  additive: (AdditiveCstNode)[];
  DotDot?: IToken[];
};

export interface AdditiveCstNode extends CstNode {
  name: "additive";
  children: AdditiveCstChildren;
}

export type AdditiveCstChildren = {
  multiplicative: (MultiplicativeCstNode)[];
  AdditiveOperator?: IToken[];
};

export interface MultiplicativeCstNode extends CstNode {
  name: "multiplicative";
  children: MultiplicativeCstChildren;
}

export type MultiplicativeCstChildren = {
  unary: (UnaryCstNode)[];
  MultiplicativeOperator?: IToken[];
};

export interface UnaryCstNode extends CstNode {
  name: "unary";
  children: UnaryCstChildren;
}

export type UnaryCstChildren = {
  negative?: NegativeCstNode[];
  postfix?: PostfixCstNode[];
};

export interface NegativeCstNode extends CstNode {
  name: "negative";
  children: NegativeCstChildren;
}

export type NegativeCstChildren = {
  Minus: IToken[];
  unary: UnaryCstNode[];
};

export interface PostfixCstNode extends CstNode {
  name: "postfix";
  children: PostfixCstChildren;
}

export type PostfixCstChildren = {
  primary: PrimaryCstNode[];
  fieldSuffix?: FieldSuffixCstNode[];
  indexSuffix?: IndexSuffixCstNode[];
  callSuffix?: CallSuffixCstNode[];
};

export interface FieldSuffixCstNode extends CstNode {
  name: "fieldSuffix";
  children: FieldSuffixCstChildren;
}

export type FieldSuffixCstChildren = {
  Dot: IToken[];
  Name: IToken[];
};

export interface IndexSuffixCstNode extends CstNode {
  name: "indexSuffix";
  children: IndexSuffixCstChildren;
}

export type IndexSuffixCstChildren = {
  LBracket: IToken[];
  expression: ExpressionCstNode[];
  RBracket: IToken[];
};

export interface CallSuffixCstNode extends CstNode {
  name: "callSuffix";
  children: CallSuffixCstChildren;
}

export type CallSuffixCstChildren = {
  LParen: IToken[];
  expression?: ExpressionCstNode[];
  Comma?: IToken[];
  RParen: IToken[];
};

export interface PrimaryCstNode extends CstNode {
  name: "primary";
  children: PrimaryCstChildren;
}

export type PrimaryCstChildren = {
  NumberLiteral?: IToken[];
  string?: StringCstNode[];
  True?: IToken[];
  False?: IToken[];
  Null?: IToken[];
  listLiteral?: ListLiteralCstNode[];
  recordLiteral?: RecordLiteralCstNode[];
  parenthesized?: ParenthesizedCstNode[];
  Identifier?: IToken[];
};

export interface ListLiteralCstNode extends CstNode {
  name: "listLiteral";
  children: ListLiteralCstChildren;
}

export type ListLiteralCstChildren = {
  LBracket: IToken[];
  expression?: (ExpressionCstNode)[];
  comprehension?: ComprehensionCstNode[];
  Comma?: (IToken)[];
  RBracket: IToken[];
};

export interface ComprehensionCstNode extends CstNode {
  name: "comprehension";
  children: ComprehensionCstChildren;
}

export type ComprehensionCstChildren = {
  For: IToken[];
  forSource: (ForSourceCstNode)[];
  Comma?: IToken[];
  Where?: IToken[];
  If?: IToken[];
  expression?: ExpressionCstNode[];
};

export interface RecordLiteralCstNode extends CstNode {
  name: "recordLiteral";
  children: RecordLiteralCstChildren;
}

export type RecordLiteralCstChildren = {
  LBrace: IToken[];
  recordField?: RecordFieldCstNode[];
  Comma?: IToken[];
  RBrace: IToken[];
};

export interface RecordFieldCstNode extends CstNode {
  name: "recordField";
  children: RecordFieldCstChildren;
}

export type RecordFieldCstChildren = {
  key: KeyCstNode[];
  Assign: IToken[];
  value: ValueCstNode[];
};

export interface ParenthesizedCstNode extends CstNode {
  name: "parenthesized";
  children: ParenthesizedCstChildren;
}

export type ParenthesizedCstChildren = {
  LParen: IToken[];
  expression: ExpressionCstNode[];
  RParen: IToken[];
};

export interface StringCstNode extends CstNode {
  name: "string";
  children: StringCstChildren;
}

export type StringCstChildren = {
  StringStart: IToken[];
  StringText?: IToken[];
  StringEscape?: IToken[];
  interpolation?: InterpolationCstNode[];
  StringEnd: IToken[];
};

export interface InterpolationCstNode extends CstNode {
  name: "interpolation";
  children: InterpolationCstChildren;
}

export type InterpolationCstChildren = {
  InterpolationStart: IToken[];
  expression?: ExpressionCstNode[];
  RBrace: IToken[];
};

export interface BatchCstVisitor<IN, OUT> extends ICstVisitor<IN, OUT> {
  program(children: ProgramCstChildren, param?: IN): OUT;
  statement(children: StatementCstChildren, param?: IN): OUT;
  batchBlock(children: BatchBlockCstChildren, param?: IN): OUT;
  defaultsBlock(children: DefaultsBlockCstChildren, param?: IN): OUT;
  paramsBlock(children: ParamsBlockCstChildren, param?: IN): OUT;
  paramsBody(children: ParamsBodyCstChildren, param?: IN): OUT;
  paramDeclaration(children: ParamDeclarationCstChildren, param?: IN): OUT;
  blockItem(children: BlockItemCstChildren, param?: IN): OUT;
  misplacedStatement(children: MisplacedStatementCstChildren, param?: IN): OUT;
  blockEntry(children: BlockEntryCstChildren, param?: IN): OUT;
  missingEquals(children: MissingEqualsCstChildren, param?: IN): OUT;
  fieldValue(children: FieldValueCstChildren, param?: IN): OUT;
  value(children: ValueCstChildren, param?: IN): OUT;
  mapBody(children: MapBodyCstChildren, param?: IN): OUT;
  mapEntry(children: MapEntryCstChildren, param?: IN): OUT;
  key(children: KeyCstChildren, param?: IN): OUT;
  typeAlias(children: TypeAliasCstChildren, param?: IN): OUT;
  letStatement(children: LetStatementCstChildren, param?: IN): OUT;
  forStatement(children: ForStatementCstChildren, param?: IN): OUT;
  forSource(children: ForSourceCstChildren, param?: IN): OUT;
  namePattern(children: NamePatternCstChildren, param?: IN): OUT;
  ifStatement(children: IfStatementCstChildren, param?: IN): OUT;
  elseBlock(children: ElseBlockCstChildren, param?: IN): OUT;
  runStatement(children: RunStatementCstChildren, param?: IN): OUT;
  type(children: TypeCstChildren, param?: IN): OUT;
  primaryType(children: PrimaryTypeCstChildren, param?: IN): OUT;
  listType(children: ListTypeCstChildren, param?: IN): OUT;
  recordType(children: RecordTypeCstChildren, param?: IN): OUT;
  recordTypeField(children: RecordTypeFieldCstChildren, param?: IN): OUT;
  expression(children: ExpressionCstChildren, param?: IN): OUT;
  conditional(children: ConditionalCstChildren, param?: IN): OUT;
  orExpression(children: OrExpressionCstChildren, param?: IN): OUT;
  andExpression(children: AndExpressionCstChildren, param?: IN): OUT;
  notExpression(children: NotExpressionCstChildren, param?: IN): OUT;
  negation(children: NegationCstChildren, param?: IN): OUT;
  comparison(children: ComparisonCstChildren, param?: IN): OUT;
  range(children: RangeCstChildren, param?: IN): OUT;
  additive(children: AdditiveCstChildren, param?: IN): OUT;
  multiplicative(children: MultiplicativeCstChildren, param?: IN): OUT;
  unary(children: UnaryCstChildren, param?: IN): OUT;
  negative(children: NegativeCstChildren, param?: IN): OUT;
  postfix(children: PostfixCstChildren, param?: IN): OUT;
  fieldSuffix(children: FieldSuffixCstChildren, param?: IN): OUT;
  indexSuffix(children: IndexSuffixCstChildren, param?: IN): OUT;
  callSuffix(children: CallSuffixCstChildren, param?: IN): OUT;
  primary(children: PrimaryCstChildren, param?: IN): OUT;
  listLiteral(children: ListLiteralCstChildren, param?: IN): OUT;
  comprehension(children: ComprehensionCstChildren, param?: IN): OUT;
  recordLiteral(children: RecordLiteralCstChildren, param?: IN): OUT;
  recordField(children: RecordFieldCstChildren, param?: IN): OUT;
  parenthesized(children: ParenthesizedCstChildren, param?: IN): OUT;
  string(children: StringCstChildren, param?: IN): OUT;
  interpolation(children: InterpolationCstChildren, param?: IN): OUT;
}
