// The docs for a first-time user stay true: their JSON (IAM policies) parses, the CI recipe's
// commands are ones batchc takes, the examples index names every example, and the codes the
// language reference gives for `group_by`, `first` and `last` are the ones reported.
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../packages/cli/src/options.js";
import { runCli } from "../cli/harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string): string => readFileSync(path.join(root, file), "utf8");
const fences = (text: string, lang: string): string[] => [...text.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1] as string);

describe("docs", () => {
  it("every ```json block of docs/ parses, and the run role's trust policy names HealthOmics", () => {
    const docs = readdirSync(path.join(root, "docs")).filter((f) => f.endsWith(".md"));
    const blocks = docs.flatMap((f) => fences(read(`docs/${f}`), "json"));
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const b of blocks) expect(() => JSON.parse(b) as unknown).not.toThrow();
    const trust = fences(read("docs/aws.md"), "json").map((b) => JSON.parse(b) as { Statement: { Principal?: { Service?: string }; Action: string | string[] }[] });
    expect(trust.some((p) => p.Statement.some((s) => s.Principal?.Service === "omics.amazonaws.com" && s.Action === "sts:AssumeRole"))).toBe(true);
  });

  it("the CI recipe's batchc commands parse", () => {
    const yaml = fences(read("docs/ci.md"), "yaml").join("\n");
    const commands = [...yaml.matchAll(/batchc ((?:fmt|check)[^\n>|]*)/g)].map((m) => (m[1] as string).trim().split(/\s+/).map((w) => w.replace(/^"|"$/g, "")));
    expect(commands.map((c) => c[0])).toEqual(["fmt", "check"]);
    for (const argv of commands) expect(parseArgs(argv)).toMatchObject({ kind: "run" });
  });

  it("examples/README.md has one line for every example", () => {
    const index = read("examples/README.md");
    const programs = readdirSync(path.join(root, "examples"), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== "large")
      .flatMap((d) => readdirSync(path.join(root, "examples", d.name)).filter((f) => f.endsWith(".batch")).map((f) => `${d.name}/${f}`));
    expect(programs.length).toBeGreaterThanOrEqual(5);
    for (const p of programs) expect(index).toContain(`(${p})`);
  });
});

describe("docs/language.md §7b", () => {
  const DEFAULTS = 'defaults { workflowId = "1234567", roleArn = "arn:aws:iam::123456789012:role/R", outputUri = "s3://lab-results/o/" }\n';
  /** The codes of the errors `check` reports for a program. */
  const codeOf = async (program: string): Promise<string> => {
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": DEFAULTS + program, "r.csv": "a\n1\n" } });
    return [...r.stderr.matchAll(/error\[(BC\d{4})\]/g)].map((m) => m[1]).join(" ");
  };

  it("names the codes that group_by, first and last report", async () => {
    const notLiteral = await codeOf('let f = "a"\nlet g = group_by([{a: 1}], f)\nrun "x${len(g)}" {}\n');
    const unknownField = await codeOf('let h = group_by(csv("r.csv"), "b")\nrun "x${len(h)}" {}\n');
    const empty = await codeOf('let e = first([x for x in [1] where x > 1])\nrun "x${e}" {}\n');
    expect([notLiteral, unknownField, empty]).toEqual(["BC2050", "BC3034", "BC3035"]);
    const reference = read("docs/language.md");
    expect(reference).toContain(`(else ${notLiteral}). Keys compare by deep equality`);
    expect(reference).toContain(`(untyped \`csv\` rows, ${unknownField})`);
    expect(reference).toContain(`an empty list is an expansion error\n  naming the call (${empty})`);
  });
});
