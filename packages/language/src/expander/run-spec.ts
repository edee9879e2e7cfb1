// What the expander yields: one RunSpec per executed `run` statement, with its origin.
import type { RunStatement } from "../ast/nodes.js";
import type { RecordValue, Value } from "../values.js";

/** Where a value came from in a data file (1-based line and column). */
export interface DataOrigin {
  file: string;
  line: number;
  column?: number;
}

/** A loop variable's value in the iteration that produced a run. */
export interface Binding {
  name: string;
  value: Value;
  /** For rows of `csv`/`tsv`/`lines`/`json` files: the row's place. */
  origin?: DataOrigin;
}

/** The per-run fields a `run` block can set, by their API names. */
export interface RunFields {
  name?: string;
  outputUri?: string;
  priority?: number;
  outputBucketOwnerId?: string;
  parameters?: RecordValue;
  runTags?: Record<string, string>;
}

/** One expanded run: its id, what its block set, and where it came from. */
export interface RunSpec {
  runSettingId: string;
  fields: RunFields;
  statement: RunStatement;
  bindings: readonly Binding[];
  /** 0-based position in the batch. */
  index: number;
}

/** The `defaultRunSetting` fields, by API name, with declared parameter defaults merged in. */
export interface DefaultSettings {
  workflowId?: string;
  workflowType?: string;
  roleArn?: string;
  name?: string;
  cacheId?: string;
  cacheBehavior?: string;
  runGroupId?: string;
  priority?: number;
  parameters?: RecordValue;
  storageCapacity?: number;
  outputUri?: string;
  logLevel?: string;
  runTags?: Record<string, string>;
  retentionMode?: string;
  storageType?: string;
  workflowOwnerId?: string;
  outputBucketOwnerId?: string;
  workflowVersionName?: string;
  networkingMode?: string;
  configurationName?: string;
}

/** The `batch` block, evaluated. */
export interface BatchSettings {
  batchName?: string;
  /** The S3 prefix for the settings file (`settings = "s3://..."`). */
  settings?: string;
  requestId?: string;
  tags?: Record<string, string>;
}

/** The effective settings of one run: defaults overlaid with the run (LANGUAGE.md §8.2). */
export interface EffectiveRun {
  runSettingId: string;
  name?: string;
  outputUri?: string;
  priority?: number;
  outputBucketOwnerId?: string;
  parameters?: RecordValue;
  runTags?: Record<string, string>;
}
