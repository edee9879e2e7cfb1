// The TextMate grammar of editors/vscode, run by VS Code's own tokenizer (vscode-textmate on
// the Oniguruma engine): each example's tokens against a golden file (BATCHC_UPDATE=1
// rewrites them), and the scopes of keywords, strings with `${}`, comments, numbers, block
// names and field names. Its keyword and built-in lists are the language's.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { BUILTIN_NAMES } from "@batchc/language";
import { beforeAll, describe, expect, it } from "vitest";
import vsctm from "vscode-textmate";
import oniguruma from "vscode-oniguruma";

const root = path.resolve(import.meta.dirname, "../..");
const grammarPath = path.join(root, "editors/vscode/syntaxes/batch.tmLanguage.json");
const goldenDir = path.join(import.meta.dirname, "golden");
const require = createRequire(import.meta.url);

let grammar: vsctm.IGrammar;
beforeAll(async () => {
  const wasm = readFileSync(path.join(path.dirname(require.resolve("vscode-oniguruma")), "onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (scope === "source.batch" ? vsctm.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath) : null),
  });
  grammar = (await registry.loadGrammar("source.batch")) as vsctm.IGrammar;
});

/** Each token as `text<TAB>scopes` (the root scope left out), line by line. */
function tokens(text: string): string[] {
  const out: string[] = [];
  let state = vsctm.INITIAL;
  for (const line of text.split("\n")) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) {
      const piece = line.slice(t.startIndex, t.endIndex);
      if (piece.trim() === "") continue;
      out.push(`${piece}\t${t.scopes.slice(1).join(" ")}`);
    }
    state = r.ruleStack;
  }
  return out;
}

/** The scopes of the first token `piece` on the first line containing `line`. */
function scopeOf(text: string, line: string, piece: string): string {
  const lines = text.split("\n");
  const n = lines.findIndex((l) => l.includes(line));
  let state = vsctm.INITIAL;
  for (let i = 0; i < n; i++) state = grammar.tokenizeLine(lines[i] as string, state).ruleStack;
  const l = lines[n] as string;
  const at = l.indexOf(piece, l.indexOf(line));
  const token = grammar.tokenizeLine(l, state).tokens.find((t) => t.startIndex <= at && at < t.endIndex);
  return token?.scopes.slice(1).join(" ") ?? "";
}

const examples = readdirSync(path.join(root, "examples"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap(({ name: d }) =>
  readdirSync(path.join(root, "examples", d))
    .filter((f) => f.endsWith(".batch"))
    .map((f) => path.join("examples", d, f)),
);

describe("the TextMate grammar", () => {
  it("lists the language's built-ins", () => {
    const raw = readFileSync(grammarPath, "utf8");
    const listed = /\\\\b\((csv\|[^)]*)\)\\\\s\*\(\?=\\\\\(\)/.exec(raw)?.[1]?.split("|");
    expect(listed?.slice().sort()).toEqual([...BUILTIN_NAMES].sort());
  });

  for (const file of examples) {
    it(`tokenizes ${file} as its golden file says`, () => {
      const actual = `${tokens(readFileSync(path.join(root, file), "utf8")).join("\n")}\n`;
      const golden = path.join(goldenDir, `${path.basename(file, ".batch")}.tokens`);
      if (process.env.BATCHC_UPDATE === "1") {
        mkdirSync(goldenDir, { recursive: true });
        writeFileSync(golden, actual);
      }
      expect(actual).toBe(readFileSync(golden, "utf8"));
    });
  }

  it("gives keywords, strings with ${}, comments, numbers, block names and field names their scopes", () => {
    const text = readFileSync(path.join(root, "examples/wgs-cohort/wgs-cohort.batch"), "utf8");
    expect(scopeOf(text, "# wgs-cohort.batch", "#")).toBe("comment.line.number-sign.batch punctuation.definition.comment.batch");
    expect(scopeOf(text, "# wgs-cohort.batch", "samples")).toBe("comment.line.number-sign.batch");
    expect(scopeOf(text, 'batch "wgs-cohort-a"', "batch")).toBe("keyword.other.block.batch");
    expect(scopeOf(text, "defaults {", "defaults")).toBe("keyword.other.block.batch");
    expect(scopeOf(text, "params {", "params")).toBe("keyword.other.block.batch");
    expect(scopeOf(text, "  run ", "run")).toBe("keyword.other.block.batch");
    expect(scopeOf(text, "runTags { project", "runTags")).toBe("entity.name.section.batch");
    expect(scopeOf(text, "storageType =", "storageType")).toBe("variable.other.property.batch");
    expect(scopeOf(text, "storageType =", "=")).toBe("keyword.operator.assignment.batch");
    expect(scopeOf(text, "fastq_r1:  s3uri", "fastq_r1")).toBe("variable.parameter.batch");
    expect(scopeOf(text, "fastq_r1:  s3uri", "s3uri")).toBe("support.type.primitive.batch");
    expect(scopeOf(text, "threads:   int = 16", "16")).toBe("constant.numeric.batch");
    expect(scopeOf(text, "for s in samples", "for")).toBe("keyword.control.batch");
    expect(scopeOf(text, "for s in samples", "in ")).toBe("keyword.control.batch");
    expect(scopeOf(text, "type Sample", "type")).toBe("storage.type.batch");
    expect(scopeOf(text, "type Sample", "Sample")).toBe("entity.name.type.batch");
    expect(scopeOf(text, "let samples", "csv")).toBe("support.function.builtin.batch");
    expect(scopeOf(text, 'name      = "wgs', '"wgs')).toBe("string.quoted.double.batch punctuation.definition.string.begin.batch");
    expect(scopeOf(text, 'name      = "wgs', "${")).toBe("string.quoted.double.batch meta.interpolation.batch punctuation.section.interpolation.begin.batch");
    expect(scopeOf(text, 'name      = "wgs', "sample_id")).toBe("string.quoted.double.batch meta.interpolation.batch meta.embedded.interpolation.batch variable.other.batch");
    expect(scopeOf(text, "priority  = if s.urgent then 90", "then")).toBe("keyword.control.batch");
    expect(scopeOf(text, "priority  = if s.urgent then 90", "90")).toBe("constant.numeric.batch");
  });
});
