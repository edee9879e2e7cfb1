// Reads stay inside the project: the shipped CLI, as a real process, on real files. A program
// cannot read the process environment, files above its folder, devices or FIFOs; glob follows
// symbolic links to files inside the project; a folder it cannot read is an error, not "no
// file matches"; bytes that are not UTF-8 are an error at their place.
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeHost, type Host } from "@batchc/language";
import { runCli } from "./harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET42";
const DEFAULTS = 'defaults { workflowId = "1234567", roleArn = "arn:aws:iam::123456789012:role/R", outputUri = "s3://lab-results/x/" }\n';
let dir: string;
let project: string;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The shipped CLI as a child process, with a fake secret in its environment. */
function batchc(args: string[], cwd = project): Promise<Result> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH ?? "", AWS_SECRET_ACCESS_KEY: SECRET, AWS_ACCESS_KEY_ID: "AKIAIOSFODNN7EXAMPLE", AWS_REGION: "us-east-1", NO_COLOR: "1" };
    execFile(process.execPath, [bin, ...args], { cwd, env, timeout: 20_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

function write(name: string, text: string | Buffer): string {
  const p = path.join(project, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, text);
  return p;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-reads-"));
  project = path.join(dir, "project");
  mkdirSync(project);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the process environment and files outside the project", () => {
  const ENVIRON =
    DEFAULTS +
    'for l in lines("/proc/self/environ") { let m = match(l, "AWS_SECRET_ACCESS_KEY=([^\\\\x00]*)")\n' +
    '  run "x" { priority = int(m[0]) } }\n';

  it("the issue's /proc/self/environ program fails with the read-outside error; no output holds the secret", async () => {
    write("environ.batch", ENVIRON);
    write("params.batch", `${DEFAULTS}params { env: [string] }\nlet env = lines("/proc/self/environ")\nrun "x" { params { env = env } }\n`);
    const outputs: string[] = [];
    for (const args of [
      ["check", "environ.batch"],
      ["compile", "environ.batch", "-o", "request.json"],
      ["compile", "environ.batch", "--dry-run", "--format", "jsonl"],
      ["check", "environ.batch", "--allow-read", "/"],
      ["check", "params.batch"],
      ["compile", "params.batch", "--dry-run", "--format", "json"],
    ]) {
      const r = await batchc(args);
      expect(r.code).toBe(1);
      outputs.push(r.stdout, r.stderr);
      // Diagnostics are text on stderr, or JSON on stdout with a JSON format.
      const shown = `${r.stderr}${r.stdout}`;
      expect(shown).toMatch(args.includes("--allow-read") ? /BC3038[\s\S]*cannot read `\/proc\/self\/environ`: it is a special file/ : /BC3037[\s\S]*`\/proc\/self\/environ` is outside the project/);
    }
    expect(outputs.join("\n")).not.toContain(SECRET);
    expect(outputs.join("\n")).not.toContain("wJalr");
  });

  it("`/etc/passwd`, `glob(\"/etc/*\")` and `../` paths are outside the project; `--allow-read` lets a folder in", async () => {
    writeFileSync(path.join(dir, "above.csv"), "id\nA\n");
    write("outside.batch", `${DEFAULTS}for l in lines("/etc/passwd") { run l {} }\nfor f in glob("/etc/*") { run f {} }\nfor f in glob("../../etc/ssh/*") { run f {} }\nfor r in csv("../above.csv") { run r.id {} }\n`);
    const r = await batchc(["check", "outside.batch"]);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/error\[BC3037\]: `[^`]+`/g)).toEqual([
      "error[BC3037]: `/etc/passwd`",
      "error[BC3037]: `/etc`",
      "error[BC3037]: `../../etc/ssh`",
      "error[BC3037]: `../above.csv`",
    ]);
    expect(r.stderr).not.toContain("root:");
    write("above.batch", `${DEFAULTS}for r in csv("../above.csv") { run r.id {} }\n`);
    expect((await batchc(["check", "above.batch"])).code).toBe(1);
    const allowed = await batchc(["compile", "above.batch", "--allow-read", "..", "--dry-run", "--format", "jsonl"]);
    expect(allowed.stderr).not.toContain("error");
    expect(allowed.stdout).toBe('{"runSettingId":"A","outputUri":"s3://lab-results/x/"}\n');
  });
});

describe("special files (devices, FIFOs) are refused at once", () => {
  it('csv("/dev/zero") and csv("fifo.csv") fail with BC3038 instead of growing or blocking', async () => {
    write("special.batch", `${DEFAULTS}for r in csv("/dev/zero") { run "x" {} }\nfor r in csv("fifo.csv") { run "y" {} }\n`);
    await new Promise<void>((resolve, reject) => execFile("mkfifo", [path.join(project, "fifo.csv")], (e) => (e ? reject(e) : resolve())));
    for (const allow of [[], ["--allow-read", "/"]]) {
      const r = await batchc(["check", "special.batch", ...allow]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error[BC3038]: cannot read `fifo.csv`: it is a named pipe (FIFO), not a regular file");
      expect(r.stderr).toContain(allow.length === 0 ? "error[BC3037]: `/dev/zero` is outside the project" : "error[BC3038]: cannot read `/dev/zero`: it is a special file (under /dev)");
    }
  });
});

describe("glob", () => {
  it("follows symbolic links to files inside the project (A, B files and C links give 3 runs)", async () => {
    const reads = path.join(project, "links");
    mkdirSync(path.join(reads, "fastq"), { recursive: true });
    mkdirSync(path.join(reads, "store"));
    for (const s of ["A", "B"]) for (const m of ["R1", "R2"]) writeFileSync(path.join(reads, "fastq", `${s}_${m}.fastq.gz`), "");
    for (const m of ["R1", "R2"]) {
      writeFileSync(path.join(reads, "store", `C_${m}.fastq.gz`), "");
      symlinkSync(path.join(reads, "store", `C_${m}.fastq.gz`), path.join(reads, "fastq", `C_${m}.fastq.gz`));
    }
    writeFileSync(path.join(reads, "pairs.batch"), `${DEFAULTS}for p in pair_reads(glob("fastq/*.fastq.gz")) { run p.sample {} }\n`);
    const r = await batchc(["compile", "pairs.batch", "--dry-run", "--format", "jsonl"], reads);
    expect(r.stderr).toContain("runs       3");
    expect(r.stdout.trimEnd().split("\n").map((l) => (JSON.parse(l) as { runSettingId: string }).runSettingId)).toEqual(["A", "B", "C"]);
  });

  it("refuses a symbolic link that leads outside the project", async () => {
    const reads = path.join(project, "escape");
    mkdirSync(path.join(reads, "fastq"), { recursive: true });
    writeFileSync(path.join(dir, "D_R1.fastq.gz"), "");
    symlinkSync(path.join(dir, "D_R1.fastq.gz"), path.join(reads, "fastq", "D_R1.fastq.gz"));
    writeFileSync(path.join(reads, "escape.batch"), `${DEFAULTS}for f in glob("fastq/*") { run f {} }\n`);
    const r = await batchc(["check", "escape.batch"], reads);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC3037]: `fastq/D_R1.fastq.gz` is outside the project");
  });

  it("reports a folder it cannot read instead of saying that no file matches", async () => {
    const base = path.join(project, "locked");
    mkdirSync(path.join(base, "data", "private"), { recursive: true });
    writeFileSync(path.join(base, "data", "a.csv"), "id\nA\n");
    const file = path.join(base, "locked.batch");
    writeFileSync(file, `${DEFAULTS}for f in glob("data/**/*.csv") { run f {} }\n`);
    // As root, permissions do not stop a read: the failing read comes from the host then.
    const locked = path.join(base, "data", "private");
    chmodSync(locked, 0o000);
    const host: Host =
      process.getuid?.() === 0
        ? {
            ...nodeHost,
            listFiles: (d, accept) =>
              nodeHost.listFiles(d, accept).length >= 0 && d.endsWith(`${path.sep}data`)
                ? (() => {
                    throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: "EACCES", path: locked });
                  })()
                : [],
          }
        : nodeHost;
    const r = await runCli(["check", file], { host });
    chmodSync(locked, 0o755);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC3013]: cannot read `data/private`: permission denied");
    expect(r.stderr).not.toContain("no file matches");
  });
});

describe("bytes that are not UTF-8", () => {
  it('`run "S\\xff1"` is BC1050 at its line and column', async () => {
    write("bytes.batch", Buffer.concat([Buffer.from(`${DEFAULTS}run "S`), Buffer.from([0xff]), Buffer.from('1" {}\n')]));
    const r = await batchc(["compile", "bytes.batch", "-o", "bytes.json"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "error[BC1050]: invalid UTF-8 at line 2, column 7\n --> bytes.batch:2:7\n  |\n2 | run \"S\uFFFD1\" {}\n  |       ^ not UTF-8\nhelp: save the file as UTF-8 (the byte here is shown as U+FFFD)\n\n1 error\n",
    );
  });
});
