// Uploads a compiled settings file to S3 (never over a different object), with a progress bar
// on a terminal, and checks the one a request `.json` names. S3 failures end the command with
// one clear message and exit code 3.
import { AwsSetupError, checkProfile, checkSettingsObject, makeS3Client, maskUrl, resolveRegion, uploadSettingsFile, type SettingsFile } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { awsOptions } from "./aws-options.js";
import { ProgressLine } from "../progress.js";

/** The S3 endpoint: `--s3-endpoint-url`, else AWS_ENDPOINT_URL_S3, else AWS_ENDPOINT_URL. */
export function s3EndpointUrl(options: Record<string, unknown>, io: Io, option = "s3-endpoint-url"): string | undefined {
  return (options[option] as string | undefined) ?? io.env.AWS_ENDPOINT_URL_S3 ?? io.env.AWS_ENDPOINT_URL;
}

/** An S3 client with the command's `--region`, `--profile` and timeouts; `where` names it in messages. */
export async function openS3(
  endpointUrl: string | undefined,
  options: Record<string, unknown>,
  io: Io,
): Promise<{ client: Awaited<ReturnType<typeof makeS3Client>>; where: string }> {
  const aws = awsOptions(options, io);
  let region: string;
  try {
    await checkProfile({ ...aws, env: io.env });
    region = await resolveRegion({ ...aws, env: io.env });
  } catch (err) {
    if (err instanceof AwsSetupError) throw new CommandError(err.message, 3, err.help);
    throw err;
  }
  const client = await makeS3Client({
    region,
    ...(aws.profile !== undefined ? { profile: aws.profile } : {}),
    ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    timeouts: aws.timeouts,
  });
  return { client, where: endpointUrl !== undefined ? maskUrl(endpointUrl) : `S3 in ${region}` };
}

/**
 * Checks the settings file a request names (`s3UriSettings`) before it is submitted: missing or
 * altered ends the command with exit 1, a failed check with exit 3.
 */
export async function checkNamedSettings(uri: string, endpointUrl: string | undefined, options: Record<string, unknown>, io: Io): Promise<void> {
  const { client, where } = await openS3(endpointUrl, options, io);
  try {
    const result = await checkSettingsObject(client, uri, where);
    if (result.ok) return;
    const e = result.error;
    throw new CommandError(`${e.message} (${e.code})`, result.problem === "s3" ? 3 : 1, e.help || undefined);
  } finally {
    client.destroy();
  }
}

/** Uploads the settings file; `--region` and `--profile` come from `options`. */
export async function uploadSettings(
  file: SettingsFile,
  endpointUrl: string | undefined,
  options: Record<string, unknown>,
  io: Io,
): Promise<{ reused: boolean }> {
  const { client, where } = await openS3(endpointUrl, options, io);
  const line = ProgressLine.open(io);
  const bar = line ? progressBar(line, file.uri) : undefined;
  try {
    const result = await uploadSettingsFile({
      client,
      bucket: file.bucket,
      key: file.key,
      filePath: file.path,
      sha256: file.sha256,
      bytes: file.bytes,
      endpoint: where,
      ...(bar ? { onProgress: bar.update } : {}),
    });
    bar?.done();
    if (!result.ok) throw new CommandError(`${result.error.message} (${result.error.code})`, 3, result.error.help || undefined);
    return { reused: result.reused };
  } finally {
    client.destroy();
  }
}

/** `uploading s3://… [######------] 45%`, the URI shortened to fit the terminal. */
function progressBar(line: ProgressLine, uri: string): { update: (p: { loaded: number; total: number }) => void; done: () => void } {
  let last = -1;
  const draw = (loaded: number, total: number): void => {
    const pct = total === 0 ? 100 : Math.floor((loaded / total) * 100);
    if (pct === last) return;
    last = pct;
    const width = 20;
    const filled = Math.round((pct / 100) * width);
    line.draw("uploading ", uri, ` [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${pct}%`);
  };
  return {
    update: (p) => draw(p.loaded, p.total),
    done: () => line.clear(),
  };
}
