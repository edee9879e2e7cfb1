// The docs for a first-time user stay true: their JSON (IAM policies) parses, the CI recipe's
// commands are ones batchc takes, and the examples index names every example.
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../packages/cli/src/options.js";

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
