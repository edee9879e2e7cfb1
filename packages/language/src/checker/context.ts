// The state of one `check()` run: the diagnostics found so far and the side tables that
// become the CheckedProgram. Rules receive it and report through it.
import type { Expression, TypeExpression } from "../ast/nodes.js";
import { at, type Diagnostic, type DiagnosticMessage } from "../diagnostics/diagnostic.js";
import type { Host } from "../host.js";
import type { SourceFile, Span } from "../source.js";
import type { ParamSchema } from "./checked-program.js";
import type { Type } from "./types.js";

/** Shared state of one checker run. */
export class CheckContext {
  readonly source: SourceFile;
  readonly host: Host;
  readonly baseDir: string;
  readonly diagnostics: Diagnostic[] = [];
  readonly types = new Map<Expression, Type>();
  readonly expectedTypes = new Map<Expression, Type>();
  readonly annotations = new Map<TypeExpression, Type>();
  readonly aliases = new Map<string, Type>();
  /**
   * Per-position element types of lists of lists whose length is known (`zip`, `enumerate`,
   * `[[a, b], [c, d]]`), for destructuring `for (a, b) in ...`.
   */
  readonly tuples = new Map<Expression, readonly Type[]>();
  /** The parameter schema, once built; undefined means parameters are unchecked. */
  params: ParamSchema | undefined;

  constructor(source: SourceFile, host: Host, baseDir: string) {
    this.source = source;
    this.host = host;
    this.baseDir = baseDir;
  }

  /** Reports a catalog message at a span. */
  report(msg: DiagnosticMessage, span: Span, extra?: Partial<Diagnostic>): void {
    this.diagnostics.push(at(this.source.name, span, msg, extra));
  }

  /** The source text of a span (for help texts that quote the program). */
  text(span: Span): string {
    return this.source.text.slice(span.start, span.end);
  }

  /** Records the type of an expression and returns it. */
  typed(e: Expression, t: Type): Type {
    this.types.set(e, t);
    return t;
  }
}
