// Strings from outside reach the terminal escaped: a service that answers with ANSI and OSC
// escapes, carriage returns, bidi controls, credentials and a 5 MB text (`status`, `runs`), and
// CSV cells carrying the same (`compile --dry-run`'s table, `check`'s diagnostics). Also: the
// tables line up wide characters.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayWidth } from "@batchc/text";
import { runCli } from "./harness.js";
import { runOmics } from "./omics-harness.js";

const HOSTILE = "x\u001b[2J\u001b]0;pwned\u0007\r\u202eevil";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const KEY_ID = "AKIAIOSFODNN7EXAMPLE";
const TOKEN = `IQoJb3JpZ2luX2VjE${"A1b2C3d4".repeat(20)}`;

/** No raw control character but the line breaks; no credential. */
function expectSafe(text: string): void {
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  for (const s of [SECRET, KEY_ID, TOKEN, "hunter2"]) expect(text).not.toContain(s);
}

let server: Server;
let url = "";

beforeAll(async () => {
  // A HealthOmics endpoint whose replies carry hostile text: GetBatch and ListRunsInBatch.
  server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (/\/run(\?|$)/.test(req.url ?? "")) {
      res.end(
        JSON.stringify({
          runs: [
            { runSettingId: `r-東京サンプル`, runId: "1111111", submissionStatus: "SUCCESS" },
            { runSettingId: "r-1", submissionStatus: "FAILED", submissionFailureReason: "ValidationException", submissionFailureMessage: `${HOSTILE} secret=${SECRET}` },
          ],
        }),
      );
      return;
    }
    res.end(
      JSON.stringify({
        id: "1234567",
        arn: "arn:aws:omics:us-east-1:123456789012:runBatch/1234567",
        name: `cohort ${HOSTILE}`,
        status: "FAILED",
        failureReason: `${HOSTILE} key ${KEY_ID} aws_secret_access_key=${SECRET} token ${TOKEN} http://u:hunter2@h/ ${"y".repeat(5_000_000)}`,
        totalRuns: 2,
        submissionSummary: { successfulStartSubmissionCount: 1, failedStartSubmissionCount: 1, pendingStartSubmissionCount: 0 },
        runSummary: {},
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const env = { AWS_ACCESS_KEY_ID: "AKIDTEST", AWS_SECRET_ACCESS_KEY: "secret", AWS_REGION: "us-east-1" };

describe("service replies", () => {
  it("status prints the name and reason escaped, masked and cut", async () => {
    const r = await runOmics(["status", "1234567", "--endpoint-url", url], { env });
    expect(r.code).toBe(0);
    expectSafe(r.stdout);
    expect(r.stdout).toContain("batch      1234567  cohort x\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\u202eevil\n");
    expect(r.stdout).toMatch(/reason {5}x\\x1b\[2J.* key AKIA\*{16} aws_secret_access_key=\*\*\*\* token \*\*\*\* http:\/\/\*\*\*\*@h\/ y+… \(cut: 5,000,\d{3} characters in all\)\n/);
    expect(r.stdout.length).toBeLessThan(5000);
  });

  it("runs prints a table with the reply's escapes shown, wide characters aligned", async () => {
    const r = await runOmics(["runs", "1234567", "--endpoint-url", url], { env });
    expect(r.code).toBe(0);
    expectSafe(r.stdout);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[2]).toContain("x\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\u202eevil secret=****");
    // The status column starts at the same terminal column on every line.
    const status = lines.map((l) => displayWidth(l.slice(0, l.search(/submissionStatus|SUCCESS|FAILED/))));
    expect(status[0]).toBeGreaterThan(14);
    expect(new Set(status).size).toBe(1);
    expect(lines[1]).toMatch(/^r-東京サンプル {2}\S/);
  });
});

describe("data files", () => {
  const program = `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/demo/"
}
let rows: [{ id: string, note: string, n: int }] = csv("s.csv")
for r in rows { run r.id { params { note = r.note, n = r.n } } }
`;
  const csv = `id,note,n\nr-東京サンプル,"${HOSTILE.replace(/"/g, '""')}",1\nr-2,key ${KEY_ID} secret=${SECRET},2\n`;

  it("the --dry-run table shows CSV cells escaped and masked, aligned by display width", async () => {
    const r = await runCli(["compile", "p.batch", "--dry-run"], { files: { "p.batch": program, "s.csv": csv } });
    expect(r.code).toBe(0);
    expectSafe(r.stdout);
    const table = r.stdout.split("\n\n")[1]?.trimEnd().split("\n") ?? [];
    expect(table[1]).toContain("x\\x1b[2J\\x1b]0;pwned\\x07\\x0d\\u202eevil");
    expect(table[2]).toContain(`key AKIA${"*".repeat(16)} secret=****`);
    const at = (l: string): number => displayWidth(l.slice(0, l.indexOf("s3://")));
    expect(new Set(table.slice(1).map(at)).size).toBe(1);
  });

  it("diagnostics quote a hostile CSV cell escaped, never raw", async () => {
    const bad = `id,note,n\nr-1,ok,"${HOSTILE.replace(/"/g, '""')} ${SECRET}"\n`;
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": program, "s.csv": bad } });
    expect(r.code).toBe(1);
    expectSafe(r.stderr);
    // The message quotes the cell as JSON does; what JSON leaves raw (U+202E) is escaped too.
    expect(r.stderr).toContain('error[BC3014]: bad `int` value "x\\u001b[2J\\u001b]0;pwned\\u0007\\r\\u202eevil ****"');
  });
});

describe("source lines in diagnostics", () => {
  it("are shown with control characters escaped, the caret under the right columns", async () => {
    const src = `defaults {\n  workflowId = "1234567"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n}\nrun "東京\u001b[2J\u202e" { priorty = 1 }\n`;
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": src } });
    expect(r.code).toBe(1);
    expectSafe(r.stderr);
    const lines = r.stderr.split("\n");
    const at = lines.findIndex((l) => l.startsWith("5 |"));
    expect(lines[at]).toBe('5 | run "東京\\x1b[2J\\u202e" { priorty = 1 }');
    // The carets start under `priorty`, counted in terminal columns (the wide characters take two).
    const shown = lines[at] as string;
    const caret = lines[at + 1] as string;
    expect(displayWidth(caret.slice(0, caret.indexOf("^")))).toBe(displayWidth(shown.slice(0, shown.indexOf("priorty"))));
    expect(caret).toMatch(/\|\s+\^{7}( |$)/);
  });
});
