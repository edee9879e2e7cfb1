// The environment of a batchc process started by a test: the local endpoint's credentials and a
// Region, none of the machine's AWS configuration, no colour.
import { TEST_CREDENTIALS } from "../omics-endpoint/server.js";

/** `extra` (HOME, TERM, …) on top of the hermetic AWS environment. */
export function cliProcessEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    ...extra,
    AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
    AWS_REGION: "us-east-1",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: "/nonexistent/batchc-test/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/batchc-test/aws-credentials",
    NO_COLOR: "1",
  };
}
