// zod 4 schemas of the StartRunBatch request, built from the model table in `model.ts`, and loose
// schemas of the batch responses. The request schemas mirror the model exactly: required
// members, lengths in code points, the model's patterns compiled with the `u` flag, integer
// ranges, enums, list lengths, a union with exactly one member, and no unknown keys.
// `emitRequest` parses every request with them before it leaves; per-run checks on large
// batches use the faster `validate.ts`, which a property test keeps in step with these.
import { z } from "zod";
import { shapes, shapeSpec, type Bounds, type EnumValue, type MemberSpec, type ShapeName, type StringShapeName } from "./model.js";

// zod makes no code from strings (its JIT of object schemas builds functions with `new Function`):
// batchc runs the same way with and without `node --disallow-code-generation-from-strings`.
z.config({ jitless: true });

/** Any JSON value (the model's `RunParameters` document type). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/** `TagMap`: tag keys (1–128 characters) to values (0–256 characters). */
export type TagMap = Record<string, string>;

/** `PRIVATE` or `READY2RUN` (a batch refuses `READY2RUN`). */
export type WorkflowType = EnumValue<"WorkflowType">;
/** `CACHE_ON_FAILURE` or `CACHE_ALWAYS`. */
export type CacheBehavior = EnumValue<"CacheBehavior">;
/** `OFF`, `FATAL`, `ERROR` or `ALL`. */
export type RunLogLevel = EnumValue<"RunLogLevel">;
/** `RETAIN` or `REMOVE`. */
export type RunRetentionMode = EnumValue<"RunRetentionMode">;
/** `STATIC` or `DYNAMIC`. */
export type StorageType = EnumValue<"StorageType">;
/** `RESTRICTED` or `VPC`. */
export type NetworkingMode = EnumValue<"NetworkingMode">;
/** `LOCAL` or `SHARED`. */
export type ScratchStorageMode = EnumValue<"ScratchStorageMode">;

/** The TypeScript type of a value of a model shape (enums as their values). */
export type ShapeValue<K extends ShapeName> = (typeof shapes)[K] extends { type: "string"; enum: readonly (infer V)[] }
  ? V
  : (typeof shapes)[K] extends { type: "string" }
    ? string
    : (typeof shapes)[K] extends { type: "integer" }
      ? number
      : (typeof shapes)[K] extends { type: "document" }
        ? JsonValue
        : (typeof shapes)[K] extends { type: "map" }
          ? TagMap
          : never;

type MembersOf<S extends "DefaultRunSetting" | "InlineSetting"> = (typeof shapes)[S]["members"][number];

/** A structure of the model as a TypeScript type: its required members required, the others optional. */
export type StructureValue<S extends "DefaultRunSetting" | "InlineSetting"> = {
  [M in MembersOf<S> as M extends { required: true } ? M["name"] : never]: ShapeValue<M["target"]>;
} & {
  [M in MembersOf<S> as M extends { required: true } ? never : M["name"]]?: ShapeValue<M["target"]>;
};

/** `DefaultRunSetting`: settings shared by every run of the batch. */
export type DefaultRunSetting = StructureValue<"DefaultRunSetting">;

/** `InlineSetting`: what one run sets; merged over the defaults by the service. */
export type InlineSetting = StructureValue<"InlineSetting">;

/** `BatchRunSettings`: a union, exactly one member set. */
export type BatchRunSettings =
  | { inlineSettings: InlineSetting[]; s3UriSettings?: never }
  | { s3UriSettings: string; inlineSettings?: never };

/** The body of `POST /runBatch`. */
export interface StartRunBatchRequest {
  batchName?: string;
  requestId: string;
  tags?: TagMap;
  defaultRunSetting: DefaultRunSetting;
  batchRunSettings: BatchRunSettings;
}

/** Number of Unicode code points (what Smithy's `length` counts on strings). */
const codePoints = (s: string): number => [...s].length;

function lengthChecked<T extends z.ZodType<string>>(schema: T, length: Bounds | undefined): T {
  if (length === undefined) return schema;
  const { min, max } = length;
  return schema.refine((s) => (min === undefined || codePoints(s) >= min) && (max === undefined || codePoints(s) <= max), {
    message: `length must be ${min ?? 0}..${max ?? "∞"} code points`,
  }) as T;
}

function stringSchema(name: string): z.ZodType<string> {
  const spec = shapeSpec(name);
  if (spec?.type !== "string") throw new Error(`not a string shape: ${name}`);
  if (spec.enum !== undefined) {
    const [first, ...rest] = spec.enum;
    if (first === undefined) throw new Error(`empty enum: ${name}`);
    return lengthChecked(z.enum([first, ...rest]), spec.length);
  }
  let schema: z.ZodType<string> = lengthChecked(z.string(), spec.length);
  if (spec.pattern !== undefined) {
    const re = new RegExp(spec.pattern, "u");
    schema = schema.refine((s) => re.test(s), { message: `must match ${spec.pattern}` });
  }
  return schema;
}

const built = new Map<string, z.ZodType>();

function memberSchema(m: MemberSpec): z.ZodType {
  const schema = schemaFor(m.target);
  return m.required ? schema : schema.optional();
}

/** The zod schema of any shape of the model table, by its short name (`RunName`, `TagMap`, ...). */
export function schemaFor(name: string): z.ZodType {
  const cached = built.get(name);
  if (cached !== undefined) return cached;
  const spec = shapeSpec(name);
  if (spec === undefined) throw new Error(`unknown shape: ${name}`);
  let schema: z.ZodType;
  switch (spec.type) {
    case "string":
      schema = stringSchema(name);
      break;
    case "integer": {
      let n = z.number().int();
      if (spec.range?.min !== undefined) n = n.min(spec.range.min);
      if (spec.range?.max !== undefined) n = n.max(spec.range.max);
      schema = n;
      break;
    }
    case "document":
      schema = z.json();
      break;
    case "structure":
      schema = z.strictObject(Object.fromEntries(spec.members.map((m) => [m.name, memberSchema(m)])));
      break;
    case "union": {
      const [first, ...rest] = spec.members.map((m) => z.strictObject({ [m.name]: memberSchema({ ...m, required: true }) }));
      if (first === undefined) throw new Error(`empty union: ${name}`);
      schema = z.union([first, ...rest]);
      break;
    }
    case "list": {
      const { min, max } = spec.length ?? {};
      schema = z
        .array(schemaFor(spec.member))
        .refine((xs) => (min === undefined || xs.length >= min) && (max === undefined || xs.length <= max), {
          message: `must have ${min ?? 0}..${max ?? "∞"} items`,
        });
      break;
    }
    case "map": {
      const { min, max } = spec.length ?? {};
      schema = z.record(schemaFor(spec.key) as z.ZodType<string>, schemaFor(spec.value)).refine(
        (m) => {
          const n = Object.keys(m).length;
          return (min === undefined || n >= min) && (max === undefined || n <= max);
        },
        { message: `must have ${min ?? 0}..${max ?? "∞"} entries` },
      );
      break;
    }
  }
  built.set(name, schema);
  return schema;
}

/** `StartRunBatchRequest`, exactly as the model constrains it. */
export const StartRunBatchRequestSchema = schemaFor("StartRunBatchRequest") as z.ZodType<StartRunBatchRequest>;
/** `DefaultRunSetting`. */
export const DefaultRunSettingSchema = schemaFor("DefaultRunSetting") as z.ZodType<DefaultRunSetting>;
/** `InlineSetting` (one run). */
export const InlineSettingSchema = schemaFor("InlineSetting") as z.ZodType<InlineSetting>;
/** `BatchRunSettings`: `inlineSettings` (1–100 runs) or `s3UriSettings`, never both. */
export const BatchRunSettingsSchema = schemaFor("BatchRunSettings") as z.ZodType<BatchRunSettings>;
/** `TagMap`. */
export const TagMapSchema = schemaFor("TagMap") as z.ZodType<TagMap>;
/** `RunParameters`: any JSON value. */
export const RunParametersSchema = schemaFor("RunParameters") as z.ZodType<JsonValue>;

/** The string and enum shapes used by the request, by their model names. */
export const stringSchemas = Object.fromEntries(
  (Object.keys(shapes) as (keyof typeof shapes)[])
    .filter((k) => shapes[k].type === "string")
    .map((k) => [k, schemaFor(k)]),
) as { [K in StringShapeName]: z.ZodType<string> };

// ---------------------------------------------------------------------------------------------
// Responses: loose (unknown keys kept, every member optional), for reading what the service says.
// Status enums are plain strings: the user guide lists values the model lacks.

/** A timestamp as it may arrive: RFC 3339 text, epoch seconds, or a `Date` from the SDK. */
const Timestamp = z.union([z.string(), z.number(), z.date()]);
const Count = z.number().int();

/** `StartRunBatchResponse`. */
export const StartRunBatchResponseSchema = z.looseObject({
  id: z.string().optional(),
  arn: z.string().optional(),
  status: z.string().optional(),
  uuid: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});
/** A parsed `StartRunBatchResponse`. */
export type StartRunBatchResponse = z.infer<typeof StartRunBatchResponseSchema>;

/** `SubmissionSummary` of `GetBatch`. */
export const SubmissionSummarySchema = z.looseObject({
  successfulStartSubmissionCount: Count.optional(),
  failedStartSubmissionCount: Count.optional(),
  pendingStartSubmissionCount: Count.optional(),
  successfulCancelSubmissionCount: Count.optional(),
  failedCancelSubmissionCount: Count.optional(),
  successfulDeleteSubmissionCount: Count.optional(),
  failedDeleteSubmissionCount: Count.optional(),
});

/** `RunSummary` of `GetBatch` (eventually consistent counts). */
export const RunSummarySchema = z.looseObject({
  pendingRunCount: Count.optional(),
  startingRunCount: Count.optional(),
  runningRunCount: Count.optional(),
  stoppingRunCount: Count.optional(),
  completedRunCount: Count.optional(),
  deletedRunCount: Count.optional(),
  failedRunCount: Count.optional(),
  cancelledRunCount: Count.optional(),
});

/** `GetBatchResponse`. */
export const GetBatchResponseSchema = z.looseObject({
  id: z.string().optional(),
  arn: z.string().optional(),
  uuid: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  totalRuns: Count.optional(),
  defaultRunSetting: z.looseObject({ workflowId: z.string().optional(), roleArn: z.string().optional() }).optional(),
  submissionSummary: SubmissionSummarySchema.optional(),
  runSummary: RunSummarySchema.optional(),
  creationTime: Timestamp.optional(),
  submittedTime: Timestamp.optional(),
  processedTime: Timestamp.optional(),
  failedTime: Timestamp.optional(),
  failureReason: z.string().optional(),
});
/** A parsed `GetBatchResponse`. */
export type GetBatchResponse = z.infer<typeof GetBatchResponseSchema>;

/** `BatchListItem` of `ListBatch`. */
export const BatchListItemSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string().optional(),
  status: z.string().optional(),
  createdAt: Timestamp.optional(),
  totalRuns: Count.optional(),
  workflowId: z.string().optional(),
});

/** `ListBatchResponse`. */
export const ListBatchResponseSchema = z.looseObject({
  items: z.array(BatchListItemSchema).optional(),
  nextToken: z.string().optional(),
});
/** A parsed `ListBatchResponse`. */
export type ListBatchResponse = z.infer<typeof ListBatchResponseSchema>;

/** `RunBatchListItem` of `ListRunsInBatch`: the `runSettingId` → `runId` mapping. */
export const RunBatchListItemSchema = z.looseObject({
  runSettingId: z.string().optional(),
  runId: z.string().optional(),
  runInternalUuid: z.string().optional(),
  runArn: z.string().optional(),
  submissionStatus: z.string().optional(),
  submissionFailureReason: z.string().optional(),
  submissionFailureMessage: z.string().optional(),
});

/** `ListRunsInBatchResponse`. */
export const ListRunsInBatchResponseSchema = z.looseObject({
  runs: z.array(RunBatchListItemSchema).optional(),
  nextToken: z.string().optional(),
});
/** A parsed `ListRunsInBatchResponse`. */
export type ListRunsInBatchResponse = z.infer<typeof ListRunsInBatchResponseSchema>;
