// The VS Code extension builds into a .vsix as its README says (`pnpm vsix`: type-check,
// bundle, `vsce package`), holding the manifest, the grammar, the language configuration and
// the bundled client that starts `batchc lsp --stdio`.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const vsix = path.join(root, "editors/vscode/batchc.vsix");

it("packages the extension into a .vsix", () => {
  rmSync(vsix, { force: true });
  execFileSync("npx", ["-y", "pnpm@12.4.2", "--filter", "./editors/vscode", "package"], { cwd: root, stdio: "pipe" });
  const zip = readFileSync(vsix);
  expect(zip.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
  // A zip's central directory names every entry in plain text.
  const names = zip.toString("latin1");
  for (const entry of ["extension/package.json", "extension/syntaxes/batch.tmLanguage.json", "extension/language-configuration.json", "extension/dist/extension.js", "extension/readme.md"]) {
    expect(names).toContain(entry);
  }
  const manifest = JSON.parse(readFileSync(path.join(root, "editors/vscode/package.json"), "utf8")) as { contributes: { languages: { extensions: string[] }[] } };
  expect(manifest.contributes.languages[0]?.extensions).toEqual([".batch"]);
  const bundle = readFileSync(path.join(root, "editors/vscode/dist/extension.js"), "utf8");
  expect(bundle).toContain('"lsp","--stdio"');
}, 120_000);
