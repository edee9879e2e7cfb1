// The shared text helpers: did-you-mean, counts, byte sizes, CSV fields, display width and the table.
import { describe, expect, it } from "vitest";
import { closest, didYouMean, editDistance, meant, suggestionList } from "./suggest.js";
import { formatBytes, formatCount, plural } from "./count.js";
import { csvField } from "./csv-field.js";
import { clipToWidth, codePointLength, displayWidth } from "./width.js";
import { MAX_CELL, renderTable } from "./table.js";

describe("did-you-mean", () => {
  it("allows 40% of the input's length plus one edits, case-insensitively, best first", () => {
    expect(suggestionList("sampel", ["sample", "samples", "simple", "x"])).toEqual(["sample", "samples", "simple"]);
    expect(closest("THREADS", ["threads"])).toBe("threads");
    expect(closest("ab", ["xyz"])).toBeUndefined();
    expect(closest("dry", ["dry-run"])).toBeUndefined();
    expect(closest("fromat", ["format", "force"])).toBe("format");
    expect(didYouMean("strng", ["string", "int"])).toBe("did you mean `string`?");
    expect(didYouMean("x", ["x"])).toBeUndefined();
  });
  it("words a suggestion found otherwise the same way, and counts edits with a transposition as one", () => {
    expect(meant("samples.csv")).toBe("did you mean `samples.csv`?");
    expect(meant("a.csv", (s) => `\`data/${s}\``)).toBe("did you mean `data/a.csv`?");
    expect(editDistance("meta.jsn", "meta.json")).toBe(1);
    expect(editDistance("samples.cvs", "samples.csv")).toBe(1);
    expect(editDistance("samples.json", "samples.csv", 2)).toBe(3);
  });
});

describe("counts", () => {
  it("writes whole numbers as toLocaleString(\"en-US\") does", () => {
    for (const n of [0, 7, 100, 999, 1000, 12_345, 100_000, 100_001, 1_234_567, 2 ** 53]) expect(formatCount(n)).toBe(n.toLocaleString("en-US"));
  });
  it("plural and byte sizes", () => {
    expect([plural(1, "run"), plural(1000, "run"), plural(2, "entry", "entries")]).toEqual(["1 run", "1,000 runs", "2 entries"]);
    expect([formatBytes(512), formatBytes(1536), formatBytes(3 * 1024 * 1024 + 200_000)]).toEqual(["512 B", "1.5 KiB", "3.2 MiB"]);
  });
  it("csvField quotes only what needs it", () => {
    expect([csvField("a"), csvField("a,b"), csvField('say "hi"'), csvField("l1\nl2")]).toEqual(["a", '"a,b"', '"say ""hi"""', '"l1\nl2"']);
  });
});

describe("width", () => {
  it("codePointLength counts surrogate pairs once and lone surrogates once", () => {
    expect(codePointLength("😀😀")).toBe(2);
    expect(codePointLength("a\ud800b")).toBe(3);
    expect(codePointLength("\udc00\ud800")).toBe(2);
  });
  it("displayWidth counts wide characters as two columns and combining marks as none", () => {
    expect(displayWidth("r-東京サンプル")).toBe(14);
    expect(displayWidth("ＡＢ")).toBe(4);
    expect(displayWidth("cafe\u0301")).toBe(4);
    expect(displayWidth("plain")).toBe(5);
  });
  it("clipToWidth never splits a wide character past the limit", () => {
    expect(clipToWidth("東京東京", 5)).toBe("東京…");
    expect(displayWidth(clipToWidth("東京東京東京", 6))).toBeLessThanOrEqual(6);
    expect(clipToWidth("short", 10)).toBe("short");
  });
});

describe("renderTable", () => {
  it("lines up wide characters by display width", () => {
    const lines = renderTable([
      ["id", "status", "note"],
      ["r-東京サンプル", "PENDING", "x"],
      ["r-1", "RUNNING", "y"],
    ]);
    expect(lines).toEqual(["id              status   note", "r-東京サンプル  PENDING  x", "r-1             RUNNING  y"]);
    // The second column starts at the same terminal column on every line.
    expect(lines.map((l) => displayWidth(l.slice(0, l.search(/status|PENDING|RUNNING/))))).toEqual([16, 16, 16]);
  });
  it("escapes control characters, masks secrets and cuts long cells", () => {
    const [, row] = renderTable([["a", "b"], ["\x1b[31mred\r", `${"z".repeat(100)} AKIAIOSFODNN7EXAMPLE`]]);
    expect(row).toBe(`\\x1b[31mred\\x0d  ${"z".repeat(MAX_CELL - 1)}…`);
    expect(renderTable([["k"], ["AKIAIOSFODNN7EXAMPLE"]])[1]).toBe("AKIA****************");
  });
});
