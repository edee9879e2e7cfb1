// Hover: the type of any expression, a field's constraints and meaning, a built-in's
// signature, a name's declaration, and on `run` the number of runs it expands to.
import {
  BUILTINS,
  forEachChild,
  printExpression,
  printSignature,
  printType,
  printTypeExpression,
  type Node,
  type ParamDeclaration,
  type Span,
} from "@batchc/language";
import type { Analysis } from "./documents.js";
import { constraintsOf, describeField } from "./field-docs.js";
import { typeOfDefinition } from "./completion.js";
import { expressionAt } from "./symbols.js";

export interface HoverText {
  markdown: string;
  span: Span;
}

const code = (text: string): string => `\`\`\`batch\n${text}\n\`\`\``;
const within = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export function hoverAt(analysis: Analysis, offset: number): HoverText | undefined {
  const program = analysis.frontEnd.checked?.program;
  if (program === undefined) return undefined;

  // `run`: how many runs the statement expands to.
  const run = findNode(program, (n) => n.kind === "RunStatement" && within(n.keyword, offset));
  if (run?.kind === "RunStatement") {
    const n = analysis.runCounts.get(run) ?? 0;
    const text = analysis.runsChecked ? `expands to ${n.toLocaleString("en-US")} run${n === 1 ? "" : "s"}` : "still counting the runs it expands to";
    return { markdown: `**run**: ${text}`, span: run.keyword };
  }

  const definition = analysis.symbols.at(offset);
  if (definition !== undefined) {
    const span = definition.references.find((r) => within(r, offset)) as Span;
    switch (definition.kind) {
      case "param": {
        const d = definition.node as ParamDeclaration;
        const type = d.type ? `: ${printTypeExpression(d.type)}` : "";
        const dflt = d.default ? ` = ${printExpression(d.default)}` : "";
        return { markdown: `${code(`${d.key.name}${d.optional ? "?" : ""}${type}${dflt}`)}\nworkflow parameter`, span };
      }
      case "alias": {
        const t = analysis.frontEnd.checked?.aliases.get(definition.name);
        return { markdown: code(`type ${definition.name} = ${t ? printType(t) : "?"}`), span };
      }
      default: {
        const t = typeOfDefinition(analysis, definition);
        const prefix = definition.kind === "let" ? "let " : "";
        return { markdown: `${code(`${prefix}${definition.name}: ${t ? printType(t) : "?"}`)}\n${definition.kind === "loop" ? "loop variable" : "value"}`, span };
      }
    }
  }

  // A field of a block: its constraints and meaning.
  const entry = findNode(program, (n) => (n.kind === "FieldAssignment" || n.kind === "MapBlock") && within(n.key.span, offset));
  if (entry !== undefined && (entry.kind === "FieldAssignment" || entry.kind === "MapBlock")) {
    const name = entry.key.name;
    const parts = [`**${name}**`, constraintsOf(name), describeField(name)].filter((x) => x !== undefined);
    if (parts.length > 1) return { markdown: parts.join("\n\n"), span: entry.key.span };
  }

  const call = findNode(program, (n) => n.kind === "CallExpression" && within(n.callee.span, offset));
  if (call?.kind === "CallExpression") {
    const b = BUILTINS.get(call.callee.name);
    if (b) return { markdown: code(printSignature(b)), span: call.callee.span };
  }

  const expr = expressionAt(program, offset);
  const t = expr === undefined ? undefined : analysis.frontEnd.checked?.types.get(expr);
  if (expr !== undefined && t !== undefined) return { markdown: code(printType(t)), span: expr.span };
  return undefined;
}

/** The innermost node under `root` that satisfies `test`. */
function findNode(root: Node, test: (n: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  const visit = (n: Node): void => {
    if (test(n)) found = n;
    forEachChild(n, visit);
  };
  visit(root);
  return found;
}
