// The AWS options every command that calls AWS shares (HealthOmics and S3 alike): `--region`,
// `--profile`, and the connect and read timeouts (`--cli-connect-timeout`, `--cli-read-timeout`,
// the AWS CLI's names, 60 seconds each by default).
import type { HttpTimeouts } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";

/** What `--region`, `--profile` and the timeout flags say; absent values come from the environment. */
export interface AwsOptions {
  region?: string;
  profile?: string;
  timeouts: HttpTimeouts;
}

const DEFAULT_SECONDS = 60;

/** `--cli-connect-timeout` / `--cli-read-timeout` in milliseconds: seconds above 0, at most a day. */
export function parseTimeout(options: Record<string, unknown>, flag: "cli-connect-timeout" | "cli-read-timeout"): number {
  const value = options[flag];
  if (value === undefined) return DEFAULT_SECONDS * 1000;
  const n = Number(value);
  if (typeof value !== "string" || value.trim() === "" || !Number.isFinite(n) || n <= 0 || n > 86_400) {
    throw new CommandError(`\`--${flag}\` takes a number of seconds above 0, not \`${String(value)}\``, 2, `for example \`--${flag} 120\``);
  }
  return Math.round(n * 1000);
}

/** The AWS options of a command line; an empty `--region` or `--profile` is a usage error. */
export function awsOptions(options: Record<string, unknown>, io: Io): AwsOptions {
  const out: AwsOptions = {
    timeouts: { connectMs: parseTimeout(options, "cli-connect-timeout"), readMs: parseTimeout(options, "cli-read-timeout") },
  };
  const region = options.region as string | undefined;
  if (region !== undefined) {
    if (region.trim() === "") throw new CommandError("`--region` is empty", 2, "pass a Region such as `--region us-east-1`, or leave the flag out to use `AWS_REGION`");
    out.region = region;
  } else if (io.env.AWS_REGION) {
    out.region = io.env.AWS_REGION;
  }
  const profile = options.profile as string | undefined;
  if (profile !== undefined) {
    if (profile.trim() === "") throw new CommandError("`--profile` is empty", 2, "pass a profile name, or leave the flag out to use `AWS_PROFILE`");
    out.profile = profile;
  }
  return out;
}
