// `batchc resubmit BATCH_ID FILE`: start a new batch of exactly the runs of FILE that failed to
// start in BATCH_ID (submission status FAILED) or are missing from it, with the same settings.
// The new batch keeps FILE's batch name; its requestId is derived from its content and from
// BATCH_ID, so repeating the command returns the same new batch instead of starting another,
// and a batch whose every run failed is not mistaken for the original submission.
import { deriveRequestId, type StartRunBatchRequest } from "@batchc/omics";
import { CommandError, type Io } from "../io.js";
import { loadProgram, parseVars, reportDiagnostics } from "../load.js";
import { compileRequest } from "./compile.js";
import { batchIdArg, getBatch, listAllRuns, openOmics, plural, STARTING_STATUSES, type RunItem } from "./omics-common.js";
import { checkSubmitOptions, printDryRun, reportAndWait, uploadAndStart, type PreparedRequest } from "./submit.js";
import { formatCount } from "../format.js";

/** Why a run is resubmitted. */
interface Pick {
  runSettingId: string;
  why: "failed" | "missing";
  failureReason?: string;
  failureMessage?: string;
}

/** Resubmits the failed and missing runs; exit 0 (with nothing sent) when there are none. */
export async function resubmitCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const file = args[1] as string;
  const intervalMs = checkSubmitOptions(options);
  if (/\.json$/i.test(file)) {
    throw new CommandError("`resubmit` needs the .batch program the batch was made from", 2, "pass the .batch file, not a request body");
  }

  // The runSettingIds of FILE, in order. This first pass over the program only reads the ids;
  // `compileRequest` below runs it again to build (and fully check) the selected runs.
  const loaded = loadProgram(file, io, parseVars(options.var));
  const expansion = loaded.frontEnd.expansion;
  if (!expansion) {
    reportDiagnostics(loaded.diagnostics, loaded, io, "text");
    return 1;
  }
  const runIds: string[] = [];
  for (const run of expansion.runs()) runIds.push(run.runSettingId);

  // What the batch did with each run. Only once every start was attempted is "missing" final.
  const session = await openOmics(options, io);
  let listed: RunItem[];
  try {
    const batch = await getBatch(session, id);
    if (STARTING_STATUSES.has(batch.status ?? "")) {
      throw new CommandError(
        `batch ${id} is still ${batch.status}: its runs are still being started`,
        1,
        `wait until it is INPROGRESS or later (\`batchc status ${id}\`), then resubmit`,
      );
    }
    listed = await listAllRuns(session, id);
  } finally {
    session.close();
  }
  const inBatch = new Map(listed.map((r) => [r.runSettingId ?? "", r]));

  // Which runs of FILE to send again.
  const picks: Pick[] = [];
  const total = runIds.length;
  let known = 0;
  for (const runSettingId of runIds) {
    const item = inBatch.get(runSettingId);
    if (item === undefined) {
      picks.push({ runSettingId, why: "missing" });
      continue;
    }
    known++;
    if (item.submissionStatus === "FAILED") {
      const pick: Pick = { runSettingId, why: "failed" };
      if (item.submissionFailureReason !== undefined) pick.failureReason = item.submissionFailureReason;
      if (item.submissionFailureMessage !== undefined) pick.failureMessage = item.submissionFailureMessage;
      picks.push(pick);
    }
  }
  if (listed.length > 0 && known === 0 && total > 0) {
    throw new CommandError(
      `none of the ${plural(total, "run")} of \`${file}\` are in batch ${id} (${plural(listed.length, "run")})`,
      1,
      "check the batch id and pass the .batch file (and `--var` values) the batch was made from",
    );
  }
  const failed = picks.filter((p) => p.why === "failed").length;
  const missing = picks.length - failed;
  const json = options.format === "json";
  if (picks.length === 0) {
    if (json) io.stdout.write(`${JSON.stringify({ resubmitOf: id, runCount: 0, runs: [] }, null, 2)}\n`);
    else io.stdout.write(`nothing to resubmit: batch ${id} started all ${plural(total, "run")} of ${file}\n`);
    return 0;
  }

  const selected = new Set(picks.map((p) => p.runSettingId));
  const compiled = await compileRequest(file, options, io, (run) => selected.has(run.runSettingId));
  if (typeof compiled === "number") return compiled;
  const { emitted } = compiled;
  const prepared: PreparedRequest = {
    file,
    program: true,
    request: withResubmitRequestId(emitted.request, id, emitted.settingsFile?.sha256),
    runCount: emitted.runCount,
    dispose: compiled.dispose,
  };
  if (emitted.settingsFile) prepared.settingsFile = emitted.settingsFile;
  const extra = { resubmitOf: id, failed, missing };
  try {
    if (options["dry-run"] === true) {
      if (json) {
        printDryRun(prepared, options, io, { ...extra, runs: picks });
        return 0;
      }
      io.stdout.write(`${resubmitHeadline(id, picks.length, failed, missing, "would resubmit")}:\n`);
      const width = Math.max(...picks.map((p) => p.runSettingId.length));
      for (const p of picks) io.stdout.write(`  ${p.runSettingId.padEnd(width)}  ${describePick(p)}\n`);
      io.stdout.write("\n");
      printDryRun(prepared, options, io);
      return 0;
    }
    if (!json) io.stderr.write(`${resubmitHeadline(id, picks.length, failed, missing, "resubmitting")}\n`);
    const started = await uploadAndStart(prepared, options, io);
    return await reportAndWait(started, options, io, intervalMs, extra);
  } finally {
    await compiled.dispose();
  }
}

/** `resubmitting 3 runs of batch 5000001 (2 failed to start, 1 missing)`. */
function resubmitHeadline(id: string, count: number, failed: number, missing: number, verb: string): string {
  return `${verb} ${plural(count, "run")} of batch ${id} (${formatCount(failed)} failed to start, ${formatCount(missing)} missing)`;
}

function describePick(p: Pick): string {
  if (p.why === "missing") return "missing from the batch";
  const detail = [p.failureReason, p.failureMessage].filter((s) => s !== undefined).join(": ");
  return `failed to start${detail !== "" ? `: ${detail}` : ""}`;
}

/**
 * The request with a requestId derived from its content and the original batch id. Without the
 * id, resubmitting every run of a batch whose runs all failed would send the original request
 * again, and the service would answer with the original batch.
 */
function withResubmitRequestId(request: StartRunBatchRequest, batchId: string, settingsSha256: string | undefined): StartRunBatchRequest {
  const { requestId: _, ...rest } = request;
  const requestId = deriveRequestId(`${JSON.stringify(rest)}\nresubmit of batch ${batchId}`, settingsSha256);
  return { ...request, requestId };
}
