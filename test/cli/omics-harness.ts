// Runs the HealthOmics commands in-process against the local test endpoint, through the real
// @aws-sdk/client-omics. The SDK reads credentials and the Region from `process.env`, so each
// call sets them there (from the endpoint) and restores the previous values afterwards; shared
// AWS config files are pointed at a missing file so the machine's own profile never leaks in.
// `confirm` stands for a terminal on standard input; `sleep` records poll delays without waiting.
import { memoryHost } from "@batchc/language";
import { afterEach } from "vitest";
import type { Io } from "../../packages/cli/src/io.js";
import { run } from "../../packages/cli/src/main.js";
import { startOmicsEndpoint, type OmicsEndpoint, type OmicsEndpointOptions } from "../omics-endpoint/server.js";

export interface OmicsCliOptions {
  /** Credentials and Region come from this endpoint (its URL is passed by the test). */
  endpoint?: OmicsEndpoint;
  /** More environment, set on `process.env` and `io.env` alike (undefined removes a variable). */
  env?: Record<string, string | undefined>;
  /** In-memory files (relative paths); default: the real file system. */
  files?: Record<string, string>;
  /** stdout and stderr are terminals, 120 columns wide. */
  tty?: boolean;
  /** Answers confirmation questions, as a user at a terminal would; absent: stdin is not a terminal. */
  confirm?: (question: string) => boolean;
  /** Runs at each poll delay instead of waiting (e.g. to move a batch on with `endpoint.advance`). */
  onSleep?: (ms: number) => Promise<unknown>;
}

export interface OmicsCliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Questions asked through `confirm`. */
  questions: string[];
  /** Delays (ms) the command slept for between polls. */
  sleeps: number[];
}

/** Variables that would let the machine's AWS setup reach the tests. */
const HERMETIC: Record<string, string | undefined> = {
  AWS_PROFILE: undefined,
  AWS_DEFAULT_PROFILE: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_ENDPOINT_URL: undefined,
  AWS_ENDPOINT_URL_OMICS: undefined,
  AWS_ENDPOINT_URL_S3: undefined,
  AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: undefined,
  AWS_CONFIG_FILE: "/nonexistent/batchc-test/aws-config",
  AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/batchc-test/aws-credentials",
  AWS_EC2_METADATA_DISABLED: "true",
};

/** Runs `batchc ARGV` with the endpoint's credentials in the environment. */
export async function runOmics(argv: readonly string[], options: OmicsCliOptions = {}): Promise<OmicsCliResult> {
  const env: Record<string, string | undefined> = { ...HERMETIC };
  if (options.endpoint) {
    env.AWS_ACCESS_KEY_ID = options.endpoint.credentials.accessKeyId;
    env.AWS_SECRET_ACCESS_KEY = options.endpoint.credentials.secretAccessKey;
    env.AWS_REGION = options.endpoint.region;
  }
  Object.assign(env, options.env ?? {});
  const saved = new Map(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  let stdout = "";
  let stderr = "";
  const questions: string[] = [];
  const sleeps: number[] = [];
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, ...(options.tty === true ? { columns: 120 } : {}) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false, ...(options.tty === true ? { columns: 120 } : {}) },
    env: { ...process.env },
    cwd: process.cwd(),
    sleep: async (ms) => {
      sleeps.push(ms);
      await options.onSleep?.(ms);
    },
  };
  if (options.files) io.host = memoryHost(options.files);
  const confirm = options.confirm;
  if (confirm) {
    io.confirm = async (question) => {
      questions.push(question);
      return confirm(question);
    };
  }
  try {
    const code = await run(argv, io);
    return { code, stdout, stderr, questions, sleeps };
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Starts endpoints for a test file and closes them after each test. */
export function endpoints(): (options?: OmicsEndpointOptions) => Promise<OmicsEndpoint> {
  const open: OmicsEndpoint[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((e) => e.close()));
  });
  return async (options) => {
    const e = await startOmicsEndpoint(options);
    open.push(e);
    return e;
  };
}

/** A small program: one run per id, sample parameter = id; `settings` for more than 100 runs. */
export function program(ids: readonly string[], options: { name?: string; settings?: string } = {}): string {
  const settings = options.settings !== undefined ? `\n  settings = "${options.settings}"` : "";
  return `batch "${options.name ?? "cohort"}" {${settings}
  tags { project = "demo" }
}

defaults {
  workflowId  = "1234567"
  roleArn     = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri   = "s3://out-bucket/runs/"
  storageType = "DYNAMIC"
}

params {
  sample: string
}

let ids = [${ids.map((i) => `"${i}"`).join(", ")}]

for id in ids {
  run id {
    name = "run ${"$"}{id}"
    params { sample = id }
  }
}
`;
}

/** `r1` … `rN`. */
export function ids(n: number, prefix = "r"): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
}

/** The runSettingIds a batch received, in order. */
export function receivedIds(endpoint: OmicsEndpoint, batchId: string): string[] {
  return endpoint.batch(batchId).runs.map((r) => r.runSettingId);
}
