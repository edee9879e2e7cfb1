// Syntax diagnostics through `parse`: every BC1xxx code with its line:column and message,
// one diagnostic per mistake (no cascades), recovery that keeps the valid statements, and
// a property: no input makes the parser throw or produce a span outside the file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { debugProgram } from "../ast/debug.js";
import type { Node } from "../ast/nodes.js";
import { walk } from "../ast/walk.js";
import { SourceFile } from "../source.js";
import { MAX_BRACKET_DEPTH, parse } from "./parse.js";

/** `CODE line:col message` for each diagnostic of `text`. */
function diags(text: string): string[] {
  const source = new SourceFile("t.batch", text);
  return parse(source).diagnostics.map((d) => {
    const p = source.position(d.span.start);
    return `${d.code} ${p.line}:${p.column} ${d.message}`;
  });
}

function helpOf(text: string): string | undefined {
  return parse(new SourceFile("t.batch", text)).diagnostics[0]?.help;
}

// What each syntax code prints for a given input is in the diagnostics corpus
// (test/diagnostics/BC1xxx*.batch and their .out files); here: the near misses that parse,
// and nesting limits that need long inputs.
describe("syntax codes: near misses and limits", () => {
  it("parses what is close to a mistake", () => {
    expect(diags("let a = (f)(y)")).toEqual([]);
    expect(diags("let ok = 9007199254740992")).toEqual([]);
    // Keywords followed by `=` or `{` are fields and map blocks.
    expect(diags('run "a" { params { type = 1 }, type = "x", run { } }')).toEqual([]);
  });

  it("BC1011 keeps the fields around a misplaced statement", () => {
    const text = 'for s in xs {\n  run s.id {\n    let x = 1\n    name = "a"\n    if s.a { run "b" {} }\n    type = "x"\n  }\n}';
    expect(debugProgram(parse(new SourceFile("t", text)).program)).toBe('(for ((s xs)) (run (. s id) (= name "a") (= type "x")))');
  });

  it("BC1010 nesting too deep", () => {
    const deep = `let a = 1\nlet x = ${"[".repeat(MAX_BRACKET_DEPTH + 1)}${"]".repeat(MAX_BRACKET_DEPTH + 1)}`;
    expect(diags(deep)).toEqual([`BC1010 2:${9 + MAX_BRACKET_DEPTH} nested too deeply (more than ${MAX_BRACKET_DEPTH} levels)`]);
    const ok = `let x = ${"(".repeat(MAX_BRACKET_DEPTH)}1${")".repeat(MAX_BRACKET_DEPTH)}`;
    expect(diags(ok)).toEqual([]);
    // A long chain of operators nests the tree without brackets.
    const chain = parse(new SourceFile("t", `let a = 1\nlet x = ${"1 + ".repeat(1500)}1\nlet b = 2`));
    expect(chain.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(["BC1010 nested too deeply (more than 1000 levels)"]);
    expect(debugProgram(chain.program)).toBe("(let a 1)\n(let b 2)");
    expect(diags(`let x = ${"- ".repeat(20000)}1`)).toEqual(["BC1010 1:1 nested too deeply (more than 100 levels)"]);
    // The shared parser works again after running out of stack.
    expect(diags("let y = -1")).toEqual([]);
  });
});

describe("one diagnostic per mistake", () => {
  it("does not report the parse error an unknown character causes", () => {
    expect(diags("let x = @ 1")).toEqual(['BC1001 1:9 unexpected character "@"']);
    expect(diags("let x = 1 &&\nlet y = 2")).toEqual(['BC1001 1:11 unexpected characters "&&"']);
  });

  it("does not report the parse errors an unterminated string causes", () => {
    expect(diags('let s = "abc ${ x + \nlet t = 2')).toEqual(["BC1002 1:9 unterminated string"]);
    expect(diags('let s = "a ${ "b\nlet t = 2')).toEqual(["BC1002 1:9 unterminated string"]);
    expect(diags('"${')).toEqual(["BC1005 1:1 expected a statement, found a string", "BC1002 1:1 unterminated string"]);
  });

  it("takes `:` for `=` in blocks and `=` for `:` in records, and says so", () => {
    expect(diags('run "a" { name: "x", runTags { k: "v" } }\nlet r = { a = 1, b: 2 }')).toEqual([
      "BC1004 1:15 expected `=` after the field name, found `:`",
      "BC1004 1:33 expected `=` after the key, found `:`",
      "BC1004 2:13 expected `:` after the key, found `=`",
    ]);
    expect(helpOf('defaults { workflowId: "1" }')).toBe("fields are written `name = value`");
    expect(helpOf("let r = { a = 1 }")).toBe("record fields are written `key: value`");
    expect(debugProgram(parse(new SourceFile("t", 'run "a" { name: "x" }')).program)).toBe('(run "a" (= name "x"))');
  });

  it("ends a block left open where a statement starts at its indentation", () => {
    const text = 'for s in xs {\n  run "a" {\n    name = "x"\n  let y = 2\n  run "b" { name = "z" }\n}';
    expect(diags(text)).toEqual(["BC1004 3:15 expected `}` to close the `run` block, found `let`"]);
    expect(debugProgram(parse(new SourceFile("t", text)).program)).toBe('(for ((s xs)) (run "a" (= name "x")) (let y 2) (run "b" (= name "z")))');
    expect(diags('batch {\n  requestId = "1"\n\ndefaults {\n  workflowId = "w"\n}\n')).toEqual([
      "BC1004 2:18 expected `}` to close the `batch` block, found `defaults`",
    ]);
    // A `params { }` map is a field of `run` and `defaults`, however it is indented.
    expect(diags('run "a" {\nparams { a = 1 }\n}\ndefaults {\nparams { a = 1 }\n}')).toEqual([]);
    // Deeper indented, the statement is taken as misplaced inside the block instead.
    expect(diags('run "a" {\n  let y = 2\n}')).toEqual(["BC1011 2:3 `let` cannot be used among the fields of a block"]);
  });

  it("ends a list, record or argument list left open where the next entry starts", () => {
    const text = (value: string): string => `run "a" {\n  name = ${value}\n  outputUri = "s3://x/"\n}\nlet z = 1`;
    expect(diags(text("[1, 2"))).toEqual(["BC1004 2:15 expected an element or `]`, found `outputUri`"]);
    expect(diags(text("f(1,"))).toEqual(["BC1004 2:14 expected an argument or `)`, found `outputUri`"]);
    expect(diags(text("{a: 1"))).toEqual(["BC1004 2:15 expected a field (`key: value`) or `}`, found `outputUri`"]);
    expect(debugProgram(parse(new SourceFile("t", text("[1, 2"))).program)).toBe('(run "a" (= name (list 1 2)) (= outputUri "s3://x/"))\n(let z 1)');
    // A record's next field on the next line is not the end of the record.
    expect(diags("let r = {\n  a: 1\n  b: 2\n}")).toEqual([]);
  });

  it("skips to the end of an interpolation after a slip inside it", () => {
    const text = 'run "a" {\n  outputUri = "s3://x/${s).id}/${y}"\n  name = "${}"\n  priority = "${)}"\n}';
    expect(diags(text)).toEqual([
      "BC1004 2:26 expected `}` to close `${`, found `)`",
      "BC1005 3:13 expected an expression, found `}`",
      "BC1005 4:17 expected an expression, found `)`",
    ]);
    expect(debugProgram(parse(new SourceFile("t", text)).program)).toBe('(run "a" (= outputUri (tpl "s3://x/" s "/" y)) (= name (tpl <error>)) (= priority (tpl <error>)))');
  });

  it("reports `params` with neither `{` nor `from` once, and declares nothing", () => {
    const text = 'params "t.json"\nrun "a" { params { threads = 8 } }';
    expect(diags(text)).toEqual(["BC1005 1:8 expected `{` to open the `params` block, or `from` and a file, found a string"]);
    expect(helpOf(text)).toBe('declare parameters with `params { name: type }`, or read them from the workflow with `params from "template.json"`');
    expect(debugProgram(parse(new SourceFile("t", text)).program)).toBe('(run "a" (params (= threads 8)))');
    expect(diags("params\n")).toEqual(["BC1005 1:7 expected `{` to open the `params` block, or `from` and a file, found end of file"]);
  });

  it("keeps going after a missing `=` in a block", () => {
    expect(diags('run "a" { name "x" priority = 1 }')).toEqual(["BC1004 1:16 expected `=` after the field name, found a string"]);
  });
});

describe("recovery", () => {
  it("reports three separate errors and keeps every valid statement", () => {
    const text = [
      'batch "b" { settings = "s3://b/" }',
      "let = 2",
      "let ok = [1, 2]",
      "let b = (1",
      'run "x" {',
      "  name = ",
      '  outputUri = "s3://out/"',
      "}",
      "for s in xs {",
      '  run s.id { name = "n" }',
      "}",
    ].join("\n");
    expect(diags(text)).toEqual([
      "BC1004 2:5 expected a name after `let`, found `=`",
      "BC1004 4:11 expected `)`, found `run`",
      "BC1005 6:9 expected an expression, found `outputUri`",
    ]);
    expect(debugProgram(parse(new SourceFile("t", text)).program).split("\n")).toEqual([
      '(batch "b" (= settings "s3://b/"))',
      "(let <missing> 2)",
      "(let ok (list 1 2))",
      "(let b 1)",
      '(run "x" (= name <error>) (= outputUri "s3://out/"))',
      '(for ((s xs)) (run (. s id) (= name "n")))',
    ]);
  });

  it("fills holes with error nodes and empty names", () => {
    const { program } = parse(new SourceFile("t", "let x: = \nfor in {}\nif then {}\ntype T = [\n"));
    expect(debugProgram(program)).toBe(["(let x: <error> <error>)", "(for ((<missing> <error>)))", "(if <error> (then))", "(type T [<error>])"].join("\n"));
  });
});

describe("robustness", () => {
  const VALID = `batch "b" {
  settings = "s3://b/p/"
  tags { "cost-center" = "1", team = "x" }
}
defaults { workflowId = "1", roleArn = "r", runTags { a = "b" } }
params from "t.json" {
  sample: string
  threads?: int = 4
  mode: "a" | "b"
}
type R = { id: string, n?: [int] }
let rows: [R] = csv("rows.csv")
for r in rows, (i, x) in enumerate([1, 2]) where i < len(r.id) and not (x == 2) {
  if r.id == "a" { let y = -x * 2 % 3 } else if r.n == null {} else {}
  run "\${r.id}-\${i}" {
    name = "n \${ {k: "}"}.k }"
    priority = if x > 1 then 1..4 else [x, 2.5e3][0]
    params { sample = r.id, threads = f(1, 2) }
  }
}
`;

  /** The spans of nodes and diagnostics that are not inside the file (none, we hope). */
  function spansOutside(text: string): string[] {
    const bad: string[] = [];
    const check = (what: string, s: { start: number; end: number }): void => {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end >= s.start && s.end <= text.length)) {
        bad.push(`${what} [${s.start}, ${s.end})`);
      }
    };
    const { program, diagnostics } = parse(new SourceFile("t", text));
    for (const d of diagnostics) check(d.code, d.span);
    walk(program, (n: Node) => check(n.kind, n.span));
    return bad;
  }

  it("parses the valid sample without diagnostics", () => {
    expect(diags(VALID)).toEqual([]);
  });

  it("never throws on random text, and every span stays inside it", () => {
    const alphabet = fc.constantFrom(..."abcxyz_019 .,:;=+-*/%<>!?|&@#$\\\"'{}[]()\n\t".split(""), "let ", "for ", "in ", "run ", "if ", "else ", "${", "\"", "é", "😀");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((parts) => parts.join("")), (text) => {
        expect(spansOutside(text)).toEqual([]);
      }),
      { numRuns: 1000, seed: 20241126 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 120, unit: "binary" }), (text) => {
        expect(spansOutside(text)).toEqual([]);
      }),
      { numRuns: 1000, seed: 7 },
    );
  });

  it("never throws on mutations of a valid program", () => {
    const mutation = fc.record({
      at: fc.nat({ max: VALID.length }),
      remove: fc.nat({ max: 6 }),
      insert: fc.string({ maxLength: 4, unit: fc.constantFrom(..."{}[]()\"$=,:.\n#\\x1".split("")) }),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
        let text = VALID;
        for (const m of ms) {
          const i = Math.min(m.at, text.length);
          text = text.slice(0, i) + m.insert + text.slice(i + m.remove);
        }
        expect(spansOutside(text)).toEqual([]);
      }),
      { numRuns: 1000, seed: 42 },
    );
  });
});
