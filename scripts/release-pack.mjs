#!/usr/bin/env node
// Makes the npm package of the CLI, `batchc-X.Y.Z.tgz`, from the built bundle (`pnpm release:pack`
// builds first, then runs this). The package holds what runs and what the licences ask for:
// the files named by `files` in packages/cli/package.json (the executable and the bundle),
// README.md, CHANGELOG.md, LICENSE, NOTICE, and THIRD-PARTY-LICENSES with the licence of every
// package esbuild put in the bundle (from dist/bundle-meta.json). Every library is in the bundle,
// so the package has no dependencies and installs without the network.
//
// Usage: node scripts/release-pack.mjs [--out DIR]   (default DIR: the repository root)
// Prints the tarball's path.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "packages/cli");
const outIndex = process.argv.indexOf("--out");
const out = resolve(outIndex === -1 ? root : process.argv[outIndex + 1]);

const pkg = JSON.parse(readFileSync(join(cli, "package.json"), "utf8"));
const meta = join(cli, "dist/bundle-meta.json");
if (!existsSync(meta)) fail("packages/cli/dist/bundle-meta.json is missing: run `pnpm build` first");

/** The package.json users get: no build-time dependencies, nothing private. */
const published = { ...pkg };
delete published.devDependencies;
delete published.scripts;
delete published.private;
published.files = [...pkg.files, "CHANGELOG.md", "NOTICE", "THIRD-PARTY-LICENSES"];

mkdirSync(out, { recursive: true });
const stage = mkdtempSync(join(tmpdir(), "batchc-pack-"));
try {
  for (const entry of pkg.files) cpSync(join(cli, entry), join(stage, entry), { recursive: true });
  for (const name of ["README.md", "CHANGELOG.md", "LICENSE", "NOTICE"]) cpSync(join(root, name), join(stage, name));
  writeFileSync(join(stage, "THIRD-PARTY-LICENSES"), thirdPartyLicenses(JSON.parse(readFileSync(meta, "utf8"))));
  writeFileSync(join(stage, "package.json"), `${JSON.stringify(published, null, 2)}\n`);
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--json", "--pack-destination", out], { cwd: stage, encoding: "utf8" }));
  process.stdout.write(`${join(out, packed.filename)}\n`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}

/** The name, version, licence and licence text of each package with a file in the bundle. */
function thirdPartyLicenses(metafile) {
  const packages = new Map();
  for (const input of Object.keys(metafile.inputs)) {
    const file = resolve(root, input);
    const at = file.lastIndexOf(`${sep}node_modules${sep}`);
    if (at === -1) continue;
    const rest = file.slice(at + 14).split(sep);
    const name = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    const dir = join(file.slice(0, at + 14), ...name.split("/"));
    if (!packages.has(name)) packages.set(name, dir);
  }
  const parts = [
    "batchc's executable bundles the following packages. Their licences follow.\n",
  ];
  for (const [name, dir] of [...packages].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const info = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const licenseFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    if (licenseFile === undefined && !/^(Apache-2\.0|MIT|ISC|BSD-\d-Clause|0BSD)$/.test(info.license)) {
      fail(`${name} has no licence file and an unexpected licence \`${info.license}\`; check it before shipping`);
    }
    parts.push(`${"=".repeat(78)}\n${name} ${info.version} (${info.license})\n${"=".repeat(78)}\n`);
    parts.push(licenseFile === undefined ? `Licensed under ${info.license}; the package ships no licence file.\n` : `${readFileSync(join(dir, licenseFile), "utf8").trim()}\n`);
  }
  return parts.join("\n");
}

function fail(message) {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}
