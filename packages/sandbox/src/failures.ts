// Which runs fail to start. Two sources: a test's own choice (`failRuns`: ids or a predicate), and
// the sandbox's failure share: of the runs of a batch never attempted before, exactly
// round(share × n) fail on their first start, those whose runSettingId has the smallest SHA-256,
// with a transient reason (quota, throttling, an internal error) also chosen by that hash. A run
// attempted once (same workflow, runSettingId and merged parameters) does not fail by the share
// again, so resubmitting the failed runs starts them, as it would after a transient failure.
import { createHash } from "node:crypto";
import type { RunFailure, RunRecord } from "./records.js";
import { canonicalJson } from "./views.js";

/**
 * Which runs fail to start: a set of `runSettingId`s, or a predicate that returns `true` (default
 * reason and message) or its own `{ reason, message }`.
 */
export type RunFailureSpec =
  | Iterable<string>
  | ((runSettingId: string, setting: Readonly<Record<string, unknown>>) => boolean | RunFailure);

/** The chosen failures of a `failRuns` spec, as one function. */
export function runFailurePredicate(spec: RunFailureSpec | undefined): (id: string, setting: Readonly<Record<string, unknown>>) => RunFailure | undefined {
  const fallback = (id: string): RunFailure => ({ reason: "ValidationException", message: `Run setting ${id} failed validation (injected by the test endpoint).` });
  if (spec === undefined) return () => undefined;
  if (typeof spec === "function") {
    return (id, setting) => {
      const r = spec(id, setting);
      return r === true ? fallback(id) : r === false ? undefined : r;
    };
  }
  const ids = new Set(spec);
  return (id) => (ids.has(id) ? fallback(id) : undefined);
}

/** Transient reasons a run start fails for, worded as the service's errors are. */
const REASONS: readonly RunFailure[] = [
  {
    reason: "ServiceQuotaExceededException",
    message: "The run could not be started: the account's quota of concurrent runs was reached. Start it again when other runs have finished.",
  },
  { reason: "ThrottlingException", message: "Rate exceeded: the StartRun throughput quota was exceeded while the batch's runs were being started." },
  { reason: "InternalServerException", message: "The run could not be started because of an internal error. Start it again." },
];

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** What identifies a run across batches: the workflow, its runSettingId and its merged parameters. */
export function runKey(defaults: Readonly<Record<string, unknown>>, run: RunRecord): string {
  const params = { ...(asObject(defaults.parameters) ?? {}), ...(asObject(run.setting.parameters) ?? {}) };
  return sha256(canonicalJson([defaults.workflowId ?? null, run.runSettingId, params])).slice(0, 32);
}

function asObject(v: unknown): Record<string, unknown> | undefined {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** How many runs of `n` fail at `share` (0–1): the nearest whole number. */
export function failureCount(n: number, share: number): number {
  return Math.round(n * share);
}

/**
 * The runs of `candidates` that fail by the share (by runSettingId), each with its reason:
 * the {@link failureCount} with the smallest SHA-256 of their runSettingId.
 */
export function shareFailures(candidates: readonly RunRecord[], share: number): Map<string, RunFailure> {
  const ranked = candidates.map((r) => ({ id: r.runSettingId, hash: sha256(r.runSettingId) })).sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  const out = new Map<string, RunFailure>();
  for (const { id, hash } of ranked.slice(0, failureCount(candidates.length, share))) {
    out.set(id, REASONS[Number.parseInt(hash.slice(0, 8), 16) % REASONS.length] as RunFailure);
  }
  return out;
}
