// `batchc compile FILE`: the compiler's pipeline gives the StartRunBatch request body; with
// more than 100 runs, the settings file is written and uploaded. `--dry-run` previews instead.
// Nothing is written or uploaded unless the whole program is free of errors.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { hasErrors, sortDiagnostics, type RunSpec } from "@batchc/language";
import { emitBatch, type EmittedBatch } from "@batchc/compiler";
import { CommandError, type Io } from "../io.js";
import { type DiagnosticsFormat, allowedReads, applyDenyWarnings, checkedDiagnostics, loadProgram, parseVars, reportDiagnostics, type LoadedProgram } from "../load.js";
import { printPreview } from "./dry-run.js";
import { checkLiveOptions } from "../live/live-options.js";
import { requirePartsFolder, writePartOutputs } from "./parts-output.js";
import { s3EndpointUrl, uploadSettings } from "./upload.js";
import { formatCount } from "@batchc/text";
import { atomicWrite, checkTarget, moveInto, release, tempFolder } from "../safe-write.js";

/** `--format json` and `jsonl` report problems as JSON data on stdout, as `check` does with them. */
function diagnosticsFormat(options: Record<string, unknown>): DiagnosticsFormat {
  return options.format === "json" || options.format === "jsonl" ? options.format : "text";
}

/** A compiled request (or the requests of its parts), with the temporary folder holding the settings files. */
export interface CompiledRequest {
  loaded: LoadedProgram;
  /** The request; with `maxRunsPerBatch`, the first part's. */
  emitted: Emitted;
  /** The requests in order: the one request, or every part's with `maxRunsPerBatch` (docs/language.md §8b). */
  parts: Emitted[];
  /** Whether the program sets `maxRunsPerBatch` (its outputs are then folders of parts, even for one part). */
  split: boolean;
  /** Removes the temporary settings files; call when done. */
  dispose(): Promise<void>;
}

type Emitted = EmittedBatch;

/**
 * Compiles one `.batch` file (the compiler's front end, then `emitBatch`). On errors it prints
 * the diagnostics and returns the exit code; nothing is left behind.
 */
export async function compileRequest(
  file: string,
  options: Record<string, unknown>,
  io: Io,
  select?: (run: RunSpec) => boolean,
): Promise<CompiledRequest | number> {
  checkLiveOptions(options);
  const s3 = { endpointUrl: s3EndpointUrl(options, io), options };
  const loaded = await loadProgram(file, io, parseVars(options.var), allowedReads(options, io), s3);
  const expansion = loaded.frontEnd.expansion;
  if (!expansion || hasErrors(applyDenyWarnings(loaded.diagnostics, options))) {
    // the same problems as `check`: a program with type errors is still expanded around them
    reportDiagnostics(checkedDiagnostics(loaded, options).list, loaded, io, diagnosticsFormat(options));
    return 1;
  }
  if (options.live === true) {
    // `compile` takes no `--endpoint-url`: HealthOmics comes from AWS_ENDPOINT_URL_OMICS or the Region.
    const live = applyDenyWarnings(await (await import("../live/preflight.js")).liveDiagnostics(loaded.frontEnd, options, io), options);
    if (hasErrors(live)) {
      reportDiagnostics(sortDiagnostics([...applyDenyWarnings(loaded.diagnostics, options), ...live]), loaded, io, diagnosticsFormat(options));
      return 1;
    }
  }
  // A dry run writes nothing: the settings file's bytes are only hashed, for its exact name.
  const preview = options["dry-run"] === true;
  // The outputs are checked first: a target that is not a regular file is refused before any work.
  // With `maxRunsPerBatch` they are folders (see parts-output.ts).
  const split = expansion.batch.maxRunsPerBatch !== undefined;
  for (const [flag, name] of [["-o", "output"], ["--settings-out", "settings-out"]] as const) {
    const target = options[name] as string | undefined;
    if (!preview && !split && target !== undefined) checkTarget(path.resolve(io.cwd, target), flag);
  }
  const tmp = preview ? undefined : tempFolder(path.join(tmpdir(), "batchc-"));
  const dispose = async (): Promise<void> => {
    if (tmp === undefined) return;
    await rm(tmp, { recursive: true, force: true });
    release(tmp);
  };
  try {
    const outcome = await emitBatch(loaded.frontEnd, {
      hoist: options["no-hoist"] !== true,
      ...(tmp !== undefined ? { tmpDir: tmp } : {}),
      ...(options["request-id"] !== undefined ? { requestId: options["request-id"] as string } : {}),
      ...(select !== undefined ? { select } : {}),
    });
    const list = applyDenyWarnings(sortDiagnostics([...loaded.diagnostics, ...outcome.diagnostics]), options);
    if (hasErrors(list) || outcome.emitted === undefined) {
      reportDiagnostics(list, loaded, io, diagnosticsFormat(options));
      await dispose();
      return 1;
    }
    // warnings alone do not stop the compile: shown on stderr (text output only)
    if (list.length > 0 && diagnosticsFormat(options) === "text") reportDiagnostics(list, loaded, io, "text");
    return { loaded, emitted: outcome.emitted, parts: outcome.parts ?? [outcome.emitted], split, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

export async function compileCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const file = args[0] as string;
  const dryRun = options["dry-run"] === true;
  if (!dryRun) {
    for (const only of ["format", "limit"]) {
      if (options[only] !== undefined) throw new CommandError(`\`--${only}\` goes with \`--dry-run\``, 2, "add `--dry-run` to preview the runs");
    }
  }
  const output = options.output as string | undefined;
  if (output !== undefined && FORMAT_WORDS.includes(output)) {
    throw new CommandError(
      `\`-o ${output}\` would write the request to a file named \`${output}\``,
      2,
      `the preview's format is \`--dry-run --format ${output}\`; to write a file of that name, give \`-o ./${output}\``,
    );
  }
  const limit = parseLimit(options.limit);
  const compiled = await compileRequest(file, options, io);
  if (typeof compiled === "number") return compiled;
  try {
    if (dryRun) {
      printPreview(compiled.loaded, compiled.parts, compiled.split, { format: (options.format as string | undefined) ?? "table", limit }, io);
      return 0;
    }
    if (compiled.split) {
      requirePartsFolder(options);
      return await writePartOutputs(compiled.loaded, compiled.parts, options, io);
    }
    return await writeOutputs(compiled.loaded, compiled.emitted, options, io);
  } finally {
    await compiled.dispose();
  }
}

/** Words that, given to `-o`, are a format meant for `--format` (`--output json` in the AWS CLI). */
const FORMAT_WORDS: readonly string[] = ["json", "jsonl", "table", "csv", "text"];

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CommandError(`\`--limit\` takes a whole number, not \`${String(value)}\``, 2);
  return n;
}

async function writeOutputs(loaded: LoadedProgram, emitted: Emitted, options: Record<string, unknown>, io: Io): Promise<number> {
  const settings = emitted.settingsFile;
  // Upload first: when S3 fails, no local output is written either.
  let uploaded = "";
  if (settings) {
    if (options["no-upload"] === true) {
      uploaded = "not uploaded: --no-upload";
    } else {
      const result = await uploadSettings(settings, s3EndpointUrl(options, io), options, io);
      uploaded = result.reused ? "already there with the same content" : "uploaded";
    }
  }
  const settingsOut = options["settings-out"] as string | undefined;
  if (settingsOut !== undefined) {
    if (!settings) {
      io.stderr.write(`note: ${emitted.runCount} runs go inline in the request; no settings file is written to ${settingsOut}\n`);
    } else {
      await moveInto(settings.path, path.resolve(io.cwd, settingsOut), "--settings-out");
    }
  }
  // `-o -` is standard output, as for most tools.
  const output = options.output === "-" ? undefined : (options.output as string | undefined);
  if (output !== undefined) {
    await atomicWrite(path.resolve(io.cwd, output), emitted.json, "-o");
  } else {
    io.stdout.write(emitted.json);
  }
  const where = settings ? `settings file ${settings.uri} (${uploaded})` : "inline settings";
  io.stderr.write(`${loaded.file}: ${formatCount(emitted.runCount)} run${emitted.runCount === 1 ? "" : "s"}, ${where}${output ? `, request written to ${output}` : ""}\n`);
  return 0;
}


