// The generated grammar files must match the parser: regenerate them with `pnpm grammar`.
import { describe, expect, it } from "vitest";
import { committedText, generatedFiles } from "./generate.js";

describe("generated grammar files", () => {
  for (const file of generatedFiles()) {
    it(`${file.path} is up to date`, () => {
      const committed = committedText(file.path);
      if (committed !== file.text) expect.fail(`${file.path} is stale: run \`pnpm grammar\``);
      expect(committed.length).toBeGreaterThan(1000);
    });
  }

  it("the diagrams are deterministic", () => {
    const [first, second] = [generatedFiles(), generatedFiles()];
    expect(second.map((f) => f.text)).toEqual(first.map((f) => f.text));
    expect(first.map((f) => f.path)).toEqual(["grammar/diagrams.html", "packages/language/src/parser/cst.generated.d.ts"]);
  });
});
