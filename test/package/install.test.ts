// The npm package as a user gets it: `scripts/release-pack.mjs` packs the built CLI, plain `npm`
// installs the tarball into an empty folder without the network, and the installed `batchc`
// runs there on Node 20 (this process's), 22 and 24. Node 22 and 24 come from the npm registry
// (`npx -y node@22`), kept in npm's cache after the first fetch; without them the test fails.
import { execFile, execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3, type TestS3 } from "../omics-endpoint/sdk.js";

const root = path.resolve(import.meta.dirname, "../..");
const version = (JSON.parse(readFileSync(path.join(root, "packages/cli/package.json"), "utf8")) as { version: string }).version;
const BUCKET = "batchc-package";
let work: string;
let tarball: string;
let s3: TestS3;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `command` with `bin` first on the PATH, as a shell would find `node` and `batchc`. */
function run(command: string, args: string[], bin: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: path.join(work, "project"),
        env: {
          PATH: `${bin}${path.delimiter}${process.env.PATH ?? ""}`,
          HOME: work,
          AWS_ACCESS_KEY_ID: "test",
          AWS_SECRET_ACCESS_KEY: "test",
          AWS_REGION: "us-east-1",
          AWS_EC2_METADATA_DISABLED: "true",
          NO_COLOR: "1",
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "batchc-package-"));
  tarball = execFileSync(process.execPath, [path.join(root, "scripts/release-pack.mjs"), "--out", work], { encoding: "utf8" }).trim();
  const project = path.join(work, "project");
  cpSync(path.join(root, "examples/small-inline"), project, { recursive: true });
  writeFileSync(path.join(project, "package.json"), "{}\n");
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], { cwd: project, env: { ...process.env, npm_config_cache: path.join(work, "npm-cache") } });
  writeFileSync(
    path.join(project, "sweep.batch"),
    `batch "package-sweep" { settings = "s3://${BUCKET}/batches/" }
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/sweep/"
}
params { i: int }
for i in 1..120 {
  run "r\${pad(i, 3)}" { params { i = i } }
}
`,
  );
  s3 = makeTestS3(inject("s3Endpoint"));
}, 120_000);

afterAll(() => {
  s3?.destroy();
  rmSync(work, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("holds the executable, the bundle and the legal files, and no sources, tests or build info", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).trim().split("\n").sort();
    expect(path.basename(tarball)).toBe(`batchc-${version}.tgz`);
    expect(files.filter((f) => !f.startsWith("package/dist/bundle/chunks/"))).toEqual([
      "package/CHANGELOG.md",
      "package/LICENSE",
      "package/NOTICE",
      "package/README.md",
      "package/THIRD-PARTY-LICENSES",
      "package/bin/batchc.js",
      "package/dist/bundle/batchc.mjs",
      "package/package.json",
    ]);
    expect(files.filter((f) => f.startsWith("package/dist/bundle/chunks/")).every((f) => f.endsWith(".mjs"))).toBe(true);
    expect(files.filter((f) => /\.ts$|\.test\.|tsbuildinfo|\.map$/.test(f))).toEqual([]);
    const manifest = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/package.json"], { encoding: "utf8" })) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: "batchc", version, license: "Apache-2.0", bin: { batchc: "./bin/batchc.js" }, engines: { node: ">=20" } });
    expect(manifest.dependencies).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    const notices = execFileSync("tar", ["xzf", tarball, "-O", "package/THIRD-PARTY-LICENSES"], { encoding: "utf8" });
    for (const name of ["chevrotain", "zod", "picomatch", "@aws-sdk/client-s3"]) expect(notices).toContain(`\n${name} `);
  });
});

const nodes: [label: string, fetch: () => string][] = [
  ["20 (this process's Node)", () => path.dirname(process.execPath)],
  ["22", () => path.dirname(execFileSync("npx", ["-y", "node@22", "-p", "process.execPath"], { encoding: "utf8" }).trim())],
  ["24", () => path.dirname(execFileSync("npx", ["-y", "node@24", "-p", "process.execPath"], { encoding: "utf8" }).trim())],
];

describe.each(nodes)("the installed batchc on Node %s", (label, fetch) => {
  let bin: string;
  beforeAll(() => {
    bin = `${fetch()}${path.delimiter}${path.join(work, "project/node_modules/.bin")}`;
  }, 120_000);

  it("runs on that Node", async () => {
    const node = await run("node", ["-p", "process.versions.node.split('.')[0]"], bin);
    expect(node.stdout.trim()).toBe(label.slice(0, 2));
  });

  it("prints its version", async () => {
    expect(await run("batchc", ["--version"], bin)).toEqual({ code: 0, stdout: `batchc ${version}\n`, stderr: "" });
  });

  it("checks and previews an example", async () => {
    expect(await run("batchc", ["check", "tumor-normal.batch"], bin)).toEqual({ code: 0, stdout: "tumor-normal.batch: ok, 6 runs\n", stderr: "" });
    const preview = await run("batchc", ["compile", "tumor-normal.batch", "--dry-run", "--format", "jsonl"], bin);
    expect(preview.stderr).toMatch(/^batch +somatic-pilot\nruns +6, inline/);
    expect(preview.code).toBe(0);
    const runs = preview.stdout.trim().split("\n").map((l) => JSON.parse(l) as { runSettingId: string });
    expect(runs).toHaveLength(6);
  });

  it("compiles 120 runs and uploads the settings file to moto's S3", async () => {
    const bucket = `${BUCKET}-${label.slice(0, 2)}`;
    await s3.createBucket(bucket);
    writeFileSync(path.join(work, "project", `sweep-${bucket}.batch`), readFileSync(path.join(work, "project/sweep.batch"), "utf8").replace(BUCKET, bucket));
    const r = await run("batchc", ["compile", `sweep-${bucket}.batch`, "--s3-endpoint-url", inject("s3Endpoint"), "-o", `${bucket}.json`], bin);
    expect(r.stderr).toMatch(new RegExp(`^sweep-${bucket}\\.batch: 120 runs, settings file s3://${bucket}/batches/package-sweep-[0-9a-f]{8}\\.json \\(uploaded\\), request written to ${bucket}\\.json\\n$`));
    expect(r.code).toBe(0);
    const request = JSON.parse(readFileSync(path.join(work, "project", `${bucket}.json`), "utf8")) as { batchRunSettings: { s3UriSettings: string } };
    const runs = JSON.parse((await s3.getObject(bucket, request.batchRunSettings.s3UriSettings.slice(`s3://${bucket}/`.length))).text) as unknown[];
    expect(runs).toHaveLength(120);
  });
});
