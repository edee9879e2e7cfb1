// Scopes and names: lets, loop variables, shadowing, built-ins, `var()` (docs/language.md §3, §5, §6).
import { describe, expect, it } from "vitest";
import { checkSource, expectErrors, expectValid } from "../../test/check-harness.js";
import { printType } from "./types.js";

describe("known-names (BC2010)", () => {
  it("accepts lets after their declaration, in nested blocks too", () => {
    expectValid(`let a = 1\nfor x in [a] {\n  let b = x + a\n  if b > 1 { run "r\${b}" { } }\n}\n`);
  });
  it("rejects an unknown name with did-you-mean over the names in scope", () => {
    expectErrors(`let sample = "a"\nrun smaple { }\n`, [
      {
        code: "BC2010",
        line: 2,
        col: 5,
        message: "unknown name `smaple`",
        label: "not found in this scope",
        help: "did you mean `sample`?",
      },
    ]);
  });
  it("rejects a let used before its declaration", () => {
    expectErrors(`let a = b\nlet b = 1\n`, [{ code: "BC2010", line: 1, col: 9, message: "unknown name `b`", help: undefined }]);
  });
  it("does not see a let of a block that has ended", () => {
    expectErrors(`for x in [1] { let inner = x }\nlet y = inner\n`, [{ code: "BC2010", line: 2, col: 9, message: "unknown name `inner`" }]);
  });
  it("lets a later source and the where clause use earlier loop variables", () => {
    expectValid(`let groups = [["a", "b"], ["c"]]\nfor g in groups, f in g where f != "b" {\n  run f { }\n}\n`);
  });
  it("does not let an earlier source use a later loop variable", () => {
    expectErrors(`for a in b, b in [[1]] { }\n`, [{ code: "BC2010", line: 1, col: 10, message: "unknown name `b`" }]);
  });
});

describe("no-shadowing (BC2011, BC2012)", () => {
  it("accepts the same name in sibling blocks", () => {
    expectValid(`for x in [1] { let y = x }\nfor x in [2] { let y = x }\nlet y = 3\n`);
  });
  it("rejects a loop variable shadowing a let, pointing at the outer one", () => {
    expectErrors(`let ref = "hg38"\nfor ref in ["t2t"] { }\n`, [
      {
        code: "BC2011",
        line: 2,
        col: 5,
        message: "`ref` shadows an outer declaration",
        help: "rename one of them",
        labels: [{ line: 1, col: 5, text: "outer `ref` declared here" }],
      },
    ]);
  });
  it("rejects a let shadowing a loop variable", () => {
    expectErrors(`for s in ["a"] {\n  if true {\n    let s = 1\n  }\n}\n`, [
      { code: "BC2011", line: 3, col: 9, message: "`s` shadows an outer declaration", labels: [{ line: 1, col: 5, text: "outer `s` declared here" }] },
    ]);
  });
  it("rejects a redeclaration in the same block", () => {
    expectErrors(`let a = 1\nlet a = 2\n`, [
      {
        code: "BC2012",
        line: 2,
        col: 5,
        message: "`a` is already declared in this block",
        help: "rename one of them",
        labels: [{ line: 1, col: 5, text: "first declared here" }],
      },
    ]);
  });
  it("rejects two loop variables of one name, and a repeated destructured name", () => {
    expectErrors(`for x in [1], x in [2] { }\nfor (a, a) in [[1, 2]] { }\n`, [
      { code: "BC2012", line: 1, col: 15, message: "`x` is already declared in this block", labels: [{ line: 1, col: 5, text: "first declared here" }] },
      { code: "BC2012", line: 2, col: 9, message: "`a` is already declared in this block", labels: [{ line: 2, col: 6, text: "first declared here" }] },
    ]);
  });
});

describe("built-in functions as names (BC2013, BC2014, BC2015)", () => {
  it("rejects a built-in used as a value", () => {
    expectErrors(`let x = csv\n`, [
      { code: "BC2013", line: 1, col: 9, message: "`csv` is a built-in function, not a value", help: "call it: `csv(...)`" },
    ]);
  });
  it("rejects an unknown function with did-you-mean over the built-ins", () => {
    expectErrors(`let x = lenn([1])\n`, [{ code: "BC2014", line: 1, col: 9, message: "unknown function `lenn`", help: "did you mean `len`?" }]);
  });
  it("rejects an unknown function without a close built-in", () => {
    expectErrors(`let x = frobnicate(1)\n`, [{ code: "BC2014", line: 1, col: 9, message: "unknown function `frobnicate`", help: undefined }]);
  });
  it("rejects a call of a variable", () => {
    expectErrors(`let f = 1\nlet y = f(2)\n`, [
      { code: "BC2015", line: 2, col: 9, message: "`f` is not a function", help: "only built-in functions can be called" },
    ]);
  });
  it("still checks the arguments of an unknown call", () => {
    expectErrors(`let x = lenn(nope)\n`, [
      { code: "BC2014", line: 1, col: 9, message: "unknown function `lenn`" },
      { code: "BC2010", line: 1, col: 14, message: "unknown name `nope`" },
    ]);
  });
});

describe("var-in-typed-let (BC2016, BC2047)", () => {
  it("accepts var() as the whole value of a typed let, with the let's type", () => {
    const r = expectValid(`let n: int = var("n")\nlet m = n + 1\n`);
    const types = [...r.checked.types.values()].map(printType);
    expect(types).toEqual(["string", "int", "int", "int", "int"]);
  });
  it("rejects var() in a let without a type", () => {
    expectErrors(`let n = var("n")\n`, [
      {
        code: "BC2016",
        line: 1,
        col: 9,
        message: "`var()` is only allowed as the whole value of a `let` with a declared type",
        help: 'declare the type: `let n: string = var("n")`',
      },
    ]);
  });
  it("rejects var() inside a larger expression", () => {
    expectErrors(`let n: int = var("n") + 1\nrun var("id") { }\n`, [
      { code: "BC2016", line: 1, col: 14, message: "`var()` is only allowed as the whole value of a `let` with a declared type", help: 'bind it first: `let name: string = var("name")`' },
      { code: "BC2016", line: 2, col: 5, message: "`var()` is only allowed as the whole value of a `let` with a declared type" },
    ]);
  });
  it("rejects var() without exactly one string literal", () => {
    expectErrors(`let a = "n"\nlet n: int = var(a)\nlet m: int = var("m", "x")\n`, [
      { code: "BC2047", line: 2, col: 14, message: "`var` takes the variable's name as one string literal", help: 'write `var("name")`' },
      { code: "BC2047", line: 3, col: 14, message: "`var` takes the variable's name as one string literal" },
    ]);
  });
});

describe("scopes of the checked program", () => {
  it("types loop variables from their source", () => {
    const r = checkSource(`type S = { id: string }\nlet xs: [S] = []\nfor s in xs, (i, x) in enumerate(["a"]), n in 1..2 {\n  let t = [s.id, x]\n  let k = i + n\n}\n`);
    expect(r.diagnostics).toEqual([]);
    const byText = new Map([...r.checked.types].map(([e, t]) => [r.source.text.slice(e.span.start, e.span.end), printType(t)]));
    expect(byText.get("s.id")).toBe("string");
    expect(byText.get("[s.id, x]")).toBe("[string]");
    expect(byText.get("i + n")).toBe("int");
  });
});
