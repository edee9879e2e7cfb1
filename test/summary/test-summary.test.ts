// scripts/test-summary.mjs on vitest JSON reports recorded from real runs (vitest 4.1, paths made
// relative): the line CI ends with, and its exit code, for each way a run can go.
//   crashed-worker   a test killed its own worker (SIGKILL); vitest exited 1, report says success
//   unhandled-error  a test passed and left an error thrown from a timer; vitest exited 1
//   nested-failure   one failing test inside three nested describes; vitest exited 1
//   zero-tests       no test file at all, with --passWithNoTests; vitest exited 0
//   skipped          one passing test, one it.skip, one it.todo; vitest exited 0
//   broken-import    a test file whose import fails; vitest exited 1
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../scripts/test-summary.mjs", import.meta.url));
const report = (name: string): string => fileURLToPath(new URL(`./reports/${name}.json`, import.meta.url));

function summary(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CRASH = "(an unhandled error or a crashed worker: see its output above)";

describe("scripts/test-summary.mjs", () => {
  it.each([
    ["crashed-worker", 1, `why: the test command exited with code 1 ${CRASH}\nwhy: 2 tests never finished (a crashed worker?)\nFAILED: 1 passed, 2 failed, 0 skipped`],
    ["unhandled-error", 1, `why: the test command exited with code 1 ${CRASH}\nFAILED: 1 passed, 1 failed, 0 skipped`],
    ["nested-failure", 1, "why: the test command exited with code 1\nFAILED: 2 passed, 1 failed, 0 skipped"],
    ["zero-tests", 0, "why: no test ran\nFAILED: 0 passed, 1 failed, 0 skipped"],
    ["skipped", 0, "1 passed, 0 failed, 2 skipped"],
    [
      "broken-import",
      1,
      "why: the test command exited with code 1\nwhy: test file failed: broken.test.ts: " +
        "Cannot find module './does-not-exist.js' imported from broken.test.ts\nwhy: no test ran\nFAILED: 0 passed, 1 failed, 0 skipped",
    ],
  ])("%s (vitest exited %i)", (name, vitestExit, output) => {
    const r = summary([report(name), "--exit-code", String(vitestExit)]);
    expect(r).toEqual({ code: output.includes("FAILED") ? 1 : 0, stdout: `${output}\n`, stderr: "" });
    // The summary is the last line, alone, and a failing run never reads `0 failed`.
    const last = output.split("\n").at(-1) ?? "";
    expect(last).toMatch(/^(FAILED: )?\d+ passed, \d+ failed, \d+ skipped$/);
    if (output.includes("FAILED")) expect(last).not.toMatch(/ 0 failed/);
  });

  it("the report alone still fails a crashed worker, a failed test and a broken file", () => {
    expect(summary([report("crashed-worker")])).toMatchObject({ code: 1, stdout: "why: 2 tests never finished (a crashed worker?)\nFAILED: 1 passed, 2 failed, 0 skipped\n" });
    expect(summary([report("nested-failure")])).toMatchObject({ code: 1, stdout: "FAILED: 2 passed, 1 failed, 0 skipped\n" });
    expect(summary([report("broken-import")]).code).toBe(1);
  });

  it("a non-zero exit fails even a clean report", () => {
    expect(summary([report("skipped"), "--exit-code", "2"])).toMatchObject({
      code: 1,
      stdout: `why: the test command exited with code 2 ${CRASH}\nFAILED: 1 passed, 1 failed, 2 skipped\n`,
    });
  });

  it("a report whose totals do not add up is a failing line", () => {
    const dir = mkdtempSync(join(tmpdir(), "batchc-summary-"));
    try {
      const edited = { ...(JSON.parse(readFileSync(report("skipped"), "utf8")) as Record<string, unknown>), numPassedTests: 2 };
      writeFileSync(join(dir, "report.json"), JSON.stringify(edited));
      expect(summary([join(dir, "report.json"), "--exit-code", "0"])).toMatchObject({
        code: 1,
        stdout: "why: the report's totals do not add up (3/2/0 total/passed/failed reported, 3/1/0 listed)\nFAILED: 1 passed, 1 failed, 2 skipped\n",
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a missing report is a failing line", () => {
    const r = summary([report("no-such-report"), "--exit-code", "1"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^why: no readable test report at .*no-such-report\.json: the test run did not finish; the test command exited with code 1\nFAILED: 0 passed, 1 failed, 0 skipped\n$/);
  });
});
