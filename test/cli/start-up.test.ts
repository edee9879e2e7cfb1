// What `batchc check` and `compile` load at start: the shipped bundle's chunks reached by static
// imports from the command's own chunk (read from esbuild's metafile, dist/bundle-meta.json)
// hold neither zod nor the HealthOmics client, which only the AWS commands and `--live` need.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

interface Output {
  entryPoint?: string;
  imports: { path: string; kind: string }[];
  inputs: Record<string, unknown>;
}
const meta = JSON.parse(readFileSync(path.join(root, "packages/cli/dist/bundle-meta.json"), "utf8")) as { outputs: Record<string, Output> };

/** The inputs of every chunk a command's chunk loads before it runs (its static imports, transitively). */
function loadedInputs(entryPoint: string): string[] {
  const start = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === entryPoint)?.[0];
  if (start === undefined) throw new Error(`no chunk for ${entryPoint}`);
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const out = stack.pop() as string;
    if (seen.has(out)) continue;
    seen.add(out);
    for (const i of meta.outputs[out]?.imports ?? []) if (i.kind === "import-statement") stack.push(i.path);
  }
  return [...seen].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
}

describe("start-up of the shipped bundle", () => {
  for (const command of ["check", "compile"]) {
    it(`\`${command}\` loads neither zod nor the HealthOmics client`, () => {
      const inputs = loadedInputs(`packages/cli/dist/commands/${command}.js`);
      expect(inputs).toContain("packages/compiler/dist/emit-batch.js");
      expect(inputs.filter((i) => /node_modules\/zod\/|omics\/dist\/(schema|client|omics-calls)\.js$/.test(i))).toEqual([]);
    });
  }

  it("`submit` does load them (the test sees them when they are there)", () => {
    const inputs = loadedInputs("packages/cli/dist/commands/submit-command.js");
    expect(inputs.some((i) => i.includes("node_modules/zod/"))).toBe(true);
  });

  it("only `sandbox` loads the sandbox, as a chunk of its own, when it runs", () => {
    const sandbox = (inputs: string[]): string[] => inputs.filter((i) => i.startsWith("packages/sandbox/"));
    for (const command of ["check", "compile", "submit-command"]) expect(sandbox(loadedInputs(`packages/cli/dist/commands/${command}.js`))).toEqual([]);
    const own = Object.values(meta.outputs).find((o) => o.entryPoint === "packages/cli/dist/commands/sandbox.js");
    expect(own?.imports.some((i) => i.kind === "dynamic-import")).toBe(true);
    expect(sandbox(loadedInputs("packages/cli/dist/commands/sandbox.js"))).toEqual([]);
    expect(Object.values(meta.outputs).some((o) => Object.keys(o.inputs).includes("packages/sandbox/dist/sandbox.js"))).toBe(true);
  });
});
