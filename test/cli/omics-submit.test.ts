// `batchc submit` through the real Omics client against the local test endpoint (and moto for
// settings files above 100 runs): output, idempotency, request bodies, --dry-run and --wait.
import { inject, describe, expect, it } from "vitest";
import { makeTestS3 } from "../omics-endpoint/sdk.js";
import { endpoints, ids, program, receivedIds, runOmics } from "./omics-harness.js";

const start = endpoints();
const s3Endpoint = inject("s3Endpoint");
const NOW = new Date("2026-03-04T05:06:07.000Z");
const ARN = "arn:aws:omics:us-east-1:123456789012:runBatch";
const files = { "cohort.batch": program(ids(3)) };

/** The requestId `batchc compile` derives for `cohort.batch`. */
async function compiledRequest(f: Record<string, string> = files, file = "cohort.batch"): Promise<Record<string, unknown>> {
  const r = await runOmics(["compile", file], { files: f });
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

describe("submit", () => {
  it("starts the compiled request and prints id, arn, status and uuid", async () => {
    const ep = await start({ now: () => NOW });
    const request = await compiledRequest();
    const r = await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "batch      5000001  cohort",
        "status     CREATING",
        `arn        ${ARN}/5000001`,
        "uuid       00000000-0000-4000-a000-000005000001",
        "runs       3, inline in the request",
        `requestId  ${String(request.requestId)}`,
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("follow it with `batchc status 5000001` and `batchc runs 5000001`\n");
    expect(String(request.requestId)).toMatch(/^batchc-[0-9a-f]{32}$/);
    const sent = ep.requestsOf("StartRunBatch");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toEqual(request);
    expect(receivedIds(ep, "5000001")).toEqual(["r1", "r2", "r3"]);
  });

  it("prints the result as json", async () => {
    const ep = await start();
    const request = await compiledRequest();
    const r = await runOmics(["submit", "cohort.batch", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      formatVersion: 1,
      id: "5000001",
      arn: `${ARN}/5000001`,
      status: "CREATING",
      uuid: "00000000-0000-4000-a000-000005000001",
      batchName: "cohort",
      requestId: request.requestId,
      runCount: 3,
      settingsUri: null,
    });
  });

  it("submitting the same file twice makes one batch", async () => {
    const ep = await start();
    const first = await runOmics(["submit", "cohort.batch", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    const second = await runOmics(["submit", "cohort.batch", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(ep.state.batches.size).toBe(1);
    const sent = ep.requestsOf("StartRunBatch").map((q) => (q.body as { requestId: string }).requestId);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
  });

  it("a changed program is a new batch (with --allow-duplicate while the first is under way)", async () => {
    const ep = await start();
    await runOmics(["submit", "cohort.batch", "--endpoint-url", ep.url], { endpoint: ep, files });
    const changed = { "cohort.batch": program(ids(4)) };
    const r = await runOmics(["submit", "cohort.batch", "--allow-duplicate", "--endpoint-url", ep.url], { endpoint: ep, files: changed });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("batch      5000002  cohort\n");
    expect(ep.state.batches.size).toBe(2);
  });

  it("--request-id replaces the derived one", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch", "--request-id", "my-token-1", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("requestId  my-token-1\n");
    expect((ep.requestsOf("StartRunBatch")[0]?.body as { requestId: string }).requestId).toBe("my-token-1");
  });

  it("--dry-run shows the request and sends nothing", async () => {
    const ep = await start();
    const request = await compiledRequest();
    const r = await runOmics(["submit", "cohort.batch", "--dry-run", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "dry run: nothing is uploaded or started",
        "batch      cohort",
        "runs       3, inline in the request",
        `requestId  ${String(request.requestId)}`,
        `endpoint   ${ep.url}`,
        "",
        "StartRunBatch request:",
        JSON.stringify(request, null, 2),
        "",
      ].join("\n"),
    );
    const json = await runOmics(["submit", "cohort.batch", "--dry-run", "--format", "json"], { endpoint: ep, files });
    expect(JSON.parse(json.stdout)).toEqual({ formatVersion: 1, dryRun: true, endpoint: "HealthOmics in us-east-1", runCount: 3, settingsFile: null, request });
    expect(ep.requests).toHaveLength(0);
  });

  it("takes the endpoint from AWS_ENDPOINT_URL_OMICS", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch"], { endpoint: ep, files, env: { AWS_ENDPOINT_URL_OMICS: ep.url } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("batch      5000001  cohort\n");
    expect(ep.requests[0]?.headers.host).toBe(ep.url.replace("http://", ""));
  });

  it("signs for the --region given", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch", "--region", "eu-west-1", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      "error: AWS did not accept the credentials (InvalidSignatureException): Credential should be scoped to a valid region, not 'eu-west-1'\n" +
        "help: check the access key and secret of the profile in use (`--profile` or `AWS_PROFILE`), that the system clock is correct, and that the Region is right\n",
    );
    expect(String(ep.requests[0]?.headers.authorization)).toContain("/eu-west-1/omics/aws4_request");
  });

  it("reports program errors with exit 1 and sends nothing", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "bad.batch", "--endpoint-url", ep.url], { endpoint: ep, files: { "bad.batch": "defaults { workflowId = 1 }\n" } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[BC\d{4}\]/);
    expect(ep.requests).toHaveLength(0);
  });

  it("rejects options that do not go together", async () => {
    const cases: [string[], string][] = [
      [["--poll-interval", "5"], "error: `--poll-interval` goes with `--wait`\nhelp: add `--wait` to follow the batch\n"],
      [["--dry-run", "--wait"], "error: `--dry-run` and `--wait` do not go together\nhelp: a dry run starts nothing to wait for\n"],
      [["--max-attempts", "0"], "error: `--max-attempts` takes a whole number from 1 to 100, not `0`\nhelp: for example `--max-attempts 5`\n"],
      [["--wait", "--poll-interval", "soon"], "error: `--poll-interval` takes a number of seconds above 0, not `soon`\nhelp: for example `--poll-interval 30`\n"],
      [["--request-id", "x".repeat(129)], "error: `--request-id` must be 1 to 128 printable characters\n"],
    ];
    for (const [extra, stderr] of cases) {
      const r = await runOmics(["submit", "cohort.batch", ...extra], { files });
      expect([r.code, r.stderr]).toEqual([2, stderr]);
    }
  });
});

describe("submit payload.json", () => {
  const body = {
    batchName: "from-json",
    defaultRunSetting: { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole", outputUri: "s3://out-bucket/runs/" },
    batchRunSettings: { inlineSettings: [{ runSettingId: "a" }, { runSettingId: "b" }] },
  };

  it("derives a requestId from the body, so the same body starts one batch", async () => {
    const ep = await start();
    const reordered = { batchRunSettings: body.batchRunSettings, defaultRunSetting: body.defaultRunSetting, batchName: body.batchName };
    const f = { "req.json": JSON.stringify(body), "again.json": JSON.stringify(reordered, null, 4) };
    const first = await runOmics(["submit", "req.json", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    const second = await runOmics(["submit", "again.json", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    expect([first.code, second.code]).toEqual([0, 0]);
    const out = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({ id: "5000001", batchName: "from-json", runCount: 2, settingsUri: null });
    expect(String(out.requestId)).toMatch(/^batchc-[0-9a-f]{32}$/);
    expect((JSON.parse(second.stdout) as Record<string, unknown>).requestId).toBe(out.requestId);
    expect(ep.state.batches.size).toBe(1);
    expect(ep.requestsOf("StartRunBatch")[0]?.body).toEqual({ ...body, requestId: out.requestId });
  });

  it("keeps the body's requestId, unless --request-id is given", async () => {
    const ep = await start();
    const f = { "req.json": JSON.stringify({ ...body, requestId: "given-1" }) };
    await runOmics(["submit", "req.json", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    await runOmics(["submit", "req.json", "--request-id", "given-2", "--allow-duplicate", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    expect(ep.requestsOf("StartRunBatch").map((q) => (q.body as { requestId: string }).requestId)).toEqual(["given-1", "given-2"]);
  });

  it("rejects a file that is not JSON, not readable, or not a valid request, with exit 1", async () => {
    const ep = await start();
    const f = {
      "broken.json": "{ not json",
      "wrong.json": JSON.stringify({ ...body, defaultRunSetting: { workflowId: "abc" }, extra: 1 }),
    };
    const broken = await runOmics(["submit", "broken.json", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^error: `broken\.json` is not valid JSON: .+\nhelp: pass a StartRunBatch request body \(such as the output of `batchc compile`\) or a \.batch program\n$/);
    const missing = await runOmics(["submit", "missing.json", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    expect([missing.code, missing.stderr]).toEqual([1, "error: cannot read `missing.json`: ENOENT: no such file or directory, open 'missing.json'\n"]);
    const wrong = await runOmics(["submit", "wrong.json", "--endpoint-url", ep.url], { endpoint: ep, files: f });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      [
        "error: `wrong.json` is not a valid StartRunBatch request",
        "  defaultRunSetting.workflowId: `workflowId` must contain only the digits 0-9 (BC4003)",
        "  defaultRunSetting.roleArn: `defaultRunSetting` is missing `roleArn` (BC4008)",
        "  batchRunSettings.inlineSettings[0].outputUri: run `a` has no `outputUri` (BC4012)",
        "  batchRunSettings.inlineSettings[1].outputUri: run `b` has no `outputUri` (BC4012)",
        '  (the body): Unrecognized key: "extra"',
        "help: fix the fields above, or write the batch as a .batch program and let `batchc compile` check it",
        "",
      ].join("\n"),
    );
    expect(ep.requests).toHaveLength(0);
  });
});

describe("submit above 100 runs", () => {
  it("uploads the settings file, starts the batch from it, and reuses the upload the second time", async () => {
    const s3 = makeTestS3(s3Endpoint);
    await s3.createBucket("batchc-cli-submit");
    const ep = await start({ s3Endpoint });
    const f = { "big.batch": program(ids(150), { name: "big", settings: "s3://batchc-cli-submit/batches/" }) };
    const args = ["submit", "big.batch", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint];
    const dry = await runOmics([...args, "--dry-run", "--format", "json"], { endpoint: ep, files: f });
    const preview = JSON.parse(dry.stdout) as { runCount: number; settingsFile: { uri: string; bytes: number }; request: { batchRunSettings: unknown } };
    expect(preview.runCount).toBe(150);
    expect(preview.request.batchRunSettings).toEqual({ s3UriSettings: preview.settingsFile.uri });
    expect(ep.requests).toHaveLength(0);
    const first = await runOmics(args, { endpoint: ep, files: f });
    expect(first.code).toBe(0);
    const uri = /runs {7}150, in (s3:\/\/batchc-cli-submit\/batches\/big-[0-9a-f]{8}\.json) \(\d+\.\d KiB, uploaded\)\n/.exec(first.stdout)?.[1];
    expect(uri).toBe(preview.settingsFile.uri);
    expect(receivedIds(ep, "5000001")).toEqual(ids(150));
    expect(ep.batch("5000001").settingsFile?.uri).toBe(uri);
    const second = await runOmics(args, { endpoint: ep, files: f });
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`in ${uri} (`);
    expect(second.stdout).toContain(", already uploaded with the same content)\n");
    expect(ep.state.batches.size).toBe(1);
    s3.destroy();
  });
});

describe("submit --wait", () => {
  it("follows the batch to PROCESSED with plain lines and exits 0", async () => {
    const ep = await start({ now: () => NOW });
    const r = await runOmics(["submit", "cohort.batch", "--wait", "--poll-interval", "2", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      [
        "batch 5000001 PENDING: 0/3 submitted, 0 failed, 0 running, 0 completed",
        "batch 5000001 SUBMITTING: 0/3 submitted, 0 failed, 0 running, 0 completed",
        "batch 5000001 INPROGRESS: 3/3 submitted, 0 failed, 3 running, 0 completed",
        "batch 5000001 PROCESSED: 3/3 submitted, 0 failed, 0 running, 3 completed",
        "",
      ].join("\n"),
    );
    expect(r.sleeps).toEqual([2000, 2000, 2000]);
    expect(r.stdout.split("\n\n")[1]).toBe(
      [
        "batch      5000001  cohort",
        "status     PROCESSED",
        `arn        ${ARN}/5000001`,
        "uuid       00000000-0000-4000-a000-000005000001",
        "workflow   1234567",
        "runs       3: 3 started, 0 failed to start, 0 waiting to start",
        "           0 running, 3 completed, 0 failed, 0 cancelled",
        "created    2026-03-04T05:06:07.000Z",
        "submitted  2026-03-04T05:06:07.000Z",
        "processed  2026-03-04T05:06:07.000Z",
        "",
      ].join("\n"),
    );
  });

  it("waits 15 seconds between polls by default and adds the final batch to the json", async () => {
    const ep = await start({ now: () => NOW });
    const r = await runOmics(["submit", "cohort.batch", "--wait", "--format", "json", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(0);
    expect(r.sleeps).toEqual([15000, 15000, 15000]);
    const out = JSON.parse(r.stdout) as { id: string; batch: Record<string, unknown> };
    expect(out.id).toBe("5000001");
    expect(out.batch).toMatchObject({
      id: "5000001",
      status: "PROCESSED",
      totalRuns: 3,
      submissionSummary: { successfulStartSubmissionCount: 3, failedStartSubmissionCount: 0 },
      runSummary: { completedRunCount: 3 },
      creationTime: "2026-03-04T05:06:07.000Z",
      processedTime: "2026-03-04T05:06:07.000Z",
    });
  });

  it("repeats an unchanged line at least every five minutes", async () => {
    const ep = await start({ autoAdvance: false });
    let sleeps = 0;
    const r = await runOmics(["submit", "cohort.batch", "--wait", "--poll-interval", "120", "--endpoint-url", ep.url], {
      endpoint: ep,
      files,
      onSleep: async () => {
        if (++sleeps >= 4) await ep.advance("5000001");
      },
    });
    expect(r.code).toBe(0);
    expect(r.sleeps).toEqual(Array<number>(7).fill(120_000));
    expect(r.stderr.split("\n").map((l) => l.split(":")[0])).toEqual([
      "batch 5000001 CREATING",
      "batch 5000001 CREATING",
      "batch 5000001 PENDING",
      "batch 5000001 SUBMITTING",
      "batch 5000001 INPROGRESS",
      "batch 5000001 PROCESSED",
      "",
    ]);
  });

  it("draws a progress bar on a terminal", async () => {
    const ep = await start();
    const r = await runOmics(["submit", "cohort.batch", "--wait", "--endpoint-url", ep.url], { endpoint: ep, files, tty: true });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "\r\u001b[2K[--------------------] batch 5000001 PENDING: 0/3 submitted, 0 failed, 0 running, 0 completed" +
        "\r\u001b[2K[--------------------] batch 5000001 SUBMITTING: 0/3 submitted, 0 failed, 0 running, 0 completed" +
        "\r\u001b[2K[--------------------] batch 5000001 INPROGRESS: 3/3 submitted, 0 failed, 3 running, 0 completed" +
        "\r\u001b[2Kbatch 5000001 PROCESSED: 3/3 submitted, 0 failed, 0 running, 3 completed\n",
    );
  });

  it("exits 1 when runs failed to start", async () => {
    const ep = await start({ failRuns: ["r2"] });
    const r = await runOmics(["submit", "cohort.batch", "--wait", "--endpoint-url", ep.url], { endpoint: ep, files });
    expect(r.code).toBe(1);
    expect(r.stderr.split("\n").slice(-3).join("\n")).toBe(
      "error: 1 run of 3 failed to start\n" +
        "help: see why with `batchc runs 5000001 --status FAILED`; after fixing the cause, start them with `batchc resubmit 5000001 cohort.batch`\n",
    );
    expect(r.stdout).toContain("runs       3: 2 started, 1 failed to start, 0 waiting to start\n");
  });

  it("exits 1 when the batch FAILED", async () => {
    const s3 = makeTestS3(s3Endpoint);
    await s3.createBucket("batchc-cli-failed");
    await s3.putObject("batchc-cli-failed", "empty.json", "[]");
    s3.destroy();
    const ep = await start({ s3Endpoint });
    const f = {
      "req.json": JSON.stringify({
        batchName: "empty",
        requestId: "req-empty",
        defaultRunSetting: { workflowId: "1234567", roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole" },
        batchRunSettings: { s3UriSettings: "s3://batchc-cli-failed/empty.json" },
      }),
    };
    const r = await runOmics(["submit", "req.json", "--wait", "--endpoint-url", ep.url, "--s3-endpoint-url", s3Endpoint], { endpoint: ep, files: f });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("runs       in s3://batchc-cli-failed/empty.json (as given)\n");
    expect(r.stdout).toContain("status     FAILED\nreason     The s3UriSettings file s3://batchc-cli-failed/empty.json is invalid: the array is empty\n");
    expect(r.stderr).toBe(
      "batch 5000001 PENDING: 0/0 submitted, 0 failed, 0 running, 0 completed\n" +
        "batch 5000001 FAILED: 0/0 submitted, 0 failed, 0 running, 0 completed\n" +
        "error: batch 5000001 FAILED: The s3UriSettings file s3://batchc-cli-failed/empty.json is invalid: the array is empty\n" +
        "help: fix the cause, then submit the body with a new `requestId` (the same one returns this batch)\n",
    );
  });
});
