// `--live` in S3: HeadBucket on every output bucket (with ExpectedBucketOwner when the batch
// names the owner), HeadObject on every input once (a bounded pool, with a progress line on a
// terminal), and the inputs lock (`--inputs-lock` compared, `--write-inputs-lock` written when
// nothing is wrong). A check that cannot be made is an S3 error (exit 3) with one message.
import { codes, hasErrors, type Diagnostic, type FrontEndResult } from "@batchc/language";
import { headBucket, headObjects, S3UploadError, type HeadOutcome, type S3ObjectRef } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { formatCount } from "@batchc/text";
import { ProgressLine } from "../progress.js";
import { openS3, s3EndpointUrl } from "../commands/upload.js";
import { foldFindings, type Finding } from "./fold.js";
import { changeNotes, readLock, writeLock, type LockEntry } from "./inputs-lock.js";
import type { InputCollector } from "./inputs.js";
import type { OutputCollector } from "./outputs.js";
import { Placer } from "./place.js";

type S3Session = Awaited<ReturnType<typeof openS3>>;

/** The diagnostics of the S3 checks; writes `--write-inputs-lock` when there is no error. */
export async function s3Diagnostics(frontEnd: FrontEndResult, inputs: InputCollector, outputs: OutputCollector, options: Record<string, unknown>, io: Io): Promise<Diagnostic[]> {
  const lockIn = options["inputs-lock"] as string | undefined;
  const lockOut = options["write-inputs-lock"] as string | undefined;
  const locked = lockIn !== undefined ? readLock(lockIn, io) : undefined;
  if (inputs.objects.size === 0 && outputs.buckets.size === 0) {
    if (lockOut !== undefined) await writeLock(lockOut, new Map(), io);
    return [];
  }
  const placer = new Placer(frontEnd, io.host);
  const s3 = await openS3(s3EndpointUrl(options, io), options, io);
  try {
    const list = await outputDiagnostics(s3, outputs, placer);
    const uris = [...inputs.objects.keys()];
    const outcomes = await headAll(s3, uris, io);
    const missing: Finding[] = [];
    const forbidden: Finding[] = [];
    const changed: Finding[] = [];
    const found = new Map<string, LockEntry>();
    outcomes.forEach((o, i) => {
      const uri = uris[i] as string;
      const source = inputs.objects.get(uri);
      if (source === undefined) return;
      if (o.status === "missing") missing.push({ uri, source });
      else if (o.status === "forbidden") forbidden.push({ uri, source });
      else {
        found.set(uri, { etag: o.etag, size: o.size });
        const was = locked?.get(uri);
        const notes = was !== undefined ? changeNotes(was, o) : undefined;
        if (notes !== undefined) changed.push({ uri, source, notes });
      }
    });
    list.push(...foldFindings(missing, (u, n) => codes.cli.inputMissing(u, n), placer));
    list.push(...foldFindings(forbidden, (u, n) => codes.cli.inputForbidden(u, n), placer));
    if (lockIn !== undefined) list.push(...foldFindings(changed, (u, n) => codes.cli.inputChanged(u, lockIn, n), placer));
    if (lockOut !== undefined && !hasErrors(list)) await writeLock(lockOut, found, io);
    return list;
  } catch (err) {
    if (err instanceof S3UploadError) throw new CommandError(`${err.message} (${err.code})`, 3, err.help || undefined);
    throw err;
  } finally {
    s3.client.destroy();
  }
}

/** HeadBucket on each output bucket; a 403 with an owner is asked again without, to tell a wrong owner from no access. */
async function outputDiagnostics(s3: S3Session, outputs: OutputCollector, placer: Placer): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const b of outputs.buckets.values()) {
    const answer = await headBucket(s3.client, b.bucket, b.owner, s3.where);
    if (answer === "found") continue;
    if (answer === "missing") {
      out.push(placer.place(codes.cli.outputBucketMissing(b.bucket), b.uri, b.source));
      continue;
    }
    if (b.owner !== undefined && (await headBucket(s3.client, b.bucket, undefined, s3.where)) === "found") {
      out.push(placer.place(codes.cli.outputBucketOwner(b.bucket, b.owner), b.owner, b.ownerSource));
      continue;
    }
    out.push(placer.place(codes.cli.outputBucketForbidden(b.bucket), b.uri, b.source));
  }
  return out;
}

/** HeadObject on every URI, with `checking inputs  n/total` on a terminal. */
async function headAll(s3: S3Session, uris: readonly string[], io: Io): Promise<HeadOutcome[]> {
  const refs: S3ObjectRef[] = uris.map((u) => {
    const slash = u.indexOf("/", 5);
    return { bucket: u.slice(5, slash), key: u.slice(slash + 1) };
  });
  const line = uris.length > 0 ? ProgressLine.open(io) : undefined;
  const total = formatCount(uris.length);
  let shown = -1;
  const draw = (done: number): void => {
    const pct = Math.floor((done / uris.length) * 100);
    if (line === undefined || pct === shown) return;
    shown = pct;
    const width = 20;
    const filled = Math.round((pct / 100) * width);
    line.draw("checking inputs ", `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`, ` ${formatCount(done)}/${total}`);
  };
  draw(0);
  try {
    return await headObjects(s3.client, refs, { endpoint: s3.where, onAnswer: draw });
  } finally {
    line?.clear();
  }
}
