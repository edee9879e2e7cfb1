// `--live`: the output buckets of a batch. The bucket of every distinct effective `outputUri`,
// with the effective `outputBucketOwnerId` when set, and the first run that used it.
import type { DefaultSettings, RunSpec } from "@batchc/language";
import type { ValueSource } from "./place.js";

export interface OutputBucket {
  bucket: string;
  owner: string | undefined;
  /** The `outputUri` of the first run, and where it came from. */
  uri: string;
  source: ValueSource;
  ownerSource: ValueSource;
}

export class OutputCollector {
  /** By `bucket\0owner`, in the order first seen. */
  readonly buckets = new Map<string, OutputBucket>();
  private readonly defaults: Record<string, unknown>;

  constructor(defaults: DefaultSettings) {
    this.defaults = defaults as Record<string, unknown>;
  }

  add(run: RunSpec): void {
    const f = run.fields as Record<string, unknown>;
    const uri = f.outputUri ?? this.defaults.outputUri;
    if (typeof uri !== "string" || !uri.startsWith("s3://")) return;
    const bucket = uri.slice(5).split("/")[0] ?? "";
    if (bucket === "") return;
    const ownerValue = f.outputBucketOwnerId ?? this.defaults.outputBucketOwnerId;
    const owner = typeof ownerValue === "string" ? ownerValue : undefined;
    const key = `${bucket}\0${owner ?? ""}`;
    const known = this.buckets.get(key);
    if (known !== undefined) {
      known.source.runs++;
      return;
    }
    const source = { statement: run.statement, path: ["outputUri"], bindings: run.bindings, runs: 1 };
    this.buckets.set(key, { bucket, owner, uri, source, ownerSource: { ...source, path: ["outputBucketOwnerId"] } });
  }
}
