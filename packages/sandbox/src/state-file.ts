// The sandbox's data file: the endpoint's state (batches, used requestIds, runs attempted once,
// the next ids) as JSON, written atomically a moment after each change and when the sandbox
// stops, and read back when it starts with the same `--data` folder.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { emptyState } from "./context.js";
import type { BatchRecord, EndpointState, RequestIdRecord } from "./records.js";

const FORMAT_VERSION = 1;
const DATES = ["creationTime", "submittedTime", "processedTime", "failedTime", "steppedAt"] as const;

interface StateFile {
  formatVersion: number;
  nextBatchId: number;
  nextRunId: number;
  batches: Record<string, unknown>[];
  requestIds: [string, RequestIdRecord][];
  attempted: string[];
}

/** Why a data file cannot be used. */
export class StateFileError extends Error {}

/** The state in `file`, or a fresh one when there is no file. */
export function readState(file: string): EndpointState {
  let text: string;
  try {
    text = readFileSync(file, "utf-8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return emptyState();
    throw new StateFileError(`cannot read the sandbox's data file: ${(err as Error).message}`);
  }
  let data: StateFile;
  try {
    data = JSON.parse(text) as StateFile;
  } catch {
    throw new StateFileError("the sandbox's data file is not valid JSON");
  }
  if (data?.formatVersion !== FORMAT_VERSION || !Array.isArray(data.batches) || !Array.isArray(data.requestIds) || !Array.isArray(data.attempted)) {
    throw new StateFileError(`the sandbox's data file is not one this version writes (formatVersion ${FORMAT_VERSION})`);
  }
  const state = emptyState();
  state.nextBatchId = data.nextBatchId;
  state.nextRunId = data.nextRunId;
  for (const raw of data.batches) {
    const b = { ...raw } as Record<string, unknown>;
    for (const k of DATES) if (typeof b[k] === "string") b[k] = new Date(b[k] as string);
    state.batches.set(String(b.id), b as unknown as BatchRecord);
  }
  state.requestIds = new Map(data.requestIds);
  state.attempted = new Set(data.attempted);
  return state;
}

/** Writes `state` to `file` (through a temporary file, so a crash never leaves half a file). */
export function writeState(file: string, state: EndpointState): void {
  const data: StateFile = {
    formatVersion: FORMAT_VERSION,
    nextBatchId: state.nextBatchId,
    nextRunId: state.nextRunId,
    batches: [...state.batches.values()].map((b) => ({ ...b }) as unknown as Record<string, unknown>),
    requestIds: [...state.requestIds],
    attempted: [...state.attempted],
  };
  const temporary = `${file}.partial`;
  writeFileSync(temporary, JSON.stringify(data));
  renameSync(temporary, file);
}

/** Writes the state a short while after changes (one write for a burst), and at once on `flush`. */
export function stateWriter(file: string, delayMs = 200): { changed(state: EndpointState): void; flush(): void } {
  let pending: EndpointState | undefined;
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (pending) writeState(file, pending);
    pending = undefined;
  };
  return {
    changed: (state) => {
      pending = state;
      timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}
