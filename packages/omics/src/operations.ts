// The HTTP bindings of the HealthOmics operations batchc calls (restJson1): method, path, the
// success status and the reply members batchc cannot do without. A test holds the bindings equal
// to the AWS model file.

/** The HealthOmics operations batchc calls. */
export type OmicsOperation =
  | "StartRunBatch"
  | "GetBatch"
  | "ListBatch"
  | "ListRunsInBatch"
  | "CancelRunBatch"
  | "DeleteRunBatch"
  | "DeleteBatch"
  | "GetWorkflow";

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
}

/** The bindings, as the AWS model states them. */
export const OPERATIONS: Readonly<Record<OmicsOperation, OperationBinding>> = {
  StartRunBatch: { method: "POST", path: "/runBatch", status: 201, hasBody: true, required: ["id"] },
  GetBatch: { method: "GET", path: "/runBatch/{batchId}", status: 200, hasBody: true, required: ["id", "status"] },
  ListBatch: { method: "GET", path: "/runBatch", status: 200, hasBody: true, required: [] },
  ListRunsInBatch: { method: "GET", path: "/runBatch/{batchId}/run", status: 200, hasBody: true, required: [] },
  CancelRunBatch: { method: "POST", path: "/runBatch/cancel", status: 202, hasBody: false, required: [] },
  DeleteRunBatch: { method: "POST", path: "/runBatch/delete", status: 202, hasBody: false, required: [] },
  DeleteBatch: { method: "DELETE", path: "/runBatch/{batchId}", status: 202, hasBody: false, required: [] },
  GetWorkflow: { method: "GET", path: "/workflow/{id}", status: 200, hasBody: true, required: ["id"] },
};

/** The path of `binding` with its parameters filled in (each percent-encoded as one segment). */
export function operationPath(binding: OperationBinding, params: Readonly<Record<string, string>> = {}): string {
  return binding.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter \`${name}\` for ${binding.path}`);
    return encodeURIComponent(value);
  });
}
