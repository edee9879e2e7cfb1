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
  /**
   * The loop variables of the iteration, for messages about the run. Empty when `json` is set:
   * such a run passed every check, and `Expansion.runs()` without encoders gives its bindings.
   */
  bindings: readonly Binding[];
  /** 0-based position in the batch. */
  index: number;
  /**
   * The run as the API takes it, checked and encoded by the caller's encoder (see
   * `RunEncoderFactory`); `fields` is then left empty (not built), and `bindings` too.
   */
  json?: string;
}

/**
 * One `run` statement, compiled: the evaluators of its fields in the request's order, each
 * applying the statement's type checks and conversions (`null` is returned as it is, and means
 * unset). An evaluator throws when the slow path would report an error; the caller of an
 * encoder built on them then lets the expander build and report the run.
 */
export interface RunPlan {
  statement: RunStatement;
  /**
   * `name`, `outputUri`, `priority`, `outputBucketOwnerId`: those set, in this order. `s3uri`:
   * the value, when it is a string, is always a valid S3 URI (its expression's text starts with
   * `s3://bucket/`).
   */
  scalars: readonly { key: "name" | "outputUri" | "priority" | "outputBucketOwnerId"; value: (env: Value[]) => Value; s3uri: boolean }[];
  /** The `params` block's entries, in order, when there is one. */
  parameters: readonly { key: string; value: (env: Value[]) => Value }[] | undefined;
  /** The `runTags` block's entries, in order, when there is one (strings, or `undefined` when unset). */
  runTags: readonly { key: string; value: (env: Value[]) => string | undefined }[] | undefined;
  /** The `engineSettings` block's entries, in order, when there is one (any JSON value). */
  engineSettings: readonly { key: string; value: (env: Value[]) => Value }[] | undefined;
}

/**
 * Given a run statement's plan, a fast encoder of its runs, or undefined: the encoder returns
 * the run's request text from its id and the loop environment, or undefined, and the expander
 * then builds `fields` as usual.
 */
export type RunEncoderFactory = (plan: RunPlan) => ((runSettingId: string, env: Value[]) => string | undefined) | undefined;

/** The `defaultRunSetting` fields, by API name, with declared parameter defaults merged in. */
export type DefaultSettings = { [F in (typeof runSettingFields)[number] as F["name"]]?: FieldValue<F> };

/** The `batch` block, evaluated. */
export interface BatchSettings {
  batchName?: string;
  /** The S3 prefix for the settings file (`settings = "s3://..."`). */
  settings?: string;
  requestId?: string;
  tags?: Record<string, string>;
}

/** The effective settings of one run: defaults overlaid with the run (docs/language.md §8.2). */
export type EffectiveRun = { runSettingId: string } & RunFields;
