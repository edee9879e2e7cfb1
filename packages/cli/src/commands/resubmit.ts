// `batchc resubmit BATCH_ID FILE`: start a new batch of exactly the runs of FILE that never
// started anywhere in BATCH_ID's resubmission chain (the original batch and every resubmission
// of it, see chain.ts), with the same settings. A run has started when any batch of the chain
// lists it with a status other than FAILED. The new batch joins the chain (tag and name), and its
// requestId is derived from its content and the chain, so repeating a round returns the batch that
// round started, while a new round after a new failure starts a new one.
//
// It refuses, before anything is sent: while a batch of the chain is still starting runs; a chain
// with a CANCELLED or STOPPING batch (unless --include-cancelled); a chain that started nothing
// (unless --all); a file whose defaults differ from the original's (unless
// --accept-changed-defaults); a listing that disagrees with GetBatch's counts.
import { renameRequest, type DefaultRunSetting } from "@batchc/omics";
import type { EmittedBatch as Emitted } from "@batchc/compiler";
import { CommandError, type Io } from "../io.js";
import { formatCount, plural } from "@batchc/text";
import { jsonDocument } from "../machine-output.js";
import { ProgressLine } from "../progress.js";
import { asResubmission, chainOutcomes, chainText, findChain, startingBatches, type Chain, type RunOutcome } from "./chain.js";
import { compileRequest } from "./compile.js";
import { defaultsDifferences } from "./defaults-diff.js";
import { batchIdArg, openOmics } from "./omics-common.js";
import { checkSubmitOptions, printDryRun, reportAndWait, uploadAndStart, type PreparedRequest } from "./submit.js";

/** Why a run is resubmitted. */
interface Pick {
  runSettingId: string;
  why: "failed" | "missing";
  failureReason?: string;
  failureMessage?: string;
}

/** A reason not to resubmit, and the flag that overrides it. */
interface Refusal {
  message: string;
  help: string;
}

/** Resubmits the runs that never started; exit 0 (with nothing sent) when there are none. */
export async function resubmitCommand(args: string[], options: Record<string, unknown>, io: Io): Promise<number> {
  const id = batchIdArg(args[0]);
  const file = args[1] as string;
  const intervalMs = checkSubmitOptions(options);
  if (/\.json$/i.test(file)) {
    throw new CommandError("`resubmit` needs the .batch program the batch was made from", 2, "pass the .batch file, not a request body");
  }

  // The whole program as `submit` would send it: its runSettingIds, in order, and its defaults
  // (after hoisting, as the original batch received them). Nothing is written by this pass.
  const runIds: string[] = [];
  const whole = await compileRequest(file, { ...options, "dry-run": true }, io, (run) => {
    runIds.push(run.runSettingId);
    return true;
  });
  if (typeof whole === "number") return whole;
  let fileDefaults = whole.emitted.request.defaultRunSetting;
  await whole.dispose();

  // What the chain did with each run. Only once every start was attempted is "missing" final.
  const { chain, outcomes } = await readChain(id, options, io);

  // With `maxRunsPerBatch`, the batch is one part of the program: its runs and defaults are that part's.
  let partRuns = runIds;
  if (whole.split) {
    const part = partOfChain(whole.parts, runIds, chain, file);
    partRuns = part.runIds;
    fileDefaults = part.defaults;
  }
  const picks = pickRuns(partRuns, outcomes);
  const known = runIds.filter((r) => outcomes.has(r)).length;
  if (outcomes.size > 0 && known === 0 && runIds.length > 0) {
    throw new CommandError(
      `none of the ${plural(runIds.length, "run")} of \`${file}\` are in ${chainText(chain)} (${plural(outcomes.size, "run")})`,
      1,
      "check the batch id and pass the .batch file (and `--var` values) the batch was made from",
    );
  }
  const failed = picks.filter((p) => p.why === "failed").length;
  const missing = picks.length - failed;
  const json = options.format === "json";
  const chainIds = chain.batches.map((b) => b.id);
  if (picks.length === 0) {
    if (json) io.stdout.write(jsonDocument({ resubmitOf: chain.originalId, chain: chainIds, runCount: 0, runs: [] }));
    else io.stdout.write(`nothing to resubmit: ${chainText(chain)} started all ${plural(partRuns.length, "run")} of ${whole.split ? `${chain.name} of ` : ""}${file}\n`);
    return 0;
  }

  const refusals = refusalsOf(chain, outcomes, picks, fileDefaults, file, options);
  if (refusals.length > 0) {
    for (const r of refusals) io.stderr.write(`error: ${r.message}\nhelp: ${r.help}\n`);
    return 1;
  }

  const compiled = await resubmission(file, picks, chain, options, io);
  if (typeof compiled === "number") return compiled;
  const { prepared } = compiled;
  const extra = { resubmitOf: chain.originalId, chain: chainIds, failed, missing };
  try {
    if (options["dry-run"] === true) {
      if (json) {
        printDryRun(prepared, options, io, { ...extra, runs: picks });
        return 0;
      }
      io.stdout.write(`${resubmitHeadline(chain, picks.length, failed, missing, "would resubmit")}:\n`);
      const width = Math.max(...picks.map((p) => p.runSettingId.length));
      for (const p of picks) io.stdout.write(`  ${p.runSettingId.padEnd(width)}  ${describePick(p, chain)}\n`);
      io.stdout.write("\n");
      printDryRun(prepared, options, io);
      return 0;
    }
    if (!json) io.stderr.write(`${resubmitHeadline(chain, picks.length, failed, missing, "resubmitting")}\n`);
    const started = await uploadAndStart(prepared, options, io);
    return await reportAndWait(started, options, io, intervalMs, extra);
  } finally {
    await compiled.dispose();
  }
}

/** The batch's chain of resubmissions and what became of each run; refused while a batch is still starting runs. */
async function readChain(id: string, options: Record<string, unknown>, io: Io): Promise<{ chain: Chain; outcomes: Map<string, RunOutcome> }> {
  const session = await openOmics(options, io);
  try {
    const chain = await findChain(session, id);
    const starting = startingBatches(chain);
    if (starting.length > 0) {
      const b = starting[0] as Chain["batches"][number];
      throw new CommandError(
        `batch ${b.id}${b.id === chain.originalId ? "" : ` (a resubmission of batch ${chain.originalId})`} is still ${b.status}: its runs are still being started`,
        1,
        `wait until it is INPROGRESS or later (\`batchc status ${b.id}\`), then resubmit`,
      );
    }
    const line = ProgressLine.open(io);
    const outcomes = await chainOutcomes(session, chain, undefined, (batchId, pages, runs) =>
      line?.draw(`reading the runs of batch ${batchId}: `, `page ${formatCount(pages)}, ${formatCount(runs)} runs`, "", "end"),
    );
    line?.clear();
    return { chain, outcomes };
  } finally {
    session.close();
  }
}

/** The picked runs of the file, compiled into the chain's next request. */
async function resubmission(
  file: string,
  picks: readonly Pick[],
  chain: Chain,
  options: Record<string, unknown>,
  io: Io,
): Promise<{ prepared: PreparedRequest; dispose(): Promise<void> } | number> {
  const selected = new Set(picks.map((p) => p.runSettingId));
  const compiled = await compileRequest(file, options, io, (run) => selected.has(run.runSettingId));
  if (typeof compiled === "number") return compiled;
  // A part's runs come back as a part of their own: named as the chain, their settings file too.
  const batch = compiled.loaded.frontEnd.expansion?.batch;
  const emitted = compiled.split && batch !== undefined ? renameRequest(compiled.emitted, { ...batch, batchName: chain.name, requestId: undefined }) : compiled.emitted;
  const prepared: PreparedRequest = {
    file,
    program: true,
    request: asResubmission(emitted.request, chain, emitted.settingsFile?.sha256),
    runCount: emitted.runCount,
    dispose: compiled.dispose,
  };
  if (emitted.settingsFile) prepared.settingsFile = emitted.settingsFile;
  return { prepared, dispose: compiled.dispose };
}

/**
 * The part of a program with `maxRunsPerBatch` that the chain's batch is, by its name: its runs
 * (the program's, cut as the parts are) and its defaults. None is an error naming the parts.
 */
function partOfChain(parts: readonly Emitted[], runIds: readonly string[], chain: Chain, file: string): { runIds: string[]; defaults: DefaultRunSetting } {
  let from = 0;
  for (const part of parts) {
    if (part.request.batchName === chain.name) return { runIds: runIds.slice(from, from + part.runCount), defaults: part.request.defaultRunSetting };
    from += part.runCount;
  }
  const names = parts.map((p) => `\`${p.request.batchName ?? ""}\``);
  throw new CommandError(
    `${chainText(chain)} is named \`${chain.name}\`, which is none of the parts of \`${file}\` (${names.length > 4 ? `${names.slice(0, 3).join(", ")}, … ${names[names.length - 1]}` : names.join(", ")})`,
    1,
    "check the batch id and pass the .batch file (and `--var` values) the batch was made from",
  );
}

/** The runs of the file, in order, that never started in the chain. */
function pickRuns(runIds: readonly string[], outcomes: ReadonlyMap<string, RunOutcome>): Pick[] {
  const picks: Pick[] = [];
  for (const runSettingId of runIds) {
    const outcome = outcomes.get(runSettingId);
    if (outcome === undefined) {
      picks.push({ runSettingId, why: "missing" });
      continue;
    }
    if (outcome.startedIn.length > 0) continue;
    const pick: Pick = { runSettingId, why: "failed" };
    if (outcome.failure?.reason !== undefined) pick.failureReason = outcome.failure.reason;
    if (outcome.failure?.message !== undefined) pick.failureMessage = outcome.failure.message;
    picks.push(pick);
  }
  return picks;
}

/** Every reason not to start the picked runs, unless the matching flag says to. */
function refusalsOf(
  chain: Chain,
  outcomes: ReadonlyMap<string, RunOutcome>,
  picks: readonly Pick[],
  fileDefaults: DefaultRunSetting,
  file: string,
  options: Record<string, unknown>,
): Refusal[] {
  const refusals: Refusal[] = [];
  const would = `resubmitting would start ${plural(picks.length, "run")}`;
  if (options["include-cancelled"] !== true) {
    for (const b of chain.batches.filter((x) => x.status === "CANCELLED" || x.status === "STOPPING")) {
      refusals.push({
        message: `batch ${b.id} is ${b.status}: ${would}, some of which may have been cancelled on purpose`,
        help: "pass `--include-cancelled` to start the runs a cancelled batch never started",
      });
    }
  }
  if (options.all !== true && ![...outcomes.values()].some((o) => o.startedIn.length > 0)) {
    const original = chain.batches[0];
    const why = original?.status === "FAILED" && original.failureReason !== undefined ? ` (${original.status}: ${original.failureReason})` : ` (${original?.status ?? "?"})`;
    refusals.push({
      message: `${chainText(chain)} started none of its runs${why}: ${would}, the whole of ${file}`,
      help: `check why nothing started (\`batchc status ${chain.originalId}\`, \`batchc runs ${chain.originalId}\`); pass \`--all\` to start them all in a new batch`,
    });
  }
  const original = chain.batches[0]?.defaultRunSetting;
  if (options["accept-changed-defaults"] !== true && original !== undefined) {
    const differing = defaultsDifferences(original as unknown as Record<string, unknown>, fileDefaults as unknown as Record<string, unknown>);
    if (differing.length > 0) {
      refusals.push({
        message: `the defaults of ${file} differ from those batch ${chain.originalId} ran with, in ${differing.map((f) => `\`${f}\``).join(", ")}`,
        help:
          "resubmit with the file (and `--var` values) the batch was made from (with `--no-hoist` if it was compiled so); " +
          "pass `--accept-changed-defaults` to start the runs with the new defaults",
      });
    }
  }
  return refusals;
}

/** `resubmitting 3 runs of batch 5000001 (2 failed to start, 1 missing)`. */
function resubmitHeadline(chain: Chain, count: number, failed: number, missing: number, verb: string): string {
  return `${verb} ${plural(count, "run")} of ${chainText(chain)} (${formatCount(failed)} failed to start, ${formatCount(missing)} missing)`;
}

function describePick(p: Pick, chain: Chain): string {
  if (p.why === "missing") return chain.batches.length === 1 ? "missing from the batch" : "missing from every batch";
  const detail = [p.failureReason, p.failureMessage].filter((s) => s !== undefined).join(": ");
  return `failed to start${detail !== "" ? `: ${detail}` : ""}`;
}
