// Resubmission chains: an original batch and every batch `batchc resubmit` started from it.
// A resubmission carries the batch tag `batchc:resubmit-of` (the original's id) and the chain's
// name (the original's name), so ListBatch's `name` filter finds the candidates (its items carry
// no tags) and GetBatch's tags confirm each one. A run of the chain has started when it started in
// any of its batches; the listings that say so must be complete, or nothing is decided.
import { deriveRequestId, type GetBatchResponse, type StartRunBatchRequest } from "@batchc/omics";
import { CommandError } from "../io.js";
import { formatCount, plural } from "@batchc/text";
import { getBatch, isoTime, listAllBatches, listAllRuns, STARTING_STATUSES, type OmicsSession, type RunItem } from "./omics-common.js";

/** The batch tag a resubmission records the original batch id in. */
export const RESUBMIT_OF_TAG = "batchc:resubmit-of";

/** A batch as GetBatch gives it, with its id known. */
export type ChainBatch = GetBatchResponse & { id: string };

export interface Chain {
  /** The original batch's id. */
  originalId: string;
  /** The batch name every batch of the chain carries. */
  name: string;
  /** The original first, then the resubmissions in the order they were created. */
  batches: ChainBatch[];
}

/** What became of one runSettingId across the chain. */
export interface RunOutcome {
  /** The batches it started in (more than one only if something else started it twice). */
  startedIn: string[];
  /** Its latest failed start (the reason and message the service gave). */
  failure?: { batchId: string; reason?: string; message?: string };
}

/** A run whose start failed; every other listed status (SUCCESS, CANCEL_*, DELETE_*) means it started. */
export function failedToStart(run: RunItem): boolean {
  return run.submissionStatus === "FAILED";
}

/** The chain's name: the original's, or one made from its id when it has none. */
export function chainName(original: GetBatchResponse, originalId: string): string {
  return original.name ?? `resubmissions of batch ${originalId}`;
}

/** The original batch id a batch's tags name, if it is a resubmission. */
function resubmitOf(batch: GetBatchResponse): string | undefined {
  const of = batch.tags?.[RESUBMIT_OF_TAG];
  return typeof of === "string" && /^[0-9]{1,18}$/.test(of) ? of : undefined;
}

/** Finds every batch of the chain `id` belongs to (the original or any resubmission). */
export async function findChain(session: OmicsSession, id: string): Promise<Chain> {
  const given = { ...(await getBatch(session, id)), id };
  const originalId = resubmitOf(given) ?? id;
  const original = originalId === id ? given : { ...(await getBatch(session, originalId)), id: originalId };
  const name = chainName(original, originalId);
  const members = new Map<string, ChainBatch>([[originalId, original]]);
  if (given !== original) members.set(id, given);
  const created = timeOf(original.creationTime);
  for (const item of await listAllBatches(session, { name }, true)) {
    if (item.id === undefined || members.has(item.id)) continue;
    // A batch created before the original cannot be a resubmission of it.
    if (created !== undefined && (timeOf(item.createdAt) ?? created) < created) continue;
    const batch = { ...(await getBatch(session, item.id)), id: item.id };
    if (resubmitOf(batch) === originalId) members.set(item.id, batch);
  }
  const rest = [...members.values()].filter((b) => b.id !== originalId);
  rest.sort((a, b) => (timeOf(a.creationTime) ?? 0) - (timeOf(b.creationTime) ?? 0) || compareIds(a.id, b.id));
  return { originalId, name, batches: [original, ...rest] };
}

/** The batches of the chain still starting runs (their listings are not final yet). */
export function startingBatches(chain: Chain): ChainBatch[] {
  return chain.batches.filter((b) => STARTING_STATUSES.has(b.status ?? ""));
}

/**
 * What became of every listed runSettingId across the batches of the chain (`skip`: batches not
 * to list). Each listing must be complete: it may not end on an empty or repeated nextToken, and
 * it must hold as many runs as GetBatch counts started or failed to start; otherwise this throws.
 */
export async function chainOutcomes(
  session: OmicsSession,
  chain: Chain,
  skip: ReadonlySet<string> = new Set(),
  onPage?: (batchId: string, pages: number, runs: number) => void,
): Promise<Map<string, RunOutcome>> {
  const outcomes = new Map<string, RunOutcome>();
  for (const batch of chain.batches) {
    if (skip.has(batch.id)) continue;
    const listed = await listAllRuns(session, batch.id, undefined, true, onPage && ((pages, runs) => onPage(batch.id, pages, runs)));
    const s = batch.submissionSummary ?? {};
    const counted = (s.successfulStartSubmissionCount ?? 0) + (s.failedStartSubmissionCount ?? 0);
    if (listed.length !== counted) {
      throw new CommandError(
        `batch ${batch.id} lists ${plural(listed.length, "run")}, but GetBatch counts ${formatCount(counted)} started or failed to start: the listing is incomplete; try again`,
        3,
        "nothing was started; the service's counts and listings can trail each other for a moment, so run the command again",
      );
    }
    for (const run of listed) {
      const runSettingId = run.runSettingId ?? "";
      const outcome = outcomes.get(runSettingId) ?? { startedIn: [] };
      if (!failedToStart(run)) outcome.startedIn.push(batch.id);
      else {
        outcome.failure = { batchId: batch.id };
        if (run.submissionFailureReason !== undefined) outcome.failure.reason = run.submissionFailureReason;
        if (run.submissionFailureMessage !== undefined) outcome.failure.message = run.submissionFailureMessage;
      }
      outcomes.set(runSettingId, outcome);
    }
  }
  return outcomes;
}

/**
 * The request as a resubmission in the chain: the chain's name, the tag naming the original, and
 * a requestId derived from the request and the chain's batches. Repeating a round finds the same
 * chain and the same runs, so the service returns the batch that round started; after a new
 * failure the chain has one more batch, so the next round gets a new requestId.
 */
export function asResubmission(request: StartRunBatchRequest, chain: Chain, settingsSha256: string | undefined): StartRunBatchRequest {
  const tagged: StartRunBatchRequest = { ...request, batchName: chain.name, tags: { ...(request.tags ?? {}), [RESUBMIT_OF_TAG]: chain.originalId } };
  const { requestId: _, ...rest } = tagged;
  const ids = chain.batches.map((b) => b.id).join(" ");
  const requestId = deriveRequestId(`${JSON.stringify(rest)}\nresubmission in the chain of batches ${ids}`, settingsSha256);
  return { ...tagged, requestId };
}

/** `5000001`, or `5000001 and its 2 resubmissions`. */
export function chainText(chain: Chain): string {
  const more = chain.batches.length - 1;
  return more === 0 ? `batch ${chain.originalId}` : `batch ${chain.originalId} and its ${plural(more, "resubmission")}`;
}

function timeOf(v: string | number | Date | undefined): number | undefined {
  const text = isoTime(v);
  if (text === undefined) return undefined;
  const t = Date.parse(text);
  return Number.isNaN(t) ? undefined : t;
}

/** Numeric ids in numeric order. */
function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}
