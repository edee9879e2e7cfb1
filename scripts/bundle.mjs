#!/usr/bin/env node
// Bundles the compiled CLI (packages/cli/dist, from `tsc -b`) into packages/cli/dist/bundle/,
// so `batchc` starts by loading a few files instead of hundreds of modules. Modules that only
// some commands need (the AWS SDK clients, zod and the response schemas) stay in chunks loaded
// on demand. Chevrotain is taken from its own prebuilt single-file ESM build. esbuild's metafile
// (which input files went in) is kept beside it as dist/bundle-meta.json, for the licences of
// the packages in the bundle (scripts/release-pack.mjs).
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const languageRequire = createRequire(join(root, "packages/language/package.json"));
const chevrotainEntry = languageRequire.resolve("chevrotain"); // …/chevrotain/lib/src/api.js
const chevrotainBundle = join(dirname(chevrotainEntry), "..", "chevrotain.mjs");

const outdir = join(root, "packages/cli/dist/bundle");

// With code splitting, esbuild puts a module in the chunks of every command whose imports
// reach it, used or not: one `import { RequestBuilder } from "@batchc/omics"` reaches the whole
// package index, and with it zod and the response schemas (about 12 ms to load), which `check`
// and `compile` never use. So each importer of @batchc/omics is given an index of its own that
// re-exports just the names it imports, from the modules that define them (read from the
// index's `export { ... } from "./module.js"` statements). An importer that takes the namespace,
// or a name only an `export *` provides, gets the real index.
const omicsDist = join(root, "packages/omics/dist");
const omicsIndex = readFileSync(join(omicsDist, "index.js"), "utf8");
/** Each name the index exports by name: the module it comes from and its name there. */
const omicsSources = new Map();
for (const m of omicsIndex.matchAll(/export\s*\{([^}]*)\}\s*from\s*"(\.\/[^"]+)";/g)) {
  for (const spec of m[1].split(",").map((n) => n.trim()).filter(Boolean)) {
    const [local, exported] = spec.split(/\s+as\s+/);
    omicsSources.set(exported ?? local, { module: m[2], local });
  }
}
if (!omicsSources.has("RequestBuilder") || omicsSources.size < 20) {
  throw new Error("scripts/bundle.mjs: the @batchc/omics index no longer has the expected shape; update the per-importer index");
}
/** The names `file` imports from @batchc/omics, or undefined when it imports the namespace or re-exports. */
function omicsImports(file) {
  const text = readFileSync(file, "utf8");
  if (/(import\s*\*|export\s*(\*|\{[^}]*\})\s*from)\s*[^;]*"@batchc\/omics"/.test(text)) return undefined;
  return [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@batchc\/omics"/g)].flatMap((m) =>
    m[1].split(",").map((n) => n.trim().split(/\s+as\s+/)[0]).filter(Boolean),
  );
}
/** An index that re-exports just `names`, each from its own module. */
function omicsIndexOf(names) {
  return [...new Set(names)]
    .map((n) => {
      const { module, local } = omicsSources.get(n);
      return `export { ${local === n ? n : `${local} as ${n}`} } from "${module}";`;
    })
    .join("\n");
}
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  entryPoints: { batchc: join(root, "packages/cli/dist/main.js") },
  outdir,
  metafile: true,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  outExtension: { ".js": ".mjs" },
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
  // The parser skips the grammar's self-checks at start-up; the tests run them.
  define: { BATCHC_SHIPPED_BUILD: "true" },
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
    {
      name: "omics-index-per-importer",
      setup(b) {
        b.onResolve({ filter: /^@batchc\/omics$/ }, (args) => {
          const names = omicsImports(args.importer);
          if (names === undefined || !names.every((n) => omicsSources.has(n))) return undefined;
          return { path: join(omicsDist, `index.${[...new Set(names)].sort().join(",")}.js`), namespace: "omics-names", pluginData: names };
        });
        b.onLoad({ filter: /.*/, namespace: "omics-names" }, (args) => ({ contents: omicsIndexOf(args.pluginData), resolveDir: omicsDist, loader: "js" }));
      },
    },
  ],
});
writeFileSync(join(root, "packages/cli/dist/bundle-meta.json"), JSON.stringify(result.metafile));
