// The inputs of `@batchc/omics`: batch settings, default settings and per-run settings by their
// API names, as the compiler's expander produces them (structurally compatible with
// `BatchSettings`, `DefaultSettings` and `RunSpec` fields of `@batchc/language`). The members
// come from the model (`model.ts`); enums are plain strings here, checked by `validate.ts`.
import type { runSettingFields } from "./model.js";
import type { JsonValue, TagMap } from "./schema.js";

/** The batch-level settings: the request's own members plus where the settings file goes. */
export interface BatchInput {
  batchName?: string;
  /** S3 prefix for the settings file of batches above 100 runs (`s3://bucket/prefix/`). */
  settings?: string;
  requestId?: string;
  tags?: TagMap;
}

type Fact = (typeof runSettingFields)[number];
type InputValue<F extends Fact> = F["kind"] extends "integer" ? number : F["kind"] extends "document" ? JsonValue : F["kind"] extends "map" ? TagMap : string;

/** `defaultRunSetting` fields as given (enums as plain strings; checked by `validateDefaults`). */
export type DefaultsInput = { [F in Fact as F["name"]]?: InputValue<F> };

/** The members a run may set (`InlineSetting`, less `runSettingId`). */
export type PerRunFieldName = Extract<Fact, { perRun: true }>["name"];

/** What one run sets (not merged with the defaults: the service merges). */
export type RunSettingInput = { runSettingId: string } & { [F in Extract<Fact, { perRun: true }> as F["name"]]?: InputValue<F> };

/**
 * The effective settings of one run: the defaults overlaid with the run. `parameters` and
 * `runTags` merge key by key (the run wins), the other per-run fields replace. Same members
 * as a per-run setting.
 */
export type EffectiveRun = RunSettingInput;
