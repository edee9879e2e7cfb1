// The shipped executable writing to a reader that has gone away (`batchc … | head`): every kind
// of command ends quietly with exit 0: no EPIPE, no stack trace, no error on stderr (a status
// line written before the output, such as `submit`'s "follow it with", may still be there).
import { spawn } from "node:child_process";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOmicsEndpoint, type OmicsEndpoint } from "../omics-endpoint/server.js";
import { cliProcessEnv } from "./process-env.js";

const root = path.resolve(import.meta.dirname, "../..");
const bin = path.join(root, "packages/cli/bin/batchc.js");
const example = path.join(root, "examples/small-inline/tumor-normal.batch");
let endpoint: OmicsEndpoint;

/** Runs the executable with its standard output closed before it writes anything. */
function closedStdout(args: string[]): Promise<{ code: number | null; signal: string | null; failure: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      env: cliProcessEnv(),
    });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code, signal) => resolve({ code, signal, failure: /error|EPIPE|^\s+at /im.test(stderr) }));
  });
}

beforeAll(async () => {
  endpoint = await startOmicsEndpoint();
});
afterAll(async () => {
  await endpoint.close();
});

describe("a closed standard output", () => {
  it.each([
    ["--help", ["--help"]],
    ["--version", ["--version"]],
    ["compile", ["compile", example]],
    ["check", ["check", example, "--format", "json"]],
    ["compile --dry-run", ["compile", example, "--dry-run"]],
  ])("%s ends quietly", async (_, args) => {
    expect(await closedStdout(args)).toEqual({ code: 0, signal: null, failure: false });
  });

  it("submit, cancel, status, runs, list, resubmit --dry-run and delete end quietly", async () => {
    const url = ["--endpoint-url", endpoint.url];
    expect(await closedStdout(["submit", example, ...url])).toEqual({ code: 0, signal: null, failure: false });
    const [id] = [...endpoint.state.batches.keys()];
    expect(id).toBe("5000001");
    await endpoint.advance("5000001", 3);
    const commands = [
      ["cancel", "5000001", "--yes"],
      ["status", "5000001"],
      ["runs", "5000001"],
      ["list"],
      ["resubmit", "5000001", example, "--dry-run"],
      ["status", "5000001", "--chain"],
      ["delete", "5000001", "--yes"],
    ];
    for (const args of commands) {
      expect([args[0], await closedStdout([...args, ...url])]).toEqual([args[0], { code: 0, signal: null, failure: false }]);
    }
    expect(endpoint.state.batches.size).toBe(0);
  });
});
