// S3 for `s3_glob`: before the program runs, every prefix its `s3_glob` calls need is listed
// once (ListObjectsV2, all pages), and the front end gets a Host whose `listS3` answers from
// those listings. The language itself never calls AWS. A listing that cannot be made (no
// credentials, no Region, access denied) is kept as its reason, and the call reports it.
import { parse, s3GlobListings, SourceFile, type Host, type S3Listing } from "@batchc/language";
import { listObjectKeys } from "@batchc/omics";
import { CommandError, type Io } from "./io.js";
import { openS3 } from "./commands/upload.js";

/** Listings of one command, by `bucket\0prefix`: the keys, or why there are none. */
type Listings = Map<string, readonly string[] | Error>;

/** One command's listings, shared by its front-end runs (`resubmit` compiles twice). */
const byIo = new WeakMap<Io, Listings>();

/** How to reach S3 for the listings. */
export interface S3GlobAccess {
  endpointUrl: string | undefined;
  options: Record<string, unknown>;
}

/**
 * `host` with `listS3` answering from listings of every `s3_glob` prefix in `text`; `host`
 * itself when the program calls no `s3_glob`.
 */
export async function withS3Listings(host: Host, file: string, text: string, io: Io, access: S3GlobAccess): Promise<Host> {
  if (!text.includes("s3_glob")) return host;
  const wanted = s3GlobListings(parse(new SourceFile(file, text)).program);
  let listings = byIo.get(io);
  if (listings === undefined) byIo.set(io, (listings = new Map()));
  const missing = wanted.filter((l) => !listings.has(keyOf(l)));
  if (missing.length > 0) await listAll(missing, listings, io, access);
  const known = listings;
  const listS3 = (bucket: string, prefix: string): readonly string[] => {
    const got = known.get(`${bucket}\0${prefix}`);
    if (got === undefined) throw new Error("its pattern is computed, so it could not be listed before the program ran; write it as a string literal");
    if (got instanceof Error) throw got;
    return got;
  };
  return { ...bindHost(host), listS3 };
}

const keyOf = (l: S3Listing): string => `${l.bucket}\0${l.prefix}`;

function bindHost(host: Host): Host {
  return {
    readFile: host.readFile.bind(host),
    listFiles: host.listFiles.bind(host),
    exists: host.exists.bind(host),
    realPath: host.realPath.bind(host),
  };
}

async function listAll(wanted: readonly S3Listing[], into: Listings, io: Io, access: S3GlobAccess): Promise<void> {
  let s3: Awaited<ReturnType<typeof openS3>>;
  try {
    s3 = await openS3(access.endpointUrl, access.options, io);
  } catch (e) {
    const reason = e instanceof CommandError ? new Error(e.message) : e instanceof Error ? e : new Error(String(e));
    for (const l of wanted) into.set(keyOf(l), reason);
    return;
  }
  try {
    for (const l of wanted) {
      try {
        into.set(keyOf(l), await listObjectKeys(s3.client, l.bucket, l.prefix, s3.where));
      } catch (e) {
        into.set(keyOf(l), e instanceof Error ? e : new Error(String(e)));
      }
    }
  } finally {
    s3.client.destroy();
  }
}
