// GetWorkflow and GetWorkflowVersion, for `--live`: only the `parameterTemplate` is read (a map
// of parameter name to `{ description?, optional? }`); a reply whose template has another shape
// is an `OmicsReplyError`, never a silently empty template.
import { OmicsReplyError, type OmicsClient, type OmicsReply } from "./omics-http.js";
import type { OmicsOperation } from "./operations.js";

/** A workflow's parameters as its template declares them. */
export type WorkflowParameterTemplate = Record<string, { optional?: boolean; description?: string }>;

/** Which workflow, as a run names it (`workflowId`, `workflowVersionName`, `workflowType`, `workflowOwnerId`). */
export interface WorkflowQuery {
  workflowId: string;
  versionName?: string;
  type?: string;
  ownerId?: string;
}

/**
 * The `parameterTemplate` of a workflow (GetWorkflow) or of one of its versions
 * (GetWorkflowVersion, when `versionName` is set); `{}` when the workflow has none.
 */
export async function getParameterTemplate(client: OmicsClient, q: WorkflowQuery): Promise<WorkflowParameterTemplate> {
  const query: Record<string, string> = {};
  if (q.type !== undefined) query.type = q.type;
  if (q.ownerId !== undefined) query.workflowOwnerId = q.ownerId;
  const operation: OmicsOperation = q.versionName !== undefined ? "GetWorkflowVersion" : "GetWorkflow";
  const reply =
    q.versionName !== undefined
      ? await client.send("GetWorkflowVersion", { params: { workflowId: q.workflowId, versionName: q.versionName }, query })
      : await client.send("GetWorkflow", { params: { id: q.workflowId }, query });
  return templateOf(reply, operation, client);
}

function templateOf(reply: OmicsReply, operation: OmicsOperation, client: OmicsClient): WorkflowParameterTemplate {
  const fail = (what: string): never => {
    throw new OmicsReplyError(`the endpoint's ${operation} reply has ${what}`, operation, client.endpoint, reply.status);
  };
  const template = (reply.body as { parameterTemplate?: unknown }).parameterTemplate;
  if (template === undefined) return {};
  if (typeof template !== "object" || template === null || Array.isArray(template)) return fail("a `parameterTemplate` that is not an object");
  const out: WorkflowParameterTemplate = Object.create(null) as WorkflowParameterTemplate;
  for (const [name, p] of Object.entries(template)) {
    if (typeof p !== "object" || p === null || Array.isArray(p)) return fail(`a parameter \`${name.slice(0, 64)}\` that is not an object`);
    const { optional, description } = p as { optional?: unknown; description?: unknown };
    if (optional !== undefined && typeof optional !== "boolean") return fail(`a parameter \`${name.slice(0, 64)}\` whose \`optional\` is not a boolean`);
    out[name] = { ...(optional !== undefined ? { optional } : {}), ...(typeof description === "string" ? { description } : {}) };
  }
  return out;
}
