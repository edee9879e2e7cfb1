// The shipped executable in a real pseudo-terminal (util-linux `script`), 60 and 120 columns
// wide: progress (the settings-file upload, `--wait`, the pages of `runs`) is one line redrawn
// in place and never wider than the terminal, and Ctrl-C during `--wait` says the batch goes on.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { makeTestS3, type TestS3 } from "../omics-endpoint/sdk.js";
import { startOmicsEndpoint, type OmicsEndpoint } from "../omics-endpoint/server.js";
import { cliProcessEnv } from "./process-env.js";
import { ids, program } from "./omics-harness.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");
const BUCKET = "batchc-terminal-with-a-rather-long-bucket-name";
const CLEAR = "\r\u001b[2K";
let dir: string;
let s3: TestS3;
let endpoint: OmicsEndpoint;

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `batchc ARGS` on a terminal `columns` wide; the terminal's output with `\r\n` read as
 * `\n`. `interruptOn`: when the output contains it, Ctrl-C is typed.
 */
function inTerminal(columns: number, args: string[], interruptOn?: string): Promise<{ code: number; output: string }> {
  const command = `stty cols ${columns} rows 24 && exec ${quote(process.execPath)} ${quote(bin)} ${args.map(quote).join(" ")}`;
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-qfec", command, "/dev/null"], {
      cwd: dir,
      env: cliProcessEnv({ HOME: dir, TERM: "xterm" }),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    let typed = false;
    child.stdout.on("data", (b: Buffer) => {
      output += b.toString("utf8");
      if (interruptOn !== undefined && !typed && output.includes(interruptOn)) {
        typed = true;
        child.stdin.write("\u0003");
      }
    });
    child.stderr.on("data", (b: Buffer) => (output += b.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output: output.replace(/\r\n/g, "\n") }));
  });
}

/** The screen lines of the output; each is the list of texts drawn on it (`\r` starts a redraw). */
function screenLines(output: string): string[][] {
  return output.split("\n").map((line) => line.split("\r").map((s) => s.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "")));
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-terminal-"));
  s3 = makeTestS3(inject("s3Endpoint"));
  await s3.createBucket(BUCKET);
  endpoint = await startOmicsEndpoint({ s3Endpoint: inject("s3Endpoint") });
  writeFileSync(path.join(dir, "big.batch"), program(ids(150), { name: "terminal-cohort-with-a-long-name", settings: `s3://${BUCKET}/batches/deeply/nested/prefix/` }));
  writeFileSync(path.join(dir, "small.batch"), program(ids(3), { name: "interrupted" }));
});

afterAll(async () => {
  await endpoint?.close();
  s3?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([60, 120])("on a terminal %i columns wide", (columns) => {
  it("uploads, starts and follows a batch with progress redrawn in place on one line, never wider than the terminal", async () => {
    const r = await inTerminal(columns, [
      "submit",
      "big.batch",
      "--wait",
      "--poll-interval",
      "0.05",
      "--request-id",
      `terminal-${columns}`,
      "--endpoint-url",
      endpoint.url,
      "--s3-endpoint-url",
      inject("s3Endpoint"),
    ]);
    expect(r.code).toBe(0);
    const lines = screenLines(r.output);
    // Every text that was drawn and then redrawn (all but the last on its line) fits the terminal.
    const redrawn = lines.flatMap((segments) => segments.slice(0, -1));
    expect(redrawn.filter((s) => [...s].length > columns - 1)).toEqual([]);
    // The wait: one screen line holds every poll's bar, the last state written over them.
    const waiting = lines.filter((segments) => segments.some((s) => /^\[[#-]{20}\] batch \d+ /.test(s)));
    expect(waiting).toHaveLength(1);
    const polls = (waiting[0] as string[]).filter((s) => /^\[[#-]{20}\] /.test(s));
    expect(polls.length).toBeGreaterThanOrEqual(3);
    expect((waiting[0] as string[]).at(-1)).toMatch(/^batch \d+ PROCESSED: 150\/150 submitted/);
    // No line was left behind by the bars: the output is the result, the final state and the batch's lines.
    expect(r.output.split("\n").length).toBeLessThan(30);
    expect(r.output).toContain(CLEAR);
  });

  it("shows the pages of `runs` as they are read, then clears that line", async () => {
    const id = `${5000000 + endpoint.state.batches.size}`;
    const r = await inTerminal(columns, ["runs", id, "--format", "csv", "--endpoint-url", endpoint.url]);
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/reading the runs of batch \d+: page 1, 100 runs/);
    expect(r.output).toMatch(/page 2, 150 runs\r\u001b\[2K/);
    const csv = r.output.split("\n").filter((l) => /^r\d+,/.test(l));
    expect(csv).toHaveLength(150);
    for (const segments of screenLines(r.output)) for (const s of segments.slice(0, -1)) expect([...s].length).toBeLessThanOrEqual(columns - 1);
  });
});

describe("Ctrl-C during --wait", () => {
  it("ends the wait with exit code 130 and says the batch keeps running and how to follow it", async () => {
    const r = await inTerminal(80, ["submit", "small.batch", "--wait", "--poll-interval", "30", "--endpoint-url", endpoint.url], "] batch ");
    expect(r.code).toBe(130);
    const id = /batch +(\d+)/.exec(r.output)?.[1];
    expect(r.output).toContain(`interrupted: the batch keeps running; follow it with \`batchc status ${id}\`\n`);
    expect(endpoint.batch(id as string)).toBeDefined();
  });
});
