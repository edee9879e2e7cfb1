// Expressions: operators, access, conditionals, loops and built-in calls (docs/language.md §5-§7).
import { describe, expect, it } from "vitest";
import { BUILTIN_NAMES, BUILTINS, printSignature } from "./builtins.js";
import { checkSource, expectErrors, expectValid } from "../../test/check-harness.js";
import { printType } from "./types.js";

/** The type the checker gives to `let x = EXPR` (the last let's initializer). */
function typeOf(expr: string, prelude = ""): string {
  const src = `${prelude}let x = ${expr}\n`;
  const r = checkSource(src);
  expect(r.syntax).toEqual([]);
  expect(r.diagnostics.map((d) => d.message)).toEqual([]);
  const start = src.length - expr.length - 1;
  const found = [...r.checked.types].find(([e]) => e.span.start === start && e.span.end === start + expr.length);
  return found ? printType(found[1]) : "<untyped>";
}

describe("expression types", () => {
  const cases: [string, string, string?][] = [
    ["1 + 2", "int"],
    ["1 + 2.5", "float"],
    ["7 / 2", "float"],
    ["7 % 2", "int"],
    ["-3", "int"],
    ['"a" + "b"', "string"],
    ['"n${1}"', "string"],
    ["[1] + [2.5]", "[float]"],
    ["{ a: 1 } + { a: \"x\", b: true }", "{ a: string, b: bool }"],
    ["1 < 2 and not false", "bool"],
    ['"a" < "b"', "bool"],
    ["1 == 1.0 or null != 2", "bool"],
    ["1..3", "[int]"],
    ["[]", "[never]"],
    ['[[1, 2], [3]]', "[[int]]"],
    ["if true then 1 else 2.5", "float"],
    ['if true then null else "x"', "any"],
    ["{ id: \"a\", n: 1 }.n", "int"],
    ['{ id: "a" }["id"]', "string"],
    ['{ id: "a" }[k]', "any", 'let k = "id"\n'],
    ["[1, 2][0]", "int"],
    ["j.a.b[3].c", "any", "let j = json(\"x.json\")\n"],
    ['csv("s.csv")', "[any]"],
    ['lines("l.txt")', "[string]"],
    ['glob("*.fq")', "[string]"],
    ['pair_reads(glob("fastq/*.fastq.gz"))', "[{ sample: string, r1: string, r2: string, base: string, lane?: string }]"],
    ['split("a,b", ",")', "[string]"],
    ['join([1, 2], "-")', "string"],
    ['match("a_R1", "(.*)_R1")', "any"],
    ['matches("a", "a+")', "bool"],
    ['len("abc") + len([1]) + len({ a: 1 })', "int"],
    ["range(0, 3)", "[int]"],
    ['zip([1], ["a"])', "[[any]]"],
    ["zip([1], [2.5])", "[[float]]"],
    ['enumerate(["a"])', "[[any]]"],
    ["flatten([[1], [2]])", "[int]"],
    ["unique([1, 1])", "[int]"],
    ['sort(["b", "a"])', "[string]"],
    ["keys({ a: 1 })", "[string]"],
    ['int("3") + int(2.5)', "int"],
    ['float("2.5")', "float"],
    ["min(1, 2)", "int"],
    ["max(1, 2.5)", "float"],
    ['pad(7, 3) + str(1) + lower("A") + upper("a") + trim(" a ") + replace("a", "a", "b")', "string"],
    ['basename("a/b.fq") + dirname("a/b") + stem("a/b.fastq.gz")', "string"],
  ];
  for (const [expr, want, prelude] of cases) {
    it(`${expr} : ${want}`, () => {
      expect(typeOf(expr, prelude)).toBe(want);
    });
  }
});

describe("field access and index (BC2024, BC2025, BC2026, BC2027)", () => {
  it("rejects an unknown field with did-you-mean over the record's fields", () => {
    expectErrors(`type S = { sample_id: string }\nfor s in [{ sample_id: "a" }] { run s.sample { } }\n`, [
      { code: "BC2024", line: 2, col: 39, message: "type `{ sample_id: string }` has no field `sample`", help: "did you mean `sample_id`?" },
    ]);
  });
  it("names the alias of a record in messages", () => {
    expectErrors(`type S = { sample_id: string }\nlet xs: [S] = []\nfor s in xs { run s.id { } }\n`, [
      { code: "BC2024", line: 3, col: 21, message: "type `S` has no field `id`", help: undefined },
    ]);
  });
  it("rejects field access on a non-record", () => {
    expectErrors(`let xs = [1]\nlet y = xs.len\n`, [{ code: "BC2025", line: 2, col: 12, message: "type `[int]` has no fields" }]);
  });
  it("rejects indexing a string", () => {
    expectErrors(`let s = "abc"\nlet c = s[0]\n`, [{ code: "BC2026", line: 2, col: 9, message: "type `string` cannot be indexed" }]);
  });
  it("rejects a list index that is not an int, and a record key that is not a string", () => {
    expectErrors(`let xs = [1, 2]\nlet y = xs["a"]\nlet z = { a: 1 }[0]\n`, [
      { code: "BC2027", line: 2, col: 12, message: "an index here must be `int`, found `string`" },
      { code: "BC2027", line: 3, col: 18, message: "an index here must be `string`, found `int`" },
    ]);
  });
});

describe("operators (BC2028, BC2029)", () => {
  it("rejects string + int, suggesting a template", () => {
    expectErrors(`let n = 1\nlet x = "n" + n\n`, [
      {
        code: "BC2028",
        line: 2,
        col: 9,
        message: "operator `+` cannot be applied to `string` and `int`",
        help: 'join strings and other values with a template: `"n${n}"`',
      },
    ]);
  });
  it("rejects lists of unrelated elements, arithmetic on strings, ordering bools", () => {
    expectErrors(`let a = [1] + ["x"]\nlet b = "a" * 2\nlet c = true < false\nlet d = 1.5..3\nlet e = 1 == "1"\n`, [
      { code: "BC2028", line: 1, col: 9, message: "operator `+` cannot be applied to `[int]` and `[string]`", help: undefined },
      { code: "BC2028", line: 2, col: 9, message: "operator `*` cannot be applied to `string` and `int`" },
      { code: "BC2028", line: 3, col: 9, message: "operator `<` cannot be applied to `bool` and `bool`" },
      { code: "BC2028", line: 4, col: 9, message: "operator `..` cannot be applied to `float` and `int`" },
      { code: "BC2028", line: 5, col: 9, message: "operator `==` cannot be applied to `int` and `string`" },
    ]);
  });
  it("rejects and/or on non-bools", () => {
    expectErrors(`let x = 1 and true\n`, [{ code: "BC2028", line: 1, col: 9, message: "operator `and` cannot be applied to `int` and `bool`" }]);
  });
  it("rejects unary minus on a string and not on an int", () => {
    expectErrors(`let x = -"a"\nlet y = not 1\n`, [
      { code: "BC2029", line: 1, col: 9, message: "operator `-` cannot be applied to `string`" },
      { code: "BC2029", line: 2, col: 9, message: "operator `not` cannot be applied to `int`" },
    ]);
  });
  it("does not report an operand that is already an error", () => {
    expectErrors(`let x = nope + 1 - "a"\nlet y = -nope\n`, [
      { code: "BC2010", line: 1, col: 9, message: "unknown name `nope`" },
      { code: "BC2010", line: 2, col: 10, message: "unknown name `nope`" },
    ]);
  });
});

describe("lists and conditionals (BC2044, BC2045, BC2035)", () => {
  it("rejects a list with elements of unrelated types", () => {
    expectErrors(`let xs = [1, "a"]\n`, [
      {
        code: "BC2044",
        line: 1,
        col: 14,
        message: "list elements must have one type: expected `int`, found `string`",
        help: 'use a record to group values of different types, as in `{ name: "a", n: 1 }`',
        labels: [{ line: 1, col: 11, text: "the first element is `int`" }],
      },
    ]);
  });
  it("rejects branches of unrelated types", () => {
    expectErrors(`let x = if true then 1 else "a"\n`, [
      {
        code: "BC2045",
        line: 1,
        col: 29,
        message: "the branches of `if` have different types `int` and `string`",
        labels: [{ line: 1, col: 22, text: "this branch is `int`" }],
      },
    ]);
  });
  it("rejects a condition that is not a bool, in if, where and if-then-else", () => {
    expectErrors(`let n = 1\nif n { }\nfor s in ["a"] where s { }\nlet x = if "yes" then 1 else 2\n`, [
      {
        code: "BC2035",
        line: 2,
        col: 4,
        message: "a condition must be `bool`, found `int`",
        help: 'compare it, as in `x == "yes"` or `len(xs) > 0`',
      },
      { code: "BC2035", line: 3, col: 22, message: "a condition must be `bool`, found `string`" },
      { code: "BC2035", line: 4, col: 12, message: "a condition must be `bool`, found `string`" },
    ]);
  });
  it("accepts else-if chains", () => {
    expectValid(`let n = 2\nif n == 1 { run "a" { } } else if n == 2 { run "b" { } } else { run "c" { } }\n`);
  });
});

describe("for sources (BC2032, BC2033, BC2034)", () => {
  it("rejects a string source, suggesting split", () => {
    expectErrors(`for c in "ACGT" { }\n`, [
      {
        code: "BC2032",
        line: 1,
        col: 10,
        message: "`for` needs a list, found `string`",
        help: 'a string is not a list: split it first, as in `split(s, ",")`',
      },
    ]);
  });
  it("rejects a record and an int source", () => {
    expectErrors(`for k in { a: 1 } { }\nfor i in 3 { }\n`, [
      { code: "BC2032", line: 1, col: 10, message: "`for` needs a list, found `{ a: int }`", help: "iterate over its field names with `keys(r)`" },
      { code: "BC2032", line: 2, col: 10, message: "`for` needs a list, found `int`", help: "use a range, as in `1..n`" },
    ]);
  });
  it("destructures zip and enumerate with the types of each side", () => {
    const r = expectValid(`type S = { id: string }\nlet xs: [S] = []\nfor (i, s) in enumerate(xs), (a, b) in zip([1], ["x"]) {\n  run "\${s.id}-\${i + a}-\${b}" { }\n}\n`);
    const shown = [...r.checked.types].map(([e, t]) => `${r.source.text.slice(e.span.start, e.span.end)}: ${printType(t)}`);
    expect(shown).toContain("s.id: string");
    expect(shown).toContain("i + a: int");
    expect(shown).toContain("b: string");
  });
  it("destructures lists of lists", () => {
    expectValid(`let pairs = [["a", "b"], ["c", "d"]]\nfor (x, y) in pairs { run x + y { } }\n`);
  });
  it("rejects destructuring elements that are not lists", () => {
    expectErrors(`for (a, b) in [1, 2] { }\n`, [
      {
        code: "BC2033",
        line: 1,
        col: 15,
        message: "cannot destructure elements of type `int`",
        help: "`(a, b)` takes apart lists, as from `zip` or `enumerate`",
      },
    ]);
  });
  it("rejects a number of names other than the known length", () => {
    expectErrors(`for (i, x, y) in enumerate(["a"]) { }\nfor (a) in [[1, 2]] { }\n`, [
      { code: "BC2034", line: 1, col: 6, message: "3 names cannot destructure lists of length 2" },
      { code: "BC2034", line: 2, col: 6, message: "1 name cannot destructure lists of length 2" },
    ]);
  });
});

describe("built-in calls (BC2030, BC2031)", () => {
  it("lists every built-in of docs/language.md §7 with its signature", () => {
    expect(BUILTIN_NAMES).toEqual([
      "csv", "tsv", "json", "lines", "glob", "s3_glob", "str", "lower", "upper", "trim", "replace", "split", "join", "pad", "matches", "match",
      "basename", "dirname", "stem", "len", "range", "zip", "enumerate", "flatten", "unique", "sort", "keys", "group_by", "first",
      "last", "any", "all", "sum", "count", "int", "float", "min",
      "max", "pair_reads", "var",
    ]);
    const csv = BUILTINS.get("csv");
    expect(csv && printSignature(csv)).toBe("csv(path: string) -> [any]");
    expect(BUILTINS.get("csv")?.readsFiles).toBe(true);
    expect(BUILTINS.get("str")?.readsFiles).toBe(false);
  });
  it("rejects a wrong number of arguments, showing the signature", () => {
    expectErrors(`let x = split("a,b")\nlet y = len([1], [2])\n`, [
      {
        code: "BC2030",
        line: 1,
        col: 9,
        message: "`split` takes 2 arguments but 1 was given",
        help: "the signature is `split(s: string, sep: string) -> [string]`",
      },
      { code: "BC2030", line: 2, col: 9, message: "`len` takes 1 argument but 2 were given" },
    ]);
  });
  it("rejects an argument of the wrong type, naming the parameter", () => {
    expectErrors(`let x = pad("7", 3)\nlet y = csv(1)\nlet z = flatten([1])\nlet w = sort([true])\n`, [
      { code: "BC2031", line: 1, col: 13, message: "argument `n` of `pad` must be `int`, found `string`" },
      { code: "BC2031", line: 2, col: 13, message: "argument `path` of `csv` must be `string`, found `int`" },
      { code: "BC2031", line: 3, col: 17, message: "argument `xs` of `flatten` must be `[[T]]`, found `[int]`" },
      { code: "BC2031", line: 4, col: 14, message: "argument `xs` of `sort` must be `[string] | [int] | [float]`, found `[bool]`" },
    ]);
  });
  it("accepts any-typed arguments", () => {
    expectValid(`let j = json("x.json")\nlet x = pad(j.n, 3) + join(j.xs, ",")\n`);
  });
});
