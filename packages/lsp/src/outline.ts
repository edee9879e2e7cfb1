// The outline: top-level blocks, aliases, `let`s, loops and `run`s, nested as in the file.
import { printExpression, printTypeExpression, type Statement } from "@batchc/language";
import { SymbolKind, type DocumentSymbol, type Range } from "vscode-languageserver";

export function outline(statements: readonly Statement[], range: (start: number, end: number) => Range): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of statements) {
    const whole = range(s.span.start, s.span.end);
    const symbol = (name: string, kind: SymbolKind, at: { start: number; end: number }, children?: DocumentSymbol[], detail?: string): DocumentSymbol => ({
      name: name === "" ? "?" : name,
      kind,
      range: whole,
      selectionRange: range(at.start, at.end),
      ...(children && children.length > 0 ? { children } : {}),
      ...(detail ? { detail } : {}),
    });
    switch (s.kind) {
      case "BatchBlock":
        out.push(symbol(s.name ? `batch ${printExpression(s.name)}` : "batch", SymbolKind.Namespace, s.keyword));
        break;
      case "DefaultsBlock":
        out.push(symbol("defaults", SymbolKind.Namespace, s.keyword));
        break;
      case "ParamsBlock":
        out.push(
          symbol(
            "params",
            SymbolKind.Interface,
            s.keyword,
            s.declarations.map((d) => ({
              name: `${d.key.name}${d.optional ? "?" : ""}`,
              kind: SymbolKind.Property,
              range: range(d.span.start, d.span.end),
              selectionRange: range(d.key.span.start, d.key.span.end),
              ...(d.type ? { detail: printTypeExpression(d.type) } : {}),
            })),
          ),
        );
        break;
      case "TypeAlias":
        out.push(symbol(s.name.name, SymbolKind.TypeParameter, s.name.span, undefined, printTypeExpression(s.type)));
        break;
      case "LetStatement":
        out.push(symbol(s.name.name, SymbolKind.Variable, s.name.span));
        break;
      case "ForStatement": {
        const names = s.sources.map((src) => src.names.map((n) => n.name).join(", ")).join(", ");
        out.push(symbol(`for ${names}`, SymbolKind.Array, s.sources[0]?.span ?? s.span, outline(s.body, range)));
        break;
      }
      case "IfStatement":
        out.push(symbol(`if ${printExpression(s.condition)}`, SymbolKind.Boolean, s.condition.span, outline([...s.then, ...(s.otherwise ?? [])], range)));
        break;
      case "RunStatement":
        out.push(symbol(`run ${printExpression(s.id)}`, SymbolKind.Event, s.keyword));
        break;
    }
  }
  return out;
}
