#!/usr/bin/env node
// Bundles the compiled CLI (packages/cli/dist, from `tsc -b`) into packages/cli/dist/bundle/,
// so `batchc` starts by loading a few files instead of hundreds of modules. Modules that only
// some commands need (the AWS SDK clients) stay in chunks loaded on demand. Chevrotain is
// taken from its own prebuilt single-file ESM build.
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const languageRequire = createRequire(join(root, "packages/language/package.json"));
const chevrotainEntry = languageRequire.resolve("chevrotain"); // …/chevrotain/lib/src/api.js
const chevrotainBundle = join(dirname(chevrotainEntry), "..", "chevrotain.mjs");

const outdir = join(root, "packages/cli/dist/bundle");
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: { batchc: join(root, "packages/cli/dist/main.js") },
  outdir,
  metafile: process.env.BATCHC_BUNDLE_META === "1",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
  banner: {
    js: 'import { createRequire as __batchcCreateRequire } from "node:module"; const require = __batchcCreateRequire(import.meta.url);',
  },
  plugins: [
    {
      name: "chevrotain-single-file",
      setup(b) {
        b.onResolve({ filter: /^chevrotain$/ }, () => ({ path: chevrotainBundle }));
      },
    },
  ],
});
