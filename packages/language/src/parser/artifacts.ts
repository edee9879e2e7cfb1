// Files generated from the parser's grammar: the CST type declarations
// (`parser/cst.generated.d.ts`) and the railroad diagrams (`grammar/diagrams.html`).
// `grammar/generate.ts` writes them; `grammar/generated.test.ts` checks they are fresh.
import { createSyntaxDiagramsCode, generateCstDts } from "chevrotain";
import { parser } from "./parser.js";

const HEADER = "// Generated from the parser by `pnpm grammar` (grammar/generate.ts). Do not edit.\n";

/** The text of `cst.generated.d.ts`: one interface per CST node and its children. */
export function cstTypesText(): string {
  const text = generateCstDts(parser.getGAstProductions(), { visitorInterfaceName: "BatchCstVisitor" });
  return `${HEADER}${text.trimEnd()}\n`;
}

/** The text of `diagrams.html`: Chevrotain's railroad diagrams of every rule (deterministic). */
export function diagramsHtmlText(): string {
  const html = createSyntaxDiagramsCode(parser.getSerializedGastProductions());
  return `${html.trimEnd()}\n`;
}
