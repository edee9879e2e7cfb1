// Guarding against a second batch of the same program. The `requestId` is derived from the
// request's bytes, and a new batchc version may write different bytes for the same program, so
// submitting it again after an upgrade would start a second batch of the same runs. HealthOmics
// does not return a batch's `requestId`, so batchc tags each batch it starts with it (the tag
// `batchc:requestId`, by TagResource after StartRunBatch) and, before starting one, looks for
// batches with the same `batchName` that are not finished (ListBatch by name, GetBatch for their
// tags): one tagged with the same `requestId` is the same request (StartRunBatch returns it
// again); any other, untagged ones included, may be the same program submitted differently.
import { getBatch, listBatch, tagResource } from "./omics-calls.js";
import type { OmicsClient } from "./omics-http.js";

/** The tag that records the `requestId` a batch was started with. */
export const REQUEST_ID_TAG = "batchc:requestId";

/** Batch statuses after which nothing changes by itself. */
export const FINISHED_STATUSES: ReadonlySet<string> = new Set(["PROCESSED", "FAILED", "CANCELLED", "RUNS_DELETED", "RUNS_DELETE_FAILED"]);

/** A batch that may duplicate the one about to start. */
export interface PossibleDuplicate {
  id: string;
  status: string;
  /** The `requestId` it was started with, when batchc tagged it. */
  requestId?: string;
  /** All its tags. */
  tags: Readonly<Record<string, string>>;
}

/**
 * The batches named `batchName` that are not finished and were not started with `requestId`
 * (every page of ListBatch by name; GetBatch for each one's tags).
 */
export async function findPossibleDuplicates(client: OmicsClient, batchName: string, requestId: string): Promise<PossibleDuplicate[]> {
  const found: PossibleDuplicate[] = [];
  let token: string | undefined;
  do {
    const page = await listBatch(client, { name: batchName, maxItems: 100, ...(token !== undefined ? { startingToken: token } : {}) });
    for (const item of page.items ?? []) {
      if (item.id === undefined || item.name !== batchName || FINISHED_STATUSES.has(item.status ?? "")) continue;
      const batch = await getBatch(client, item.id);
      if (FINISHED_STATUSES.has(batch.status ?? "")) continue;
      const tagged = batch.tags?.[REQUEST_ID_TAG];
      if (tagged === requestId) continue;
      found.push({ id: item.id, status: batch.status ?? item.status ?? "?", tags: batch.tags ?? {}, ...(tagged !== undefined ? { requestId: tagged } : {}) });
    }
    const next = page.nextToken;
    token = next === undefined || next === "" || next === token ? undefined : next;
  } while (token !== undefined);
  return found;
}

/** Records on the batch (by its ARN) the `requestId` it was started with. */
export async function tagRequestId(client: OmicsClient, arn: string, requestId: string): Promise<void> {
  await tagResource(client, arn, { [REQUEST_ID_TAG]: requestId });
}
