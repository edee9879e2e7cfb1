// IdTable: first indices of run ids, across growth.
import { describe, expect, it } from "vitest";
import { IdTable } from "./id-table.js";

describe("IdTable", () => {
  it("add stores the first index of each id and returns it for repeats, past several growths", () => {
    const t = new IdTable(4);
    const n = 200_000;
    for (let i = 0; i < n; i++) expect(t.add(`S${i}-hg38`, i)).toBe(-1);
    for (let i = 0; i < n; i += 997) expect(t.add(`S${i}-hg38`, n + i)).toBe(i);
    expect(t.get("S199999-hg38")).toBe(199_999);
    expect(t.get("S200000-hg38")).toBe(-1);
  });

  it("get and set agree with add; setExact keeps an id whose hashes matched another's", () => {
    const t = new IdTable();
    t.set("a", 0);
    expect(t.get("a")).toBe(0);
    expect(t.add("a", 5)).toBe(0);
    t.setExact("b", 7);
    expect(t.add("b", 9)).toBe(7);
    expect(t.add("c", 3)).toBe(-1);
    expect(t.get("c")).toBe(3);
  });
});
