// What the expander yields: one RunSpec per executed `run` statement, with its origin.
import type { requestFields, runSettingFields } from "@batchc/model";
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

type Fact = (typeof runSettingFields)[number] | (typeof requestFields)[number];

/** The value a member holds once evaluated: strings (enums too), numbers, tag maps, JSON records. */
type FieldValue<F extends Fact> = F["kind"] extends "integer"
  ? number
  : F["kind"] extends "map"
    ? Record<string, string>
    : F["kind"] extends "document"
      ? RecordValue
      : string;

/** The per-run fields a `run` block can set, by their API names (the model's `InlineSetting`). */
export type RunFields = { [F in Extract<(typeof runSettingFields)[number], { perRun: true }> as F["name"]]?: FieldValue<F> };

/** One expanded run: its id, what its block set, and where it came from. */
export interface RunSpec {
  runSettingId: string;
  fields: RunFields;
  statement: RunStatement;
  /** The loop variables of the iteration, for messages about the run. */
  bindings: readonly Binding[];
  /** 0-based position in the batch. */
  index: number;
}

/** The `defaultRunSetting` fields, by API name, with declared parameter defaults merged in. */
export type DefaultSettings = { [F in (typeof runSettingFields)[number] as F["name"]]?: FieldValue<F> };

/** The `batch` block, evaluated. */
export interface BatchSettings {
  batchName?: string;
  /** The S3 prefix for the settings file (`settings = "s3://..."`). */
  settings?: string;
  requestId?: string;
  tags?: Record<string, string>;
  /** `maxRunsPerBatch = N`: the runs are cut into parts of at most N (docs/language.md §8b). */
  maxRunsPerBatch?: number;
}

/** The effective settings of one run: defaults overlaid with the run (docs/language.md §8.2). */
export type EffectiveRun = { runSettingId: string } & RunFields;
