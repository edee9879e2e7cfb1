// The HTTP bindings of the HealthOmics operations batchc calls (restJson1): method, path, the
// success status, the host prefix and the reply members batchc cannot do without. A test holds
// the bindings equal to the AWS model file (TagResource, which the reduced model file leaves
// out, as botocore 1.43.107's full omics model states it).

/** The HealthOmics operations batchc calls. */
export type OmicsOperation =
  | "StartRunBatch"
  | "GetBatch"
  | "ListBatch"
  | "ListRunsInBatch"
  | "CancelRunBatch"
  | "DeleteRunBatch"
  | "DeleteBatch"
  | "GetWorkflow"
  | "GetWorkflowVersion"
  | "TagResource";

/** One operation's binding. */
export interface OperationBinding {
  method: "GET" | "POST" | "DELETE";
  /** The path, with `{name}` for path parameters. */
  path: string;
  /** The success status the model gives. */
  status: number;
  /** True when the reply carries a JSON document (an empty body is then an error). */
  hasBody: boolean;
  /** Members the reply must have for batchc to use it. */
  required: readonly string[];
  /** The host prefix on AWS's endpoints (none on custom ones). */
  hostPrefix: string;
}

/** The bindings, as the AWS model states them. */
const W = "workflows-";
export const OPERATIONS: Readonly<Record<OmicsOperation, OperationBinding>> = {
  StartRunBatch: { method: "POST", path: "/runBatch", status: 201, hasBody: true, required: ["id"], hostPrefix: W },
  GetBatch: { method: "GET", path: "/runBatch/{batchId}", status: 200, hasBody: true, required: ["id", "status"], hostPrefix: W },
  ListBatch: { method: "GET", path: "/runBatch", status: 200, hasBody: true, required: [], hostPrefix: W },
  ListRunsInBatch: { method: "GET", path: "/runBatch/{batchId}/run", status: 200, hasBody: true, required: [], hostPrefix: W },
  CancelRunBatch: { method: "POST", path: "/runBatch/cancel", status: 202, hasBody: false, required: [], hostPrefix: W },
  DeleteRunBatch: { method: "POST", path: "/runBatch/delete", status: 202, hasBody: false, required: [], hostPrefix: W },
  DeleteBatch: { method: "DELETE", path: "/runBatch/{batchId}", status: 202, hasBody: false, required: [], hostPrefix: W },
  GetWorkflow: { method: "GET", path: "/workflow/{id}", status: 200, hasBody: true, required: ["id"], hostPrefix: W },
  GetWorkflowVersion: { method: "GET", path: "/workflow/{workflowId}/version/{versionName}", status: 200, hasBody: true, required: [], hostPrefix: W },
  TagResource: { method: "POST", path: "/tags/{resourceArn}", status: 204, hasBody: false, required: [], hostPrefix: "tags-" },
};

/** The path of `binding` with its parameters filled in (each percent-encoded as one segment). */
export function operationPath(binding: OperationBinding, params: Readonly<Record<string, string>> = {}): string {
  return binding.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter \`${name}\` for ${binding.path}`);
    return encodeURIComponent(value);
  });
}
