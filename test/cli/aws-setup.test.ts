// The AWS set-up and the wire, as the user meets them: timeouts against a server that accepts
// and never answers (HealthOmics and S3), an empty `--region`, no Region anywhere (also before
// compile's S3 upload above 100 runs), a profile that does not exist, and a password in an
// endpoint URL, which is never printed.
import { createServer, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ids, program, runOmics } from "./omics-harness.js";

const files = { "cohort.batch": program(ids(3)), "big.batch": program(ids(101), { settings: "s3://bucket/batches/" }) };
let silent: Server;
let silentUrl: string;
const sockets = new Set<Socket>();

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
});

const aws = { AWS_ACCESS_KEY_ID: "AKIDTEST", AWS_SECRET_ACCESS_KEY: "test-secret", AWS_REGION: "us-east-1" };

describe("timeouts", () => {
  it("a HealthOmics endpoint that accepts and never answers: exit 3 within the timeout + 5 s, naming the endpoint and the flag", async () => {
    const started = Date.now();
    const r = await runOmics(["status", "5000001", "--endpoint-url", silentUrl, "--cli-read-timeout", "1", "--max-attempts", "1"], { env: aws });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect([r.code, r.stderr]).toEqual([
      3,
      `error: HealthOmics at \`${silentUrl}\` did not answer within 1 second (\`--cli-read-timeout\`)\n` +
        "help: allow longer with `--cli-read-timeout SECONDS`, or check that the endpoint is HealthOmics; then run the command again\n",
    ]);
  });

  it("an S3 endpoint that accepts and never answers: exit 3 within the timeout + 5 s (BC5511)", async () => {
    const started = Date.now();
    const r = await runOmics(["compile", "big.batch", "--s3-endpoint-url", silentUrl, "--cli-read-timeout", "1", "-o", "/dev/null"], { env: aws, files });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `error: no answer from S3 at \`${silentUrl}\` within 1 second (\`--cli-read-timeout\`) (BC5511)\nhelp: check the endpoint and the network; allow longer with \`--cli-read-timeout SECONDS\`\n`,
    );
  });

  it("an S3 endpoint that trickles a byte every 300 ms (never idle for the timeout): exit 3 within the timeout + 5 s (BC5511)", async () => {
    const trickling = createServer((socket) => {
      sockets.add(socket);
      socket.on("error", () => {});
      const reply = "HTTP/1.1 200 OK\r\nx-amz-request-id: 1\r\n".repeat(1000);
      let i = 0;
      const t = setInterval(() => (socket.destroyed ? clearInterval(t) : socket.write(reply[i++ % reply.length] as string)), 300);
      socket.on("close", () => clearInterval(t));
    });
    await new Promise<void>((resolve) => trickling.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(trickling.address() as AddressInfo).port}`;
    try {
      const started = Date.now();
      const r = await runOmics(["compile", "big.batch", "--s3-endpoint-url", url, "--cli-read-timeout", "1", "-o", "/dev/null"], { env: aws, files });
      expect(Date.now() - started).toBeLessThan(6_000);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(
        `error: no answer from S3 at \`${url}\` within 1 second (\`--cli-read-timeout\`) (BC5511)\nhelp: check the endpoint and the network; allow longer with \`--cli-read-timeout SECONDS\`\n`,
      );
    } finally {
      await new Promise<void>((resolve) => trickling.close(() => resolve()));
    }
  });

  it("takes seconds above 0 only", async () => {
    const r = await runOmics(["status", "5000001", "--cli-connect-timeout", "0"], { env: aws });
    expect([r.code, r.stderr]).toEqual([2, "error: `--cli-connect-timeout` takes a number of seconds above 0, not `0`\nhelp: for example `--cli-connect-timeout 120`\n"]);
  });
});

describe("Region and profile", () => {
  it('`--region ""` is a usage error on every AWS command, not an internal error', async () => {
    for (const argv of [["status", "5000001"], ["list"], ["submit", "cohort.batch"], ["compile", "big.batch"]]) {
      const r = await runOmics([...argv, "--region", ""], { env: aws, files });
      expect([r.code, r.stderr]).toEqual([2, "error: `--region` is empty\nhelp: pass a Region such as `--region us-east-1`, or leave the flag out to use `AWS_REGION`\n"]);
    }
  });

  it("no Region anywhere: HealthOmics commands and compile's S3 upload above 100 runs say so", async () => {
    const noRegion = { ...aws, AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined };
    const message =
      "error: no AWS Region is configured: pass `--region` or set `AWS_REGION`\nhelp: or set `region` in the profile of the shared config file (`aws configure set region us-east-1`)\n";
    const status = await runOmics(["status", "5000001", "--endpoint-url", silentUrl], { env: noRegion });
    expect([status.code, status.stderr]).toEqual([3, message]);
    const compile = await runOmics(["compile", "big.batch", "--s3-endpoint-url", silentUrl, "-o", "/dev/null"], { env: noRegion, files });
    expect([compile.code, compile.stderr]).toEqual([3, message]);
  });

  it("a profile that does not exist is named, in one line (no SDK warning)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "batchc-profile-"));
    try {
      writeFileSync(path.join(dir, "config"), "[profile dev]\nregion = eu-west-1\n");
      const env = { ...aws, AWS_CONFIG_FILE: path.join(dir, "config") };
      const r = await runOmics(["status", "5000001", "--profile", "nonexistent", "--endpoint-url", silentUrl], { env });
      expect([r.code, r.stderr]).toEqual([
        3,
        "error: The config profile (nonexistent) could not be found\nhelp: list the profiles with `aws configure list-profiles`, or create this one with `aws configure --profile NAME`\n",
      ]);
      const viaEnv = await runOmics(["list", "--endpoint-url", silentUrl], { env: { ...env, AWS_PROFILE: "gone" } });
      expect(viaEnv.stderr).toBe(
        "error: The config profile (gone) could not be found\nhelp: list the profiles with `aws configure list-profiles`, or create this one with `aws configure --profile NAME`\n",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("URL userinfo", () => {
  it("is masked in `submit --dry-run` and in errors", async () => {
    const dry = await runOmics(["submit", "cohort.batch", "--dry-run", "--endpoint-url", "http://user:hunter2@127.0.0.1:9"], { env: aws, files });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("endpoint   http://****@127.0.0.1:9");
    const json = await runOmics(["submit", "cohort.batch", "--dry-run", "--format", "json", "--endpoint-url", "http://user:hunter2@127.0.0.1:9"], { env: aws, files });
    expect(JSON.parse(json.stdout).endpoint).toBe("http://****@127.0.0.1:9");
    const failed = await runOmics(["status", "5000001", "--max-attempts", "1", "--endpoint-url", "http://user:hunter2@127.0.0.1:9"], { env: aws });
    expect(failed.code).toBe(3);
    for (const r of [dry, json, failed]) expect(`${r.stdout}${r.stderr}`).not.toContain("hunter2");
  });
});
