#!/usr/bin/env node
// Prints the last line of a CI run, `N passed, N failed, N skipped`, from vitest's JSON report
// (and the test command's exit code), and exits 1 unless the run was a clean success.
//
//   node scripts/test-summary.mjs REPORT.json [--exit-code N]
//
// N failed counts failed tests, never files or describe blocks; skipped counts skipped and todo
// tests. A failing run never reads `0 failed`: tests that never finished and files that failed
// outside their tests count as failed, and a failure the report cannot show (an unhandled error,
// no test at all, a missing report) counts as one. The reasons come on the lines before it, so
// the summary is always the last line and stands alone. The report alone cannot show everything: a crashed worker leaves its tests unfinished
// while the report still says `success: true`, and an unhandled error after the tests is not in
// the report at all (only in vitest's exit code). So the line reads `FAILED: …` and the exit code
// is 1 when the command exited non-zero, when the report is missing or unreadable, when a test
// failed, when a test file failed outside its tests, when a test never finished, when the
// report's totals do not add up, or when no test ran.
import { readFileSync } from "node:fs";

/** The verdict on a report: the line to print and the exit code. */
function summarize(report, exitCode) {
  const tests = [];
  const fileErrors = [];
  for (const file of Array.isArray(report?.testResults) ? report.testResults : []) {
    const results = Array.isArray(file?.assertionResults) ? file.assertionResults : [];
    tests.push(...results);
    if (file?.status === "failed" && !results.some((t) => t?.status === "failed")) {
      fileErrors.push(`${file.name ?? "a test file"}: ${oneLine(file.message) || "failed outside its tests"}`);
    }
  }
  const count = (...statuses) => tests.filter((t) => statuses.includes(t?.status)).length;
  const passed = count("passed");
  const failed = count("failed");
  const skipped = count("skipped", "todo", "disabled");
  const unfinished = tests.length - passed - failed - skipped;
  const counts = `${passed} passed, ${failed} failed, ${skipped} skipped`;

  const problems = [];
  if (exitCode !== undefined && exitCode !== 0) {
    problems.push(
      failed > 0 || fileErrors.length > 0
        ? `the test command exited with code ${exitCode}`
        : `the test command exited with code ${exitCode} (an unhandled error or a crashed worker: see its output above)`,
    );
  }
  if (unfinished > 0) problems.push(`${unfinished} ${unfinished === 1 ? "test" : "tests"} never finished (a crashed worker?)`);
  problems.push(...fileErrors.map((e) => `test file failed: ${e}`));
  const reported = [report?.numTotalTests, report?.numPassedTests, report?.numFailedTests];
  const expected = [tests.length, passed, failed];
  if (reported.some((n, i) => n !== expected[i])) {
    problems.push(`the report's totals do not add up (${reported.map(String).join("/")} total/passed/failed reported, ${expected.join("/")} listed)`);
  }
  if (tests.length === 0) problems.push("no test ran");
  if (failed === 0 && problems.length === 0) return { lines: [counts], code: 0 };
  const shownFailed = Math.max(1, failed + unfinished + fileErrors.length);
  return { lines: [...problems.map((p) => `why: ${p}`), failingLine(passed, shownFailed, skipped)], code: 1 };
}

/** The last line of a failing run: its failed count is at least one. */
function failingLine(passed, failed, skipped) {
  return `FAILED: ${passed} passed, ${Math.max(1, failed)} failed, ${skipped} skipped`;
}

/** The first line of a message, without control characters, at most 200 characters. */
function oneLine(text) {
  const first = String(text ?? "").split("\n")[0] ?? "";
  const clean = first.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return clean.length > 200 ? `${clean.slice(0, 199)}…` : clean;
}

function main(argv) {
  const args = [...argv];
  let exitCode;
  const at = args.indexOf("--exit-code");
  if (at >= 0) {
    exitCode = Number(args[at + 1]);
    args.splice(at, 2);
    if (!Number.isInteger(exitCode)) {
      console.log("why: `--exit-code` takes the test command's exit code");
      console.log(failingLine(0, 1, 0));
      return 1;
    }
  }
  const file = args[0] ?? ".vitest-results.json";
  let report;
  try {
    report = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    const why = exitCode !== undefined && exitCode !== 0 ? `; the test command exited with code ${exitCode}` : "";
    console.log(`why: no readable test report at ${file}: the test run did not finish${why}`);
    console.log(failingLine(0, 1, 0));
    return 1;
  }
  const { lines, code } = summarize(report, exitCode);
  for (const line of lines) console.log(line);
  return code;
}

process.exitCode = main(process.argv.slice(2));
