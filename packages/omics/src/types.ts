// The inputs of `@batchc/omics`: batch settings, default settings and per-run settings by their
// API names, as the compiler's expander produces them (structurally compatible with
// `BatchSettings`, `DefaultSettings` and `RunSpec` fields of `@batchc/language`).
import type { JsonValue, TagMap } from "./schema.js";

/** The batch-level settings: the request's own members plus where the settings file goes. */
export interface BatchInput {
  batchName?: string;
  /** S3 prefix for the settings file of batches above 100 runs (`s3://bucket/prefix/`). */
  settings?: string;
  requestId?: string;
  tags?: TagMap;
}

/** `defaultRunSetting` fields as given (enums as plain strings; checked by `validateDefaults`). */
export interface DefaultsInput {
  workflowId?: string;
  workflowType?: string;
  roleArn?: string;
  name?: string;
  cacheId?: string;
  cacheBehavior?: string;
  runGroupId?: string;
  priority?: number;
  parameters?: JsonValue;
  storageCapacity?: number;
  outputUri?: string;
  logLevel?: string;
  runTags?: TagMap;
  retentionMode?: string;
  storageType?: string;
  workflowOwnerId?: string;
  outputBucketOwnerId?: string;
  workflowVersionName?: string;
  networkingMode?: string;
  configurationName?: string;
}

/** What one run sets (not merged with the defaults: the service merges). */
export interface RunSettingInput {
  runSettingId: string;
  name?: string;
  outputUri?: string;
  priority?: number;
  outputBucketOwnerId?: string;
  parameters?: JsonValue;
  runTags?: TagMap;
}

/**
 * The effective settings of one run: the defaults overlaid with the run. `parameters` and
 * `runTags` merge key by key (the run wins), the other per-run fields replace. Same members
 * as a per-run setting.
 */
export type EffectiveRun = RunSettingInput;
