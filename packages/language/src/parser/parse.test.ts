// Parser tables (description, input, one-line debug form) for every construct of
// docs/language.md §2-§7a, each also printed and parsed again (same AST); spans; and the
// grammar's self-check.
import { describe, expect, it } from "vitest";
import { debugExpr, debugProgram } from "../ast/debug.js";
import { printProgram } from "../ast/print.js";
import type { Expression, LetStatement, Program } from "../ast/nodes.js";
import { SourceFile } from "../source.js";
import { parse } from "./parse.js";
import { parser } from "./parser.js";
import { REFERENCE_PROGRAM } from "../../test/fixtures.js";

function parseOk(text: string): Program {
  const { program, diagnostics } = parse(new SourceFile("t.batch", text));
  expect(diagnostics.map((d) => d.message)).toEqual([]);
  return program;
}

/** The AST without positions, for comparing a program with its printed-and-reparsed self. */
function withoutSpans(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (k, v: unknown) => (k === "span" || k === "operatorSpan" || k === "keyword" ? undefined : v)));
}

/** Round trip: printing the program and parsing the text again gives the same AST. */
function expectRoundTrip(program: Program): void {
  const printed = printProgram(program);
  expect(withoutSpans(parseOk(printed))).toEqual(withoutSpans(program));
}

function expr(text: string): Expression {
  const s = parseOk(`let x = ${text}`).statements[0] as LetStatement;
  return s.value;
}

describe("grammar", () => {
  it("has no definition errors", () => {
    expect(Array.isArray(parser.grammarErrors)).toBe(true);
    expect(parser.grammarErrors).toEqual([]);
  });
});

describe("expressions", () => {
  const table: [string, string, string][] = [
    ["integer", "42", "42"],
    ["float", "1.5", "1.5"],
    ["exponent", "2e3", "2e3"],
    ["negative exponent", "1.5e-3", "1.5e-3"],
    ["unary minus on a number", "-3", "(- 3)"],
    ["booleans and null", "[true, false, null]", "(list true false null)"],
    ["plain string", '"s3://bucket/key"', '"s3://bucket/key"'],
    ["empty string", '""', '""'],
    ["escapes are decoded", '"a\\"b\\\\c\\nd\\te\\$f"', '"a\\"b\\\\c\\nd\\te$f"'],
    ["`$` without `{` is literal", '"cost: $5"', '"cost: $5"'],
    ["escaped interpolation is text", '"\\${x}"', '"${x}"'],
    ["template", '"${s.sample_id}-${ref}"', '(tpl (. s sample_id) "-" ref)'],
    ["template with text around", '"a ${x} b"', '(tpl "a " x " b")'],
    ["template with a nested string", '"${lower("A-${x}")}.txt"', '(tpl (call lower (tpl "A-" x)) ".txt")'],
    ["template with a record", '"${ {k: "}"}.k }"', '(tpl (. (record (k "}")) k))'],
    ["template with an escape next to it", '"\\t${x}\\n"', '(tpl "\\t" x "\\n")'],
    ["name", "samples", "samples"],
    ["field access", "s.sample_id", "(. s sample_id)"],
    ["keyword as a field name", "s.type", "(. s type)"],
    ["index", "xs[0]", "(index xs 0)"],
    ["call", 'csv("a.csv")', '(call csv "a.csv")'],
    ["call with no arguments", "f()", "(call f)"],
    ["call with several arguments", 'replace(s, "a", "b")', '(call replace s "a" "b")'],
    ["postfix chain in order", "f(x)[1].a[2]", "(index (. (index (call f x) 1) a) 2)"],
    ["list", "[1, 2, 3]", "(list 1 2 3)"],
    ["empty list", "[]", "(list)"],
    ["list with trailing comma", "[1, 2,]", "(list 1 2)"],
    ["list over lines without commas", "[\n  1\n  2\n]", "(list 1 2)"],
    ["record", '{ a: 1, "b-c": "x" }', '(record (a 1) ("b-c" "x"))'],
    ["empty record", "{}", "(record)"],
    ["record with trailing comma and newlines", "{\n  a: 1\n  b: 2,\n}", "(record (a 1) (b 2))"],
    ["record with a keyword key", "{ type: 1, in: 2 }", "(record (type 1) (in 2))"],
    ["nested literals", "[{a: [1]}, []]", "(list (record (a (list 1))) (list))"],
    ["multiplication before addition", "1 + 2 * 3", "(+ 1 (* 2 3))"],
    ["left associative", "1 - 2 - 3", "(- (- 1 2) 3)"],
    ["division and modulo", "a / b % c * d", "(* (% (/ a b) c) d)"],
    ["parentheses group", "(1 + 2) * 3", "(* (+ 1 2) 3)"],
    ["unary minus binds tightest", "-a * b", "(* (- a) b)"],
    ["double minus", "- -a", "(- (- a))"],
    ["minus of a postfix", "-s.x", "(- (. s x))"],
    ["subtraction of a negation", "a - -b", "(- a (- b))"],
    ["comparison below arithmetic", "a + 1 < b * 2", "(< (+ a 1) (* b 2))"],
    ["all comparisons", "[a == b, a != b, a < b, a <= b, a > b, a >= b]", "(list (== a b) (!= a b) (< a b) (<= a b) (> a b) (>= a b))"],
    ["not below comparison", "not a == b", "(not (== a b))"],
    ["not not", "not not a", "(not (not a))"],
    ["and below not", "not a and b", "(and (not a) b)"],
    ["or loosest", "a or b and c", "(or a (and b c))"],
    ["or left associative", "a or b or c", "(or (or a b) c)"],
    ["range", "1..4", "(.. 1 4)"],
    ["range of expressions", "0..len(xs) - 1", "(.. 0 (- (call len xs) 1))"],
    ["range below comparison", "1..n == xs", "(== (.. 1 n) xs)"],
    ["range of floats", "1.5..2.5", "(.. 1.5 2.5)"],
    ["conditional", "if s.urgent then 90 else 10", "(if (. s urgent) 90 10)"],
    ["conditional branches take whole expressions", "if a or b then x + 1 else y * 2", "(if (or a b) (+ x 1) (* y 2))"],
    ["nested conditional in else", "if a then 1 else if b then 2 else 3", "(if a 1 (if b 2 3))"],
    ["conditional in a list", "[if a then 1 else 2, 3]", "(list (if a 1 2) 3)"],
    ["conditional in parentheses", "(if a then 1 else 2) + 1", "(+ (if a 1 2) 1)"],
    ["newlines inside an expression", "1 +\n  2", "(+ 1 2)"],
    ["comment inside an expression", "[1, # one\n 2]", "(list 1 2)"],
  ];
  for (const [description, input, expected] of table) {
    it(description, () => {
      const e = expr(input);
      expect(debugExpr(e)).toBe(expected);
      expectRoundTrip(parseOk(`let x = ${input}`));
    });
  }

  it("marks integer literals", () => {
    const list = expr("[42, 1.5, 2e3, 007]");
    expect(list.kind === "ListLiteral" && list.elements.map((e) => (e.kind === "NumberLiteral" ? [e.value, e.integer, e.raw] : e.kind))).toEqual([
      [42, true, "42"],
      [1.5, false, "1.5"],
      [2000, false, "2e3"],
      [7, true, "007"],
    ]);
  });
});

describe("statements", () => {
  const table: [string, string, string][] = [
    ["batch with a name", 'batch "wgs" {\n  settings = "s3://b/p/"\n}', '(batch "wgs" (= settings "s3://b/p/"))'],
    ["batch without a name", "batch { requestId = \"r1\" }", '(batch (= requestId "r1"))'],
    ["batch with a template name", 'batch "wgs-${v}" {}', '(batch (tpl "wgs-" v))'],
    ["batch tags block", 'batch "b" { tags { project = "a", "cost-center" = "1234" } }', '(batch "b" (tags (= project "a") (= "cost-center" "1234")))'],
    [
      "defaults with fields and runTags",
      'defaults {\n  workflowId = "1"\n  priority = 1 + 1,\n  runTags { a = "x" }\n}',
      '(defaults (= workflowId "1") (= priority (+ 1 1)) (runTags (= a "x")))',
    ],
    ["empty blocks", "defaults {}\nbatch {}", "(defaults)\n(batch)"],
    ["entries separated by commas on one line", "defaults { a = 1, b = 2, }", "(defaults (= a 1) (= b 2))"],
    ["quoted field keys", 'defaults { "workflowId" = "1" }', '(defaults (= "workflowId" "1"))'],
    [
      "params with types, defaults and optional names",
      'params {\n  sample_id: string\n  caller: "deepvariant" | "gatk"\n  threads: int = 16\n  notes?: string\n}',
      '(params (param sample_id: string) (param caller: "deepvariant" | "gatk") (param threads: int = 16) (param notes?: string))',
    ],
    ["params from a template", 'params from "template.json" {}', '(params from "template.json")'],
    ["params from a template without a block", 'params from "template.json"\nlet a = 1', '(params from "template.json")\n(let a 1)'],
    ["params from a template without a block, on one line with the next statement", 'params from "t.json" run "a" {}', '(params from "t.json")\n(run "a")'],
    [
      "params from a template, refined",
      'params from "t.json" {\n  threads: int = 8\n  ref = "hg38"\n  notes?\n  "odd-name": string\n}',
      '(params from "t.json" (param threads: int = 8) (param ref = "hg38") (param notes?) (param "odd-name": string))',
    ],
    ["params separated by commas", "params { a: int, b: [string], }", "(params (param a: int) (param b: [string]))"],
    ["type alias of a record", "type Sample = { sample_id: string, r1: s3uri, urgent?: bool }", "(type Sample {sample_id: string, r1: s3uri, urgent?: bool})"],
    ["type alias of a union", 'type Caller = "deepvariant" | "gatk" | "x"', '(type Caller "deepvariant" | "gatk" | "x")'],
    ["list and nested record types", "type T = [{ a: [int], b: { c: float } }]", "(type T [{a: [int], b: {c: float}}])"],
    ["record type over lines without commas", "type T = {\n  a: int\n  \"b-c\"?: any\n}", '(type T {a: int, "b-c"?: any})'],
    ["empty record type", "type T = {}", "(type T {})"],
    ["let", "let n = 3", "(let n 3)"],
    ["let with a type", 'let samples: [Sample] = csv("samples.csv")', '(let samples: [Sample] (call csv "samples.csv"))'],
    ["let with a conditional", "let p = if a then 1 else 2", "(let p (if a 1 2))"],
    ["for", "for s in samples {}", "(for ((s samples)))"],
    ["for over several sources", 'for s in samples, ref in ["a", "b"] {}', '(for ((s samples) (ref (list "a" "b"))))'],
    ["for where a later source uses an earlier one", "for s in samples, f in s.files {}", "(for ((s samples) (f (. s files))))"],
    ["for with destructuring", "for (i, x) in enumerate(xs) {}", "(for (((i x) (call enumerate xs))))"],
    ["for with a trailing comma in the pattern", "for (a, b,) in zip(x, y) {}", "(for (((a b) (call zip x y))))"],
    ["for with where", "for s in samples where s.urgent and not s.skip {}", "(for ((s samples)) (where (and (. s urgent) (not (. s skip)))))"],
    ["for over a range", "for i in 1..4 {}", "(for ((i (.. 1 4))))"],
    ["for with a body", 'for s in xs {\n  let id = s.id\n  run id { name = "n" }\n}', '(for ((s xs)) (let id (. s id)) (run id (= name "n")))'],
    ["if", "if a { let x = 1 }", "(if a (then (let x 1)))"],
    ["if else", "if a {} else { let y = 2 }", "(if a (then) (else (let y 2)))"],
    [
      "else if chain",
      "if a { let x = 1 } else if b { let x = 2 } else if c {} else { let x = 3 }",
      "(if a (then (let x 1)) (else (if b (then (let x 2)) (else (if c (then) (else (let x 3)))))))",
    ],
    ["if with a comparison condition", "if len(xs) > 0 {}", "(if (> (call len xs) 0) (then))"],
    [
      "run with fields and blocks",
      'run "${s}-1" {\n  name = "n"\n  priority = 1\n  params { a = 1, b = "x" }\n  runTags { sample = s }\n}',
      '(run (tpl s "-1") (= name "n") (= priority 1) (params (= a 1) (= b "x")) (runTags (= sample s)))',
    ],
    ["run with a quoted map key", 'run "a" { runTags { "cost-center" = "1" } }', '(run "a" (runTags (= "cost-center" "1")))'],
    ["run with keyword keys in a map", 'run "a" { params { type = "x", in = 1, from = 2 } }', '(run "a" (params (= type "x") (= in 1) (= from 2)))'],
    ["run with entries on one line", 'run "a" { name = "n", priority = 2 }', '(run "a" (= name "n") (= priority 2))'],
    ["nested loops and conditions", "for a in xs {\n  if a > 1 {\n    for b in ys {\n      run b {}\n    }\n  }\n}", "(for ((a xs)) (if (> a 1) (then (for ((b ys)) (run b)))))"],
    ["comments everywhere", '# head\nlet a = 1 # tail\n# between\nrun "x" { # open\n  name = "y" # field\n} # close', '(let a 1)\n(run "x" (= name "y"))'],
    ["an empty file", "", ""],
    ["only comments", "# nothing\n\n# here", ""],
  ];
  for (const [description, input, expected] of table) {
    it(description, () => {
      const program = parseOk(input);
      expect(debugProgram(program)).toBe(expected);
      expectRoundTrip(program);
    });
  }

  it("parses the complete example of the language reference", () => {
    expectRoundTrip(parseOk(EXAMPLE));
    expect(debugProgram(parseOk(EXAMPLE)).split("\n")).toEqual([
      '(batch "wgs-cohort-a" (= settings "s3://lab-batches/cohort-a/") (tags (= project "cohort-a")))',
      '(defaults (= workflowId "1234567") (= roleArn "arn:aws:iam::123456789012:role/OmicsRunRole") (= storageType "DYNAMIC") (= logLevel "ALL") (runTags (= project "cohort-a")))',
      '(params (param sample_id: string) (param fastq_r1: s3uri) (param fastq_r2: s3uri) (param reference: s3uri) (param caller: "deepvariant" | "gatk") (param threads: int = 16) (param notes?: string))',
      "(type Sample {sample_id: string, r1: s3uri, r2: s3uri, urgent: bool})",
      '(let samples: [Sample] (call csv "samples.csv"))',
      '(for ((s samples) (ref (list "hg38" "t2t")) (caller (list "deepvariant" "gatk"))) (run (tpl (. s sample_id) "-" ref "-" caller) (= name (tpl "wgs " (. s sample_id) " " ref " " caller)) (= outputUri (tpl "s3://lab-results/cohort-a/" ref "/" caller "/" (. s sample_id) "/")) (= priority (if (. s urgent) 90 10)) (params (= sample_id (. s sample_id)) (= fastq_r1 (. s r1)) (= fastq_r2 (. s r2)) (= reference (tpl "s3://lab-refs/" ref "/genome.fa")) (= caller caller)) (runTags (= sample (. s sample_id)) (= reference ref))))',
    ]);
  });
});

describe("spans", () => {
  const text = 'let xs: [int] = [1, 2]\nrun "r-${x}" {\n  name = a.b + f(1)\n  tags { "k" = 1 }\n}\n';
  const { program } = parse(new SourceFile("t.batch", text));
  const slice = (s: { start: number; end: number }): string => text.slice(s.start, s.end);

  it("cover each construct from its first to its last token", () => {
    const [let_, run] = program.statements;
    expect(program.span).toEqual({ start: 0, end: text.length });
    if (let_?.kind !== "LetStatement" || run?.kind !== "RunStatement") throw new Error("unexpected statements");
    expect(slice(let_.span)).toBe("let xs: [int] = [1, 2]");
    expect(slice(let_.name.span)).toBe("xs");
    expect(slice((let_.type as { span: { start: number; end: number } }).span)).toBe("[int]");
    expect(slice(let_.value.span)).toBe("[1, 2]");
    expect(slice(run.span)).toBe('run "r-${x}" {\n  name = a.b + f(1)\n  tags { "k" = 1 }\n}');
    expect(slice(run.keyword)).toBe("run");
    expect(slice(run.id.span)).toBe('"r-${x}"');
    const [field, tags] = run.entries;
    if (field?.kind !== "FieldAssignment" || tags?.kind !== "MapBlock") throw new Error("unexpected entries");
    expect(slice(field.span)).toBe("name = a.b + f(1)");
    expect(slice(field.key.span)).toBe("name");
    const value = field.value;
    if (value.kind !== "BinaryExpression") throw new Error("expected a binary expression");
    expect(slice(value.span)).toBe("a.b + f(1)");
    expect(slice(value.operatorSpan)).toBe("+");
    expect(slice(value.left.span)).toBe("a.b");
    expect(slice(value.right.span)).toBe("f(1)");
    expect(slice(tags.span)).toBe('tags { "k" = 1 }');
    expect(slice(tags.entries[0]?.key.span ?? { start: 0, end: 0 })).toBe('"k"');
  });

  it("place template parts at their text and expressions", () => {
    const run = program.statements[1];
    if (run?.kind !== "RunStatement" || run.id.kind !== "TemplateString") throw new Error("expected a template");
    expect(run.id.parts.map((p) => [p.kind, slice(p.span)])).toEqual([
      ["TemplateText", "r-"],
      ["NameExpression", "x"],
    ]);
  });
});

describe("params from without a block", () => {
  it("records whether the `{ }` was written, and ends the statement at the file name", () => {
    const text = 'params from "t.json"  # as it is\nparams from "u.json" { }\nparams { a: int }\n';
    const blocks = parseOk(text).statements.map((s) => (s.kind === "ParamsBlock" ? [text.slice(s.span.start, s.span.end), s.block, s.declarations.length] : s.kind));
    expect(blocks).toEqual([
      ['params from "t.json"', false, 0],
      ['params from "u.json" { }', true, 0],
      ["params { a: int }", true, 1],
    ]);
  });
});

const EXAMPLE = REFERENCE_PROGRAM;
