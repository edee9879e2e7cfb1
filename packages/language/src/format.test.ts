// The formatter: where comments go, empty lines, and its properties: over every example,
// the README's snippets and random programs with comments in random places, formatting
// keeps the AST (spans aside) and every comment, in order, and formatting twice is a no-op.
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printProgram } from "./ast/print.js";
import { program as randomProgram } from "../test/arbitraries.js";
import { formatSource } from "./format.js";
import { parse } from "./parser/parse.js";
import { SourceFile } from "./source.js";

const root = path.resolve(import.meta.dirname, "../../..");

function withoutSpans(node: unknown): unknown {
  return JSON.parse(JSON.stringify(node, (k, v: unknown) => (k === "span" || k === "operatorSpan" || k === "keyword" ? undefined : v)));
}

function format(text: string): string {
  const result = formatSource(new SourceFile("t.batch", text));
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join("; "));
  return result.text;
}

const commentsOf = (text: string): string[] => {
  const parsed = parse(new SourceFile("t.batch", text));
  return parsed.comments.map((c) => text.slice(c.start, c.end).trimEnd());
};

/** The properties every formatted text has. */
function expectFormatKeeps(text: string): string {
  const formatted = format(text);
  const before = parse(new SourceFile("a.batch", text));
  const after = parse(new SourceFile("b.batch", formatted));
  expect(after.diagnostics.map((d) => d.message)).toEqual([]);
  expect(withoutSpans(after.program)).toEqual(withoutSpans(before.program));
  expect(commentsOf(formatted)).toEqual(commentsOf(text));
  expect(format(formatted)).toBe(formatted);
  return formatted;
}

describe("formatSource", () => {
  it("keeps comments: own-line, trailing (aligned), after a `{`, before a `}`, in lists", () => {
    const source = [
      "# header",
      "",
      "",
      "# about the batch",
      'batch "b" {   # the batch',
      '  settings = "s3://x/y/"  # where',
      "  tags { a = 1 }        # its tags",
      "  # last in the block",
      "}",
      "let a = 1 # one",
      "",
      "",
      "let b = [",
      "  1, # first",
      "  # before two",
      "  2,",
      "]",
      "for x in b { # loop",
      "  if x > 1 {",
      "    # nothing yet",
      "  } else {",
      '    run "r${x}" {}',
      "  }",
      "}",
      "# trailer",
    ].join("\n");
    expect(expectFormatKeeps(source)).toBe(
      [
        "# header",
        "",
        "# about the batch",
        'batch "b" {  # the batch',
        '  settings = "s3://x/y/"  # where',
        "  tags { a = 1 }          # its tags",
        "  # last in the block",
        "}",
        "",
        "let a = 1  # one",
        "",
        "let b = [",
        "  1,  # first",
        "  # before two",
        "  2,",
        "]",
        "",
        "for x in b {  # loop",
        "  if x > 1 {",
        "    # nothing yet",
        "  } else {",
        '    run "r${x}" {}',
        "  }",
        "}",
        "# trailer",
        "",
      ].join("\n"),
    );
  });

  it("breaks a map block that holds a comment, and ends a run of aligned fields at an empty line", () => {
    const source = 'defaults {\n  workflowId = "1"\n  roleArn = "r"\n\n  name = "n"\n  runTags { a = "1" # why\n  }\n}\n';
    expect(expectFormatKeeps(source)).toBe(
      'defaults {\n  workflowId = "1"\n  roleArn    = "r"\n\n  name = "n"\n  runTags {\n    a = "1"  # why\n  }\n}\n',
    );
  });

  it("keeps a comment inside a one-line expression on a line of its own", () => {
    const source = 'let x = "${a # inside\n}"\nlet y = 2\n';
    expect(expectFormatKeeps(source)).toBe('let x = "${a}"\n# inside\nlet y = 2\n');
  });

  it("prints `params from` without a block as written, and keeps a `{ }` that is written", () => {
    const bare = 'params from "t.json"  # as it is\n\nrun "a" {}\n';
    expect(expectFormatKeeps(bare)).toBe(bare);
    expect(expectFormatKeeps('params from "t.json"\nrun "a" {}')).toBe('params from "t.json"\n\nrun "a" {}\n');
    expect(expectFormatKeeps('params from "t.json" {  }\n')).toBe('params from "t.json" {}\n');
    expect(expectFormatKeeps('params from "t.json" { threads: int=4 }\n')).toBe('params from "t.json" {\n  threads: int = 4\n}\n');
  });

  it("refuses a file with syntax errors", () => {
    const result = formatSource(new SourceFile("t.batch", "let a =\n"));
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.diagnostics.map((d) => d.code)).toEqual(["BC1005"]);
  });

  it("leaves every example and README snippet as it is", () => {
    const files: string[] = [];
    for (const dir of readdirSync(path.join(root, "examples"), { withFileTypes: true })) {
      if (!dir.isDirectory()) continue;
      for (const f of readdirSync(path.join(root, "examples", dir.name))) if (f.endsWith(".batch")) files.push(path.join("examples", dir.name, f));
    }
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const text = readFileSync(path.join(root, f), "utf8");
      expect(expectFormatKeeps(text), f).toBe(text);
    }
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const snippets = [...readme.matchAll(/```batch\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(snippets.length).toBeGreaterThanOrEqual(1);
    for (const s of snippets) expect(expectFormatKeeps(s)).toBe(s);
  });
});

describe("formatting random programs with random comments", () => {
  /** Comments at line ends and on lines of their own, indentation dropped, empty lines added. */
  const perturbation = fc.array(fc.tuple(fc.nat(), fc.constantFrom("trailing", "own", "dedent", "blank")), { maxLength: 12 });

  it("keeps the AST and every comment, and is idempotent", () => {
    let formattedWithComments = 0;
    fc.assert(
      fc.property(randomProgram, perturbation, (program, edits) => {
        const lines = printProgram(program).split("\n");
        edits.forEach(([at, edit], n) => {
          const i = at % lines.length;
          const line = lines[i] as string;
          if (edit === "trailing") lines[i] = `${line} # c${n}`;
          else if (edit === "own") lines.splice(i, 0, `# own ${n}`);
          else if (edit === "dedent") lines[i] = line.trimStart();
          else lines.splice(i, 0, "");
        });
        const text = lines.join("\n");
        const parsed = parse(new SourceFile("t.batch", text));
        fc.pre(parsed.diagnostics.length === 0);
        expectFormatKeeps(text);
        if (parsed.comments.length > 0) formattedWithComments++;
      }),
      { numRuns: 250, seed: 1515 },
    );
    expect(formattedWithComments).toBeGreaterThan(100);
  });
});
