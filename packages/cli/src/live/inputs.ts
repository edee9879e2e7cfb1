// `--live`: the S3 inputs of a batch. The parameters whose values name S3 objects are those
// declared `s3uri` or `[s3uri]` (also through `params from` a schema whose property has a file
// format), and those named with `--inputs NAME,…`. Their values in every run (the defaults
// overlaid with the run) are gathered once each, with the first run that used each, for
// HeadObject. A value ending in `/` is a prefix (often an output) and is left out.
import type { DefaultSettings, FrontEndResult, RunSpec, Type, Value } from "@batchc/language";
import { CommandError } from "../io.js";
import type { ValueSource } from "./place.js";

/** `--inputs a,b --inputs c`: the parameter names, checked as names. */
export function inputNames(value: unknown): string[] {
  const names: string[] = [];
  for (const item of (value as string[] | undefined) ?? []) {
    for (const raw of item.split(",")) {
      const name = raw.trim();
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
        throw new CommandError(`\`--inputs\` takes parameter names separated by commas, not \`${item}\``, 2, "for example `--inputs fastq_r1,fastq_r2`");
      }
      names.push(name);
    }
  }
  return names;
}

/** True for `s3uri` and `[s3uri]`. */
function isS3Type(t: Type): boolean {
  return t.kind === "s3uri" || (t.kind === "list" && t.element.kind === "s3uri");
}

/** The distinct S3 objects the runs read, each with the first run that used it. */
export class InputCollector {
  readonly names: readonly string[];
  private readonly defaults: Readonly<Record<string, Value>>;
  /** By URI, in the order first seen. */
  readonly objects = new Map<string, ValueSource>();

  constructor(frontEnd: FrontEndResult, defaults: DefaultSettings, extra: readonly string[]) {
    const watched = new Set<string>();
    for (const [name, info] of frontEnd.checked?.params?.params ?? []) if (isS3Type(info.type) || info.path === true) watched.add(name);
    for (const name of extra) watched.add(name);
    this.names = [...watched].sort();
    const params = (defaults as { parameters?: unknown }).parameters;
    this.defaults = typeof params === "object" && params !== null ? (params as Record<string, Value>) : {};
  }

  /** Records the inputs of one run (expanded without encoders, so with its fields and bindings). */
  add(run: RunSpec): void {
    if (this.names.length === 0) return;
    const own = (run.fields as { parameters?: Record<string, Value> }).parameters;
    for (const name of this.names) {
      const v = own !== undefined && Object.prototype.hasOwnProperty.call(own, name) ? own[name] : this.defaults[name];
      if (typeof v === "string") this.note(v, name, run);
      else if (Array.isArray(v)) for (const x of v) if (typeof x === "string") this.note(x, name, run);
    }
  }

  private note(uri: string, name: string, run: RunSpec): void {
    if (!uri.startsWith("s3://") || uri.endsWith("/") || uri.indexOf("/", 5) < 0) return;
    const known = this.objects.get(uri);
    if (known !== undefined) {
      known.runs++;
      return;
    }
    this.objects.set(uri, { statement: run.statement, path: ["parameters", name], bindings: run.bindings, runs: 1 });
  }
}
