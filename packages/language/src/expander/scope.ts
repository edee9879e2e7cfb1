// Names at compile time: what each refers to (a constant, an `env` slot, or a failed `let`),
// in nested scopes.
import type { Value } from "../values.js";

/** What a name refers to at compile time. */
export type Ref =
  | { kind: "const"; value: Value }
  | { kind: "slot"; slot: number }
  /** A top-level `let` whose evaluation failed: reading it aborts silently (no cascade). */
  | { kind: "poisoned" };

/** A lexical scope at compile time: names to refs, with a parent. */
export class Scope {
  private readonly names = new Map<string, Ref>();
  constructor(readonly parent?: Scope) {}

  define(name: string, ref: Ref): void {
    this.names.set(name, ref);
  }

  lookup(name: string): Ref | undefined {
    for (let s: Scope | undefined = this; s !== undefined; s = s.parent) {
      const r = s.names.get(name);
      if (r !== undefined) return r;
    }
    return undefined;
  }
}
