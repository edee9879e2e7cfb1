// The HealthOmics operations batchc calls, typed: each sends its request through `OmicsClient`
// and checks the reply against the (loose) response schema, so a member of the wrong type is a
// clear `OmicsReplyError` and every member the service returned, known or not, is kept.
import { z } from "zod";
import { OmicsReplyError, type OmicsClient, type OmicsReply } from "./omics-http.js";
import type { OmicsOperation } from "./operations.js";
import {
  GetBatchResponseSchema,
  ListBatchResponseSchema,
  ListRunsInBatchResponseSchema,
  StartRunBatchResponseSchema,
  type GetBatchResponse,
  type ListBatchResponse,
  type ListRunsInBatchResponse,
  type StartRunBatchResponse,
} from "./schema.js";

/** The reply's body checked against `schema`; a mismatch names the first member that does not fit. */
function checked<T>(schema: z.ZodType<T>, reply: OmicsReply, operation: OmicsOperation, client: OmicsClient): T {
  const parsed = schema.safeParse(reply.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `\`${issue.path.map(String).join(".")}\`` : "the body";
  const expected = issue && "expected" in issue ? ` (expected ${String(issue.expected)})` : "";
  throw new OmicsReplyError(`the endpoint's ${operation} reply has a member of the wrong type: ${where}${expected}`, operation, client.endpoint, reply.status);
}

/** StartRunBatch with `body` sent byte for byte (it must carry its `requestId`). */
export async function startRunBatch(client: OmicsClient, body: string): Promise<StartRunBatchResponse> {
  const reply = await client.send("StartRunBatch", { body });
  return checked(StartRunBatchResponseSchema, reply, "StartRunBatch", client);
}

/** GetBatch: every member the service returned. */
export async function getBatch(client: OmicsClient, batchId: string): Promise<GetBatchResponse> {
  return checked(GetBatchResponseSchema, await client.send("GetBatch", { params: { batchId } }), "GetBatch", client);
}

/** The filters and paging of ListBatch (the API takes one filter per call). */
export interface ListBatchQuery {
  maxItems?: number;
  startingToken?: string;
  status?: string;
  name?: string;
  runGroupId?: string;
}

/** One page of ListBatch. */
export async function listBatch(client: OmicsClient, query: ListBatchQuery = {}): Promise<ListBatchResponse> {
  return checked(ListBatchResponseSchema, await client.send("ListBatch", { query: { ...query } }), "ListBatch", client);
}

/** The filters and paging of ListRunsInBatch. */
export interface ListRunsInBatchQuery {
  maxItems?: number;
  startingToken?: string;
  submissionStatus?: string;
  runSettingId?: string;
  runId?: string;
}

/** One page of ListRunsInBatch. */
export async function listRunsInBatch(client: OmicsClient, batchId: string, query: ListRunsInBatchQuery = {}): Promise<ListRunsInBatchResponse> {
  const reply = await client.send("ListRunsInBatch", { params: { batchId }, query: { ...query } });
  return checked(ListRunsInBatchResponseSchema, reply, "ListRunsInBatch", client);
}

/** CancelRunBatch. */
export async function cancelRunBatch(client: OmicsClient, batchId: string): Promise<void> {
  await client.send("CancelRunBatch", { body: JSON.stringify({ batchId }) });
}

/** DeleteRunBatch. */
export async function deleteRunBatch(client: OmicsClient, batchId: string): Promise<void> {
  await client.send("DeleteRunBatch", { body: JSON.stringify({ batchId }) });
}

/** TagResource: adds `tags` to the resource `arn` (a batch's ARN). */
export async function tagResource(client: OmicsClient, arn: string, tags: Record<string, string>): Promise<void> {
  await client.send("TagResource", { params: { resourceArn: arn }, body: JSON.stringify({ tags }) });
}

/** DeleteBatch. */
export async function deleteBatch(client: OmicsClient, batchId: string): Promise<void> {
  await client.send("DeleteBatch", { params: { batchId } });
}
