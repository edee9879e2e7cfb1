// `pnpm try` (scripts/try.mjs) runs the loop against the sandbox and prints exactly the output
// the README's "Try it" section shows as real output.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import { root } from "./processes.js";

it("pnpm try prints what the README shows", async () => {
  const home = mkdtempSync(path.join(tmpdir(), "batchc-try-"));
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) =>
      execFile(process.execPath, [path.join(root, "scripts/try.mjs")], { cwd: root, env: { PATH: process.env.PATH, HOME: home, NO_COLOR: "1" } }, (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code) : 0, output: stdout + stderr }),
      ),
    );
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const shown = /```text\n(\$ batchc sandbox --port 0[\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBe(0);
    expect(output).toBe(shown);
    expect(output).toContain("resubmitting 1 run of batch 5000001 (1 failed to start, 0 missing)\n");
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
