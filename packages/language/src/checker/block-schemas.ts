// What each block (`batch`, `defaults`, `run`) may contain, by API name, with each field's type
// (docs/language.md §3). Enumerated fields are string-literal unions of the API's enum values.
import { INT, S3URI, STRING, enumOf, type Type } from "./types.js";

/** A `key = value` field and the type its value must have. */
export interface FieldSpec {
  kind: "field";
  type: Type;
}

/** A `key { k = v }` block: tags (string values) or workflow parameters. */
export interface MapSpec {
  kind: "tags" | "params";
}

export type EntrySpec = FieldSpec | MapSpec;

/** The entries one block allows. */
export interface BlockSchema {
  /** The block's keyword, for messages (`defaults`). */
  keyword: string;
  entries: ReadonlyMap<string, EntrySpec>;
  /** Fields that must be set. */
  required: readonly string[];
}

const field = (type: Type): FieldSpec => ({ kind: "field", type });
const tags: MapSpec = { kind: "tags" };
const params: MapSpec = { kind: "params" };

/** The API enums of `defaultRunSetting` (omics model, 2026-04-27). */
export const API_ENUMS = {
  workflowType: ["PRIVATE", "READY2RUN"],
  cacheBehavior: ["CACHE_ON_FAILURE", "CACHE_ALWAYS"],
  logLevel: ["OFF", "FATAL", "ERROR", "ALL"],
  retentionMode: ["RETAIN", "REMOVE"],
  storageType: ["STATIC", "DYNAMIC"],
  networkingMode: ["RESTRICTED", "VPC"],
} as const;

/** `defaults { ... }`: `defaultRunSetting`, plus `params { }` for default parameter values. */
export const DEFAULTS_SCHEMA: BlockSchema = {
  keyword: "defaults",
  entries: new Map<string, EntrySpec>([
    ["workflowId", field(STRING)],
    ["roleArn", field(STRING)],
    ["workflowType", field(enumOf(API_ENUMS.workflowType))],
    ["name", field(STRING)],
    ["cacheId", field(STRING)],
    ["cacheBehavior", field(enumOf(API_ENUMS.cacheBehavior))],
    ["runGroupId", field(STRING)],
    ["priority", field(INT)],
    ["storageCapacity", field(INT)],
    ["outputUri", field(S3URI)],
    ["logLevel", field(enumOf(API_ENUMS.logLevel))],
    ["retentionMode", field(enumOf(API_ENUMS.retentionMode))],
    ["storageType", field(enumOf(API_ENUMS.storageType))],
    ["workflowOwnerId", field(STRING)],
    ["outputBucketOwnerId", field(STRING)],
    ["workflowVersionName", field(STRING)],
    ["networkingMode", field(enumOf(API_ENUMS.networkingMode))],
    ["configurationName", field(STRING)],
    ["runTags", tags],
    ["params", params],
  ]),
  required: ["workflowId", "roleArn"],
};

/** `run ID { ... }`: the per-run fields. */
export const RUN_SCHEMA: BlockSchema = {
  keyword: "run",
  entries: new Map<string, EntrySpec>([
    ["name", field(STRING)],
    ["outputUri", field(S3URI)],
    ["priority", field(INT)],
    ["outputBucketOwnerId", field(STRING)],
    ["params", params],
    ["runTags", tags],
  ]),
  required: [],
};

/** `batch "NAME" { ... }`: the batch resource itself. */
export const BATCH_SCHEMA: BlockSchema = {
  keyword: "batch",
  entries: new Map<string, EntrySpec>([
    ["settings", field(S3URI)],
    ["requestId", field(STRING)],
    ["tags", tags],
  ]),
  required: [],
};
