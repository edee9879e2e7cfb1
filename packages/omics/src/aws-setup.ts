// Where an AWS call goes and as whom, resolved the way the AWS SDKs and CLI do: the Region
// (`--region`, `AWS_REGION`, the profile's `region`), the profile (`--profile`, `AWS_PROFILE`),
// the HealthOmics endpoint (`--endpoint-url`, `AWS_ENDPOINT_URL_OMICS`, `AWS_ENDPOINT_URL`, the
// config file's `services` section or `endpoint_url`, else AWS's own endpoint for the Region with
// FIPS and dual-stack variants) and the credentials (the SDK's default provider chain). Set-up
// problems are one `AwsSetupError` each, with the fix.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { namedExports } from "./sdk-modules.js";

/** The environment variables consulted; `process.env` by default. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A problem with the AWS set-up (no Region, unknown profile, bad endpoint URL). */
export class AwsSetupError extends Error {
  override readonly name = "AwsSetupError";
  constructor(
    message: string,
    readonly help: string,
  ) {
    super(message);
  }
}

/** What the set-up reads: each option overrides the environment and the config files. */
export interface AwsSetupOptions {
  region?: string;
  profile?: string;
  endpointUrl?: string;
  env?: Env;
}

/** The message when no Region is set anywhere. */
export function noRegionError(): AwsSetupError {
  return new AwsSetupError(
    "no AWS Region is configured: pass `--region` or set `AWS_REGION`",
    "or set `region` in the profile of the shared config file (`aws configure set region us-east-1`)",
  );
}

type IniSection = Record<string, string | undefined>;
interface SharedFiles {
  configFile: Record<string, IniSection | undefined>;
  credentialsFile: Record<string, IniSection | undefined>;
}

/** The shared config and credentials files, read again on every call (they are small). */
async function sharedFiles(env: Env): Promise<SharedFiles> {
  const { loadSharedConfigFiles } = namedExports(await import("@smithy/core/config"), "loadSharedConfigFiles");
  const init: { ignoreCache: boolean; filepath?: string; configFilepath?: string } = { ignoreCache: true };
  if (env.AWS_SHARED_CREDENTIALS_FILE) init.filepath = env.AWS_SHARED_CREDENTIALS_FILE;
  if (env.AWS_CONFIG_FILE) init.configFilepath = env.AWS_CONFIG_FILE;
  return (await loadSharedConfigFiles(init)) as SharedFiles;
}

/** The profile in use: `--profile`, else `AWS_PROFILE`, else `default`; `explicit` when one was named. */
export function profileName(options: AwsSetupOptions): { name: string; explicit: boolean } {
  const env = options.env ?? process.env;
  const named = options.profile ?? (env.AWS_PROFILE || undefined);
  return named !== undefined ? { name: named, explicit: true } : { name: "default", explicit: false };
}

/** The profile's settings, merged from the credentials file and the config file (the config file wins). */
function profileSection(files: SharedFiles, name: string): IniSection | undefined {
  const config = files.configFile[name];
  const credentials = files.credentialsFile[name];
  if (config === undefined && credentials === undefined) return undefined;
  return { ...credentials, ...config };
}

/**
 * Checks that a named profile exists, as the AWS CLI does: "The config profile (x) could not be
 * found". The implicit `default` profile may be absent.
 */
export async function checkProfile(options: AwsSetupOptions): Promise<void> {
  const { name, explicit } = profileName(options);
  if (!explicit) return;
  if (name === "") {
    throw new AwsSetupError("the profile name is empty", "pass a profile with `--profile NAME`, or unset `AWS_PROFILE`");
  }
  const files = await sharedFiles(options.env ?? process.env);
  if (profileSection(files, name) === undefined) {
    throw new AwsSetupError(
      `The config profile (${name}) could not be found`,
      "list the profiles with `aws configure list-profiles`, or create this one with `aws configure --profile NAME`",
    );
  }
}

const REGION = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** The Region: `region`, else `AWS_REGION`, else the profile's `region`. */
export async function resolveRegion(options: AwsSetupOptions): Promise<string> {
  const env = options.env ?? process.env;
  if (options.region !== undefined) return checkRegion(options.region, "`--region`");
  if (env.AWS_REGION) return checkRegion(env.AWS_REGION, "`AWS_REGION`");
  const files = await sharedFiles(env);
  const region = profileSection(files, profileName(options).name)?.region;
  if (region) return checkRegion(region, "the profile's `region`");
  throw noRegionError();
}

function checkRegion(region: string, source: string): string {
  if (region.trim() === "") {
    throw new AwsSetupError(`the AWS Region given by ${source} is empty`, "pass a Region such as `--region us-east-1`");
  }
  if (!REGION.test(region)) {
    throw new AwsSetupError(`\`${region}\` (from ${source}) is not an AWS Region`, "pass a Region such as `--region us-east-1`");
  }
  return region;
}

/** Where HealthOmics calls go. */
export interface OmicsEndpoint {
  /** The base URL, without an operation's host prefix. */
  url: URL;
  /** A custom endpoint (a flag, a variable or the config file), which takes no host prefix. */
  custom: boolean;
}

/** The host prefix of every HealthOmics run-batch and workflow operation (TagResource's is `tags-`). */
export const OMICS_HOST_PREFIX = "workflows-";

const truthy = (v: string | undefined): boolean => v?.trim().toLowerCase() === "true";

/**
 * The endpoint configured outside the AWS defaults: `endpointUrl`, else `AWS_ENDPOINT_URL_OMICS`,
 * `AWS_ENDPOINT_URL`, the profile's `services` section (`omics = endpoint_url = …`) or its
 * `endpoint_url`; `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` (or the profile's
 * `ignore_configured_endpoint_urls`) turns off all but `endpointUrl`.
 */
export async function configuredOmicsEndpoint(options: AwsSetupOptions): Promise<string | undefined> {
  if (options.endpointUrl !== undefined) return options.endpointUrl;
  const env = options.env ?? process.env;
  if (truthy(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)) return undefined;
  const fromEnv = env.AWS_ENDPOINT_URL_OMICS || env.AWS_ENDPOINT_URL;
  const files = await sharedFiles(env);
  const profile = profileSection(files, profileName(options).name);
  if (profile === undefined || truthy(profile.ignore_configured_endpoint_urls)) return fromEnv || undefined;
  if (fromEnv) return fromEnv;
  if (profile.services !== undefined) {
    const services = files.configFile[`services.${profile.services}`];
    const url = services?.["omics.endpoint_url"];
    if (url) return url;
  }
  return profile.endpoint_url || undefined;
}

/** Parses an endpoint URL given by the user; anything but http(s) with a host is an error. */
export function parseEndpointUrl(text: string, source = "the endpoint URL"): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new AwsSetupError(`${source} \`${text.replace(/\/\/[^/@]*@/, "//***@")}\` is not a URL`, "write it as `https://host[:port]`, such as `http://127.0.0.1:4566`");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.hostname === "") {
    throw new AwsSetupError(`${source} must start with \`http://\` or \`https://\` and name a host`, "write it as `https://host[:port]`, such as `http://127.0.0.1:4566`");
  }
  return url;
}

/** The HealthOmics endpoint for `region`: custom if configured, else AWS's (operations add their host prefix). */
export async function resolveOmicsEndpoint(region: string, options: AwsSetupOptions): Promise<OmicsEndpoint> {
  const configured = await configuredOmicsEndpoint(options);
  if (configured !== undefined) return { url: parseEndpointUrl(configured), custom: true };
  const env = options.env ?? process.env;
  const files = await sharedFiles(env);
  const profile = profileSection(files, profileName(options).name) ?? {};
  const fips = truthy(env.AWS_USE_FIPS_ENDPOINT ?? profile.use_fips_endpoint);
  const dualStack = truthy(env.AWS_USE_DUALSTACK_ENDPOINT ?? profile.use_dualstack_endpoint);
  const { partition } = namedExports(await import("@aws-sdk/core/client"), "partition");
  const p = partition(region) as { dnsSuffix: string; dualStackDnsSuffix: string; supportsFIPS: boolean; supportsDualStack: boolean };
  if (fips && !p.supportsFIPS) throw new AwsSetupError(`the partition of \`${region}\` has no FIPS endpoints`, "unset `AWS_USE_FIPS_ENDPOINT`");
  if (dualStack && !p.supportsDualStack) throw new AwsSetupError(`the partition of \`${region}\` has no dual-stack endpoints`, "unset `AWS_USE_DUALSTACK_ENDPOINT`");
  const host = `${fips ? "omics-fips" : "omics"}.${region}.${dualStack ? p.dualStackDnsSuffix : p.dnsSuffix}`;
  return { url: new URL(`https://${host}`), custom: false };
}

/** A logger that drops the SDK's warnings (they would print several lines; problems surface as errors). */
const quietLogger = new (class QuietLogger {
  trace(): void {}
  debug(): void {}
  info(): void {}
  warn(): void {}
  error(): void {}
})();

/**
 * The SDK's default credential chain (environment, shared files, SSO, process, web identity,
 * container and instance roles) for the profile in use, resolved once and refreshed when it expires.
 */
export async function defaultCredentials(options: AwsSetupOptions): Promise<AwsCredentialIdentityProvider> {
  const { defaultProvider } = namedExports(await import("@aws-sdk/credential-provider-node"), "defaultProvider");
  const profile = options.profile;
  return defaultProvider({ ...(profile !== undefined ? { profile } : {}), logger: quietLogger }) as AwsCredentialIdentityProvider;
}

export type { AwsCredentialIdentity, AwsCredentialIdentityProvider };
