// What each block field means, in a line, and its constraints from the StartRunBatch model:
// the text of completion items and hovers.
import { requestFields, runSettingFields, shapeSpec } from "@batchc/model";

/** One line per field a `batch`, `defaults` or `run` block may set. */
const DESCRIPTIONS: Readonly<Record<string, string>> = {
  settings: "S3 prefix the per-run settings file is written under (needed above 100 runs)",
  requestId: "idempotency token of the request (by default derived from its content)",
  maxRunsPerBatch: "runs per part: the runs are cut into batches NAME-part-K-of-P of at most this many (1 to 100000)",
  tags: "tags of the batch resource itself",
  workflowId: "ID of the HealthOmics workflow every run starts",
  workflowType: "kind of workflow: PRIVATE (READY2RUN workflows cannot run in a batch)",
  roleArn: "IAM role the runs assume to read their inputs and write their outputs",
  name: "run name, shown in the console and in ListRuns",
  cacheId: "run cache that keeps task results between runs",
  cacheBehavior: "when task results go to the run cache (needs cacheId)",
  runGroupId: "run group whose limits the runs count against",
  priority: "start order within a run group: higher starts first",
  storageCapacity: "run storage in GiB, with storageType STATIC",
  outputUri: "S3 prefix the run writes its outputs under",
  logLevel: "how much the run logs to CloudWatch",
  retentionMode: "what happens to the oldest runs' records when the account's run limit is reached",
  storageType: "STATIC (a fixed capacity) or DYNAMIC (grows as needed) run storage",
  workflowOwnerId: "AWS account that owns a workflow shared with you",
  outputBucketOwnerId: "AWS account expected to own the output bucket",
  workflowVersionName: "version of the workflow to run",
  networkingMode: "RESTRICTED (no internet access) or VPC networking for the runs",
  configurationName: "run configuration (VPC settings) used with networkingMode VPC",
  sessionPolicy: "IAM policy that narrows what the role may do during the run",
  engineSettings: "settings for the workflow engine (a JSON document)",
  scratchStorageMode: "where tasks keep scratch files: LOCAL or SHARED",
  runTags: "tags set on each run",
  params: "the workflow's parameters (declared in the top-level `params` block)",
};

/** The one-line description of a block field. */
export function describeField(name: string): string | undefined {
  return DESCRIPTIONS[name];
}

/** The model shape a field's value has (`RunRoleArn`), from the generated model. */
function targetOf(name: string): string | undefined {
  if (name === "params") return undefined;
  const all: readonly { name: string; target: string }[] = [...requestFields, ...runSettingFields];
  return all.find((f) => f.name === name)?.target;
}

/** The field's constraints, in a line: `string, 1 to 128 characters, matching ^arn:.+$`. */
export function constraintsOf(name: string): string | undefined {
  if (name === "settings") return "s3uri, an S3 prefix (s3://bucket/path/)";
  const target = targetOf(name);
  const spec = target === undefined ? undefined : shapeSpec(target);
  if (spec === undefined) return undefined;
  const bounds = (b: { min?: number; max?: number } | undefined, unit: string): string | undefined => {
    if (b === undefined) return undefined;
    if (b.min !== undefined && b.max !== undefined) return `${b.min} to ${b.max}${unit}`;
    if (b.max !== undefined) return `at most ${b.max}${unit}`;
    return b.min === undefined ? undefined : `at least ${b.min}${unit}`;
  };
  const parts: string[] = [];
  switch (spec.type) {
    case "string":
      if (spec.enum) return `one of ${spec.enum.map((v) => `"${v}"`).join(", ")}`;
      parts.push("string");
      if (bounds(spec.length, " characters")) parts.push(bounds(spec.length, " characters") as string);
      if (spec.pattern && !spec.pattern.includes("\\p{")) parts.push(`matching ${spec.pattern}`);
      break;
    case "integer":
      parts.push("int");
      if (bounds(spec.range, "")) parts.push(bounds(spec.range, "") as string);
      break;
    case "map":
      parts.push("tags: string keys and values");
      if (bounds(spec.length, " entries")) parts.push(bounds(spec.length, " entries") as string);
      break;
    case "document":
      parts.push("a JSON document");
      break;
    default:
      return undefined;
  }
  return parts.join(", ");
}

/** The enum values a field takes, if it is an enum. */
export function enumValuesOf(name: string): readonly string[] | undefined {
  const target = targetOf(name);
  const spec = target === undefined ? undefined : shapeSpec(target);
  return spec?.type === "string" ? spec.enum : undefined;
}
