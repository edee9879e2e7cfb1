import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordFieldInfo, Type } from "../../checker/types.js";
import type { BuiltinError } from "../errors.js";
import { shownFields, type RecordValue } from "../../values.js";
import { SILENT } from "../errors.js";
import { parseDelimited, readTable, tableToRecords } from "./csv.js";

/** Records as plain objects, an unknown field (a problem of its data file) as "?". */
function shown(value: readonly RecordValue[]): Record<string, unknown>[] {
  return value.map((r) => Object.fromEntries(shownFields(r).map(([k, x]) => [k, x === undefined ? "?" : x])));
}

const rec = (fields: [string, Type, boolean?][]): Type => ({
  kind: "record",
  fields: new Map<string, RecordFieldInfo>(fields.map(([k, t, o]) => [k, { type: t, optional: o === true }])),
});
const listOf = (t: Type): Type => ({ kind: "list", element: t });
const S: Type = { kind: "string" };
const I: Type = { kind: "int" };
const F: Type = { kind: "float" };
const B: Type = { kind: "bool" };
const U: Type = { kind: "s3uri" };

const text = (errors: readonly BuiltinError[]): string[] =>
  errors.map((e) => [`${e.message.code} ${e.message.message}`, ...(e.message.notes ?? []).map((n) => `  note: ${n}`), ...(e.message.help ? [`  help: ${e.message.help}`] : [])].join("\n"));

describe("readTable (RFC 4180)", () => {
  it("reads quoted cells, escaped quotes, CRLF and a BOM, with each cell's position", () => {
    const t = readTable('\uFEFFa,b\r\n"x, ""y""",2\r\n"multi\nline",😀z\r\n', ",");
    expect(t).toEqual({
      ok: true,
      rows: [
        { line: 1, cells: ["a", "b"], lines: [1, 1], columns: [1, 3] },
        { line: 2, cells: ['x, "y"', "2"], lines: [2, 2], columns: [1, 12] },
        { line: 3, cells: ["multi\nline", "😀z"], lines: [3, 4], columns: [1, 7] },
      ],
    });
  });

  it("skips empty lines, keeps a quoted empty cell, and handles no final newline", () => {
    const t = readTable('h\n\n""\nv\n\n\n', ",");
    expect(t.ok && t.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ["h"]],
      [3, [""]],
      [4, ["v"]],
    ]);
    const u = readTable("a\tb\n1\t2", "\t");
    expect(u.ok && u.rows.map((r) => r.cells)).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  it("text without quotes, carriage returns or surrogates (the indexOf reader) reads as the general reader does", () => {
    // A trailing `\r` sends the same text to the general reader without changing its rows.
    const plain = fc.tuple(fc.boolean(), fc.array(fc.constantFrom("a", "bc", ",", "\t", "\n", " ", "é", "東", ""), { maxLength: 40 }));
    fc.assert(
      fc.property(plain, fc.constantFrom(",", "\t"), ([bom, parts], delimiter) => {
        const t = (bom ? "\uFEFF" : "") + parts.join("");
        expect(readTable(t, delimiter)).toEqual(readTable(`${t}\r`, delimiter));
      }),
      { numRuns: 2000 },
    );
    expect(readTable("\uFEFFid,é,n\n\nA,東,1\n,,\nlast", ",")).toEqual({
      ok: true,
      rows: [
        { line: 1, cells: ["id", "é", "n"], lines: [1, 1, 1], columns: [1, 4, 6] },
        { line: 3, cells: ["A", "東", "1"], lines: [3, 3, 3], columns: [1, 3, 5] },
        { line: 4, cells: ["", "", ""], lines: [4, 4, 4], columns: [1, 2, 3] },
        { line: 5, cells: ["last"], lines: [5], columns: [1] },
      ],
    });
  });

  it("reports an unterminated quote at the cell's start", () => {
    expect(readTable('a,b\n1,"open\n', ",")).toEqual({ ok: false, line: 2, column: 3 });
  });
});

describe("parseDelimited", () => {
  it("a line of only spaces is blank, not a row with the wrong number of cells (every reader)", () => {
    for (const text of ["id,n\nA,1\n   \nB,2\n", 'id,n\nA,1\n   \n"B",2\n', "id,n\r\nA,1\r\n  \r\nB,2\r\n"]) {
      const lines: number[] = [];
      const r = parseDelimited(text, "s.csv", ",", undefined, lines);
      expect(r.errors).toEqual([]);
      expect(r.value).toEqual([
        { id: "A", n: "1" },
        { id: "B", n: "2" },
      ]);
      expect(lines).toEqual([2, 4]);
    }
  });

  it("without a type, every cell is a string keyed by the header", () => {
    const lines: number[] = [];
    const r = parseDelimited("id,n\nA,1\n\nB,2\n", "s.csv", ",", undefined, lines);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual([
      { id: "A", n: "1" },
      { id: "B", n: "2" },
    ]);
    expect(lines).toEqual([2, 4]);
  });

  it("with a declared row type, converts cells (optional empty cells are absent)", () => {
    const row = rec([
      ["id", S],
      ["n", I],
      ["x", F],
      ["ok", B],
      ["uri", U],
      ["caller", { kind: "enum", values: ["gatk", "deepvariant"] }],
      ["note", S, true],
      ["missing", I, true],
    ]);
    const csv = "id,n,x,ok,uri,caller,note,extra\nA,-3,2.5,Yes,s3://bkt/a,gatk,,e1\n B ,7,1e2,0, s3://bkt/b ,deepvariant,hi,e2\n";
    const r = parseDelimited(csv, "s.csv", ",", listOf(row));
    expect(text(r.errors)).toEqual([]);
    expect(r.value).toEqual([
      { id: "A", n: -3, x: 2.5, ok: true, uri: "s3://bkt/a", caller: "gatk", extra: "e1" },
      { id: " B ", n: 7, x: 100, ok: false, uri: "s3://bkt/b", caller: "deepvariant", note: "hi", extra: "e2" },
    ]);
  });

  it("a bad cell names file:line:column and the column, once per column with a count", () => {
    const row = rec([
      ["id", S],
      ["urgent", B],
      ["r1", U],
      ["caller", { kind: "enum", values: ["gatk", "deepvariant"] }],
    ]);
    const csv = "id,urgent,r1,caller\nA,maybe,s3://bkt/x,gatk\nB,no,lab/x.fq,gatk\nC,perhaps,s3://bkt/y,gatkk\nD,nah,s3://bkt/z,gatk\n";
    const r = parseDelimited(csv, "samples.csv", ",", listOf(row));
    // Every row is kept, to count the runs; its bad cells are unknown fields.
    expect(shown(r.value)).toEqual([
      { id: "A", urgent: "?", r1: "s3://bkt/x", caller: "gatk" },
      { id: "B", urgent: false, r1: "?", caller: "gatk" },
      { id: "C", urgent: "?", r1: "s3://bkt/y", caller: "?" },
      { id: "D", urgent: "?", r1: "s3://bkt/z", caller: "gatk" },
    ]);
    expect(() => r.value[0]?.urgent).toThrow();
    try {
      void r.value[0]?.urgent;
    } catch (e) {
      expect(e).toBe(SILENT);
    }
    expect(text(r.errors)).toEqual([
      [
        'BC3014 bad `bool` value "maybe" in column `urgent` at samples.csv:2:3',
        "  note: in samples.csv, line 2, column 3",
        "  note: and 2 more bad cells in this column",
        "  help: use true, false, yes, no, 1 or 0",
      ].join("\n"),
      [
        'BC2022 `"lab/x.fq"` is not an S3 URI (in column `r1` at samples.csv:3:6)',
        "  note: in samples.csv, line 3, column 6",
        "  help: it does not start with `s3://`; an S3 URI starts with `s3://` and a bucket name, as in `s3://my-bucket/path/`",
      ].join("\n"),
      [
        'BC3014 bad `"gatk" | "deepvariant"` value "gatkk" in column `caller` at samples.csv:4:22',
        "  note: in samples.csv, line 4, column 22",
        '  help: did you mean "gatk"?',
      ].join("\n"),
    ]);
  });

  it("int cells must be exact integers", () => {
    const r = parseDelimited("n\n12\n1.5\n9007199254740993\n", "n.csv", ",", listOf(rec([["n", I]])));
    expect(text(r.errors)).toEqual([
      [
        'BC3014 bad `int` value "1.5" in column `n` at n.csv:3:1',
        "  note: in n.csv, line 3, column 1",
        "  note: and 1 more bad cell in this column",
        "  help: an `int` is written as digits with an optional `-`",
      ].join("\n"),
    ]);
  });

  it("a missing declared column names the header", () => {
    const row = rec([
      ["sample_id", S],
      ["r2", U],
    ]);
    const r = parseDelimited("sample_id,r1,R2x\nA,s3://bk/a,s3://bk/b\n", "samples.csv", ",", listOf(row));
    expect(text(r.errors)).toEqual([
      [
        "BC3015 column `r2` is missing from the header of `samples.csv`",
        "  note: the header (samples.csv:1) is: sample_id, r1, R2x",
        "  help: did you mean `R2x`?",
      ].join("\n"),
    ]);
  });

  it("rows with the wrong number of cells, duplicate columns, empty files and open quotes", () => {
    expect(text(parseDelimited("a,b\n1\n2,3\n4,5,6\n", "t.csv", ",").errors)).toEqual([
      ["BC3016 row at t.csv:2 has 1 cell, the header has 2", "  note: in t.csv, line 2", "  note: and 1 more row with the wrong number of cells"].join("\n"),
    ]);
    expect(text(parseDelimited("a,b,a\n", "t.csv", ",").errors)).toEqual([
      ["BC3019 column `a` appears twice in the header of `t.csv`", "  note: the second one is at t.csv:1:5"].join("\n"),
    ]);
    expect(text(parseDelimited("\n\n", "e.csv", ",").errors)).toEqual([["BC3018 `e.csv` has no header row", "  help: the first line names the columns"].join("\n")]);
    expect(text(parseDelimited('a\n"x\n', "q.csv", ",").errors)).toEqual([
      ["BC3017 unterminated quoted cell at q.csv:2:1", '  help: close the cell with `"`; write a quote inside a quoted cell as `""`'].join("\n"),
    ]);
  });

  it("plain text (the generated row reader) gives the records, lines and problems of the general reader", () => {
    // Cells that convert or not, optional columns, blank lines, a BOM, wrong cell counts.
    const names = ["id", "r1", "n", "f", "ok", "kind", "note", "0"];
    const types: Type[] = [S, U, I, F, B, { kind: "enum", values: ["a", "b"] }];
    const cell = fc.constantFrom("", " ", "x", "a", "b", "12", " 7 ", "-3", "1.5", "2e3", "yes", "NO", "1", "s3://bk/a", "s3://x/", "s3://bk", "a b");
    const sheet = fc
      .record({
        columns: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: 5 }),
        typed: fc.boolean(),
        fields: fc.array(fc.tuple(fc.constantFrom(...types), fc.boolean()), { minLength: 5, maxLength: 5 }),
        missing: fc.boolean(),
        bom: fc.boolean(),
        delimiter: fc.constantFrom(",", "\t"),
        end: fc.constantFrom("", "\n", "\n\n"),
      })
      .chain((s) =>
        fc.record({
          s: fc.constant(s),
          rows: fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: s.columns.length, maxLength: s.columns.length }) }, { weight: 1, arbitrary: fc.array(cell, { maxLength: 6 }) }), { maxLength: 12 }),
        }),
      );
    fc.assert(
      fc.property(sheet, ({ s, rows }) => {
        const d = s.delimiter;
        const sheetText = (s.bom ? "\uFEFF" : "") + [s.columns.join(d), ...rows.map((r) => (r.length === 0 ? "" : r.join(d)))].join("\n") + s.end;
        // The declared row: the columns' fields, and one the sheet lacks when `missing`.
        const fields: [string, Type, boolean][] = s.columns.map((c, i) => [c, s.fields[i]![0], s.fields[i]![1]]);
        if (s.missing) fields.push(["absent", S, false]);
        const expected = s.typed ? listOf(rec(fields)) : undefined;
        const [fast, general] = [[], []] as [number[], number[]];
        const a = parseDelimited(sheetText, "t.csv", d as "," | "\t", expected, fast);
        const table = readTable(sheetText, d);
        if (!table.ok) throw new Error("plain text always reads");
        const b = tableToRecords(table.rows, "t.csv", expected, general);
        expect(shown(a.value)).toEqual(shown(b.value));
        expect(a.value.map((r) => Object.keys(r))).toEqual(b.value.map((r) => Object.keys(r)));
        expect(text(a.errors)).toEqual(text(b.errors));
        expect(fast).toEqual(general);
      }),
      { numRuns: 1500 },
    );
  });

  it("a column named __proto__ becomes an ordinary field", () => {
    const r = parseDelimited("__proto__,id\nx,1\n", "p.csv", ",");
    expect(JSON.stringify(r.value)).toBe('[{"__proto__":"x","id":"1"}]');
    expect(Object.getPrototypeOf(r.value[0])).toBe(Object.prototype);
  });

  it("a header-only file has no rows", () => {
    expect(parseDelimited("a,b\n", "h.csv", ",")).toEqual({ value: [], errors: [] });
  });
});
