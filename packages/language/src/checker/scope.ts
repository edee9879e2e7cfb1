// Lexical scopes of the checker: one per block (the file, a `for` header, a body, an `if` branch).
// Type aliases live apart (`aliases.ts`): they are visible everywhere.
import type { Identifier } from "../ast/nodes.js";
import type { Type } from "./types.js";

/** A declared value name: a `let` or a loop variable. */
export interface ValueSymbol {
  name: string;
  kind: "let" | "loop";
  type: Type;
  declaration: Identifier;
  /** Set when an expression reads it (for the unused-name warning). */
  used?: boolean;
}

/** A block's names, chained to the enclosing block's. */
export class Scope {
  readonly parent: Scope | undefined;
  private readonly symbols = new Map<string, ValueSymbol>();

  constructor(parent?: Scope) {
    this.parent = parent;
  }

  /** A child scope (a nested block). */
  child(): Scope {
    const c = new Scope(this);
    c.declared = this.declared;
    return c;
  }

  /** The symbol declared in this very block. */
  lookupLocal(name: string): ValueSymbol | undefined {
    return this.symbols.get(name);
  }

  /** The nearest visible symbol of that name. */
  lookup(name: string): ValueSymbol | undefined {
    return this.symbols.get(name) ?? this.parent?.lookup(name);
  }

  /** The nearest symbol of that name in an enclosing block (not this one). */
  lookupOuter(name: string): ValueSymbol | undefined {
    return this.parent?.lookup(name);
  }

  declare(symbol: ValueSymbol): void {
    this.symbols.set(symbol.name, symbol);
    this.declared?.push(symbol);
  }

  /** Every symbol declared in this scope and its children (shared down the chain). */
  private declared: ValueSymbol[] | undefined;

  /** Starts collecting every symbol declared from here down (for the unused-name warning). */
  collect(): ValueSymbol[] {
    this.declared = [];
    return this.declared;
  }

  /** Every visible name, innermost first (for did-you-mean). */
  visibleNames(): string[] {
    const out = new Set<string>();
    for (let s: Scope | undefined = this; s; s = s.parent) for (const k of s.symbols.keys()) out.add(k);
    return [...out];
  }
}
