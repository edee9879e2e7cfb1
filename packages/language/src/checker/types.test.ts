// Types: aliases, annotations, records, unions, S3 URIs (docs/language.md §4), and the type helpers.
import { describe, expect, it } from "vitest";
import { checkSource, expectErrors, expectValid } from "../../test/check-harness.js";
import {
  ANY,
  BOOL,
  ERROR,
  FLOAT,
  INT,
  NEVER,
  NULL,
  S3URI,
  STRING,
  enumOf,
  isAssignable,
  joinTypes,
  listOf,
  printType,
  type Type,
} from "./types.js";

const record = (fields: Record<string, Type | [Type, "optional"]>, name?: string): Type => ({
  kind: "record",
  fields: new Map(Object.entries(fields).map(([k, v]) => [k, Array.isArray(v) ? { type: v[0], optional: true } : { type: v, optional: false }])),
  ...(name === undefined ? {} : { name }),
});

describe("isAssignable", () => {
  const cases: [string, Type, Type, boolean][] = [
    ["int to float", INT, FLOAT, true],
    ["float to int", FLOAT, INT, false],
    ["never to anything", NEVER, record({}), true],
    ["any to int", ANY, INT, true],
    ["int to any", INT, ANY, true],
    ["s3uri to string", S3URI, STRING, true],
    ["string to s3uri (checked by value)", STRING, S3URI, true],
    ["enum to string", enumOf(["a"]), STRING, true],
    ["string to enum (checked by value)", STRING, enumOf(["a"]), true],
    ["enum subset", enumOf(["a"]), enumOf(["a", "b"]), true],
    ["enum superset", enumOf(["a", "c"]), enumOf(["a", "b"]), false],
    ["bool to string", BOOL, STRING, false],
    ["null to string", NULL, STRING, false],
    ["[int] to [float]", listOf(INT), listOf(FLOAT), true],
    ["[string] to [int]", listOf(STRING), listOf(INT), false],
    ["record with extra fields", record({ a: INT, b: STRING }), record({ a: FLOAT }), true],
    ["record missing a required field", record({ b: STRING }), record({ a: INT }), false],
    ["record missing an optional field", record({}), record({ a: [INT, "optional"] }), true],
    ["optional field to required", record({ a: [INT, "optional"] }), record({ a: INT }), false],
    ["error both ways", ERROR, INT, true],
  ];
  for (const [name, source, target, ok] of cases) {
    it(name, () => {
      expect(isAssignable(source, target)).toBe(ok);
    });
  }
});

describe("joinTypes", () => {
  const cases: [string, Type, Type, string | undefined][] = [
    ["int and float", INT, FLOAT, "float"],
    ["enum and enum", enumOf(["a"]), enumOf(["b"]), '"a" | "b"'],
    ["enum and string", enumOf(["a"]), STRING, "string"],
    ["s3uri and string", S3URI, STRING, "string"],
    ["null and int (not representable: any)", NULL, INT, "any"],
    ["null and null", NULL, NULL, "null"],
    ["never and [int]", NEVER, listOf(INT), "[int]"],
    ["[int] and [float]", listOf(INT), listOf(FLOAT), "[float]"],
    ["int and string", INT, STRING, undefined],
    ["bool and [bool]", BOOL, listOf(BOOL), undefined],
  ];
  for (const [name, a, b, want] of cases) {
    it(name, () => {
      const j = joinTypes(a, b);
      expect(j === undefined ? undefined : printType(j)).toBe(want);
    });
  }
});

describe("annotations and aliases", () => {
  it("resolves aliases declared after their use, and records them", () => {
    const r = expectValid(`let s: Sample = { id: "a", r1: "s3://bkt/1.fq" }\ntype Sample = { id: string, r1: s3uri, note?: string }\ntype Caller = "deepvariant" | "gatk"\n`);
    expect([...r.checked.aliases].map(([k, t]) => `${k} = ${printType(t)}`)).toEqual([
      "Sample = Sample",
      'Caller = "deepvariant" | "gatk"',
    ]);
    const sample = r.checked.aliases.get("Sample");
    expect(sample).toEqual(record({ id: STRING, r1: S3URI, note: [STRING, "optional"] }, "Sample"));
    expect([...r.checked.annotations.values()].map(printType)).toContain("Sample");
  });
  it("rejects an unknown type name with did-you-mean over built-ins and aliases", () => {
    expectErrors(`type Sample = { id: string }\nlet x: strng = "a"\nlet y: [Smaple] = []\n`, [
      { code: "BC2017", line: 2, col: 8, message: "unknown type `strng`", help: "did you mean `string`?" },
      { code: "BC2017", line: 3, col: 9, message: "unknown type `Smaple`", help: "did you mean `Sample`?" },
    ]);
  });
  it("rejects alias cycles once, at the first alias of the cycle", () => {
    expectErrors(`type A = { next: B }\ntype B = [A]\nlet x: A = { next: [] }\n`, [
      {
        code: "BC2018",
        line: 1,
        col: 6,
        message: "type `A` refers to itself (`A` -> `B` -> `A`)",
        help: "recursive types are not supported",
        labels: [{ line: 2, col: 6, text: "`B` is part of the cycle" }],
      },
    ]);
  });
  it("rejects a directly recursive alias", () => {
    expectErrors(`type L = [L]\n`, [{ code: "BC2018", line: 1, col: 6, message: "type `L` refers to itself (`L` -> `L`)" }]);
  });
  it("rejects a second alias of one name", () => {
    expectErrors(`type Row = string\ntype Row = int\n`, [
      {
        code: "BC2019",
        line: 2,
        col: 6,
        message: "type `Row` is already declared",
        help: "rename one of them",
        labels: [{ line: 1, col: 6, text: "first declared here" }],
      },
    ]);
  });
  it("rejects an alias named like a built-in type", () => {
    expectErrors(`type string = int\n`, [
      { code: "BC2049", line: 1, col: 6, message: "`string` is a built-in type and cannot be redefined", help: "choose another name" },
    ]);
  });
  it("rejects a union member that is not a string literal", () => {
    expectErrors(`type T = "a" | int\n`, [
      { code: "BC2046", line: 1, col: 16, message: "only string literals can be joined with `|`", help: 'write a union of strings, as in `"a" | "b"`' },
    ]);
  });
  it("accepts unions of unions through aliases", () => {
    const r = expectValid(`type A = "a" | "b"\ntype C = A | "c"\nlet x: C = "c"\n`);
    expect(printType(r.checked.aliases.get("C") ?? ERROR)).toBe('"a" | "b" | "c"');
  });
  it("rejects a record type naming a field twice", () => {
    expectErrors(`type R = { a: int, a: string }\n`, [
      {
        code: "BC2043",
        line: 1,
        col: 20,
        message: "field `a` appears more than once",
        help: "remove one of them",
        labels: [{ line: 1, col: 12, text: "first declared here" }],
      },
    ]);
  });
});

describe("typed lets (BC2020)", () => {
  it("accepts int where float is declared, and an empty list anywhere", () => {
    expectValid(`let f: float = 1\nlet xs: [{ a: int }] = []\nlet n: any = [1]\n`);
  });
  it("rejects a value of the wrong type", () => {
    expectErrors(`let n: int = "3"\nlet xs: [int] = [1, "2"]\n`, [
      { code: "BC2020", line: 1, col: 14, message: "expected `int`, found `string`" },
      { code: "BC2020", line: 2, col: 21, message: "expected `int`, found `string`" },
    ]);
  });
  it("rejects null where a value is required", () => {
    expectErrors(`let s: string = null\n`, [{ code: "BC2020", line: 1, col: 17, message: "expected `string`, found `null`" }]);
  });
});

describe("enum literals (BC2021)", () => {
  it("rejects a literal outside the union, with did-you-mean", () => {
    expectErrors(`type Caller = "deepvariant" | "gatk"\nlet c: Caller = "gatkk"\nlet cs: [Caller] = ["gatk", "deepvarient"]\n`, [
      { code: "BC2021", line: 2, col: 17, message: '`"gatkk"` is not one of `"deepvariant" | "gatk"`', help: 'did you mean `"gatk"`?' },
      { code: "BC2021", line: 3, col: 29, message: '`"deepvarient"` is not one of `"deepvariant" | "gatk"`', help: 'did you mean `"deepvariant"`?' },
    ]);
  });
  it("has no help when nothing is close", () => {
    expectErrors(`let c: "a" | "b" = "zzz"\n`, [{ code: "BC2021", line: 1, col: 20, message: '`"zzz"` is not one of `"a" | "b"`', help: undefined }]);
  });
  it("checks both branches of a conditional", () => {
    expectErrors(`let c: "a" | "b" = if true then "a" else "c"\n`, [{ code: "BC2021", line: 1, col: 42, message: '`"c"` is not one of `"a" | "b"`' }]);
  });
});

describe("s3uri literals (BC2022)", () => {
  it("accepts bucket names of 3 to 63 characters", () => {
    expectValid(`let a: s3uri = "s3://abc"\nlet b: s3uri = "s3://my.bucket-1/key with spaces"\n`);
  });
  it("rejects short buckets, upper case and other schemes", () => {
    expectErrors(`let a: s3uri = "s3://ab/x"\nlet b: s3uri = "https://b/x"\nlet c: [s3uri] = ["S3://bucket/x"]\n`, [
      { code: "BC2022", line: 1, col: 16, message: '`"s3://ab/x"` is not an S3 URI' },
      { code: "BC2022", line: 2, col: 16, message: '`"https://b/x"` is not an S3 URI' },
      { code: "BC2022", line: 3, col: 19, message: '`"S3://bucket/x"` is not an S3 URI' },
    ]);
  });
});

describe("record literals (BC2023, BC2024, BC2043)", () => {
  it("accepts optional fields left out or set to null", () => {
    expectValid(`type R = { id: string, note?: string }\nlet a: R = { id: "a" }\nlet b: R = { id: "b", note: null }\n`);
  });
  it("rejects missing required fields", () => {
    expectErrors(`type Row = { id: string, n: int, ok: bool }\nlet r: Row = { id: "a" }\n`, [
      { code: "BC2023", line: 2, col: 14, message: "missing required fields `n` and `ok` of `Row`" },
    ]);
  });
  it("rejects an unknown field with did-you-mean over the record's fields", () => {
    expectErrors(`type Row = { id: string, count: int }\nlet r: Row = { id: "a", count: 1, cuont: 2 }\n`, [
      { code: "BC2024", line: 2, col: 35, message: "type `Row` has no field `cuont`", help: "did you mean `count`?" },
    ]);
  });
  it("rejects a field given twice", () => {
    expectErrors(`let r = { a: 1, a: 2 }\n`, [
      { code: "BC2043", line: 1, col: 17, message: "field `a` appears more than once", labels: [{ line: 1, col: 11, text: "first set here" }] },
    ]);
  });
  it("checks nested field types", () => {
    expectErrors(`let r: { a: { b: int } } = { a: { b: "x" } }\n`, [{ code: "BC2020", line: 1, col: 38, message: "expected `int`, found `string`" }]);
  });
});

describe("data files in a typed let (BC2048, expectedTypes)", () => {
  it("records the declared type of csv, tsv and json calls", () => {
    const r = expectValid(
      `type Row = { id: string, n: int, ok: bool, kind: "a" | "b", uri: s3uri, x?: float }\nlet xs: [Row] = csv("a.csv")\nlet ys: [Row] = tsv("a.tsv")\nlet cfg: { refs: [string] } = json("c.json")\nlet zs = csv("z.csv")\n`,
    );
    const expected = [...r.checked.expectedTypes].map(([e, t]) => `${r.source.text.slice(e.span.start, e.span.end)}: ${printType(t)}`);
    expect(expected).toEqual(['csv("a.csv"): [Row]', 'tsv("a.tsv"): [Row]', 'json("c.json"): { refs: [string] }']);
    const untyped = [...r.checked.types].find(([e]) => r.source.text.slice(e.span.start, e.span.end) === 'csv("z.csv")');
    expect(untyped && printType(untyped[1])).toBe("[any]");
  });
  it("rejects a csv declared as something other than a list of flat records", () => {
    expectErrors(`let xs: [string] = csv("a.csv")\nlet ys: [{ tags: [string] }] = tsv("a.tsv")\n`, [
      {
        code: "BC2048",
        line: 1,
        col: 20,
        message: "`csv` cannot produce `[string]`",
        help: "declare a list of records with scalar fields, as in `[{ id: string, n: int }]`",
      },
      { code: "BC2048", line: 2, col: 32, message: "`tsv` cannot produce `[{ tags: [string] }]`" },
    ]);
  });
});

describe("recorded types are exact (the expander skips value checks they guarantee)", () => {
  const recorded = (src: string): Map<string, string> => {
    const r = expectValid(src);
    return new Map([...r.checked.types].map(([e, t]) => [r.source.text.slice(e.span.start, e.span.end), printType(t)]));
  };
  it("keeps a template a string where an s3uri is expected; a checked literal is an s3uri", () => {
    const t = recorded(`let x = "k"\nlet a: s3uri = "s3://bkt/\${x}"\nlet b: s3uri = "s3://bkt/k"\n`);
    expect(t.get('"s3://bkt/${x}"')).toBe("string");
    expect(t.get('"s3://bkt/k"')).toBe("s3uri");
  });
  it("types a list literal by its elements, not by the expected type", () => {
    const t = recorded(`type C = "a" | "b"\nlet s = lower("A")\nlet xs: [C] = [s, "a"]\nlet ys: [C] = ["a"]\n`);
    expect(t.get('[s, "a"]')).toBe("[string]");
    expect(t.get('["a"]')).toBe('["a" | "b"]');
  });
  it("types a record literal by its fields", () => {
    const t = recorded(`type R = { c: "a" | "b", n?: float }\nlet s = lower("A")\nlet r: R = { c: s, n: 1 }\n`);
    expect(t.get("{ c: s, n: 1 }")).toBe("{ c: string, n: int }");
  });
  it("gives an optional field the type any", () => {
    const t = recorded(`type R = { id: string, note?: string }\nlet xs: [R] = []\nfor r in xs { run "\${r.id}\${r.note}" { } }\n`);
    expect(t.get("r.id")).toBe("string");
    expect(t.get("r.note")).toBe("any");
  });
  it("rejects a null branch where a required value is expected", () => {
    expectErrors(`params { a: string, b?: string }\nrun "x" { params { a = if true then null else "y", b = if true then null else "z" } }\n`, [
      { code: "BC2020", line: 2, col: 37, message: "expected `string`, found `null`" },
    ]);
  });
});
