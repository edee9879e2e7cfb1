// The one table between the language and the API: which `.batch` entry is which member of the
// StartRunBatch request. Everything else about a member (its type, limits, enum values, whether a
// run may set it, how it merges, its place in the output) comes from `@batchc/model`, which is
// generated from AWS's model file. A member the model gains is in the language at once, under
// its API name, unless this table says otherwise.
import { requestFields, runSettingFields, type FieldFact } from "@batchc/model";

/** API members written differently in `.batch` files: `defaults { params { } }` is `parameters`. */
const LANGUAGE_NAMES: Readonly<Record<string, string>> = { parameters: "params" };

/** The API member a `run ID { }` statement's `ID` expression is. */
export const RUN_ID_MEMBER = "runSettingId";
/** The API member a `batch "NAME" { }` statement's `NAME` expression is. */
export const BATCH_NAME_MEMBER = "batchName";
/** `batch { settings = "s3://..." }`: the folder of the settings file, whose URI is `s3UriSettings`. */
export const SETTINGS_ENTRY = "settings";
/** `batch { maxRunsPerBatch = N }`: cut the runs into parts of at most N (docs/language.md §8b); no API member. */
export const MAX_RUNS_PER_BATCH_ENTRY = "maxRunsPerBatch";

/**
 * Members whose value must be an `s3://` URI: a rule of StartRun the model cannot express (its
 * pattern admits any printable text), so the language types them `s3uri`.
 */
export const S3_URI_MEMBERS: ReadonlySet<string> = new Set(["outputUri"]);

/** The `.batch` spelling of an API member. */
export function languageName(member: string): string {
  return Object.prototype.hasOwnProperty.call(LANGUAGE_NAMES, member) ? (LANGUAGE_NAMES[member] as string) : member;
}

/** The API member a `.batch` entry name stands for. */
export function apiName(entry: string): string {
  for (const [member, name] of Object.entries(LANGUAGE_NAMES)) if (name === entry) return member;
  return entry;
}

/** The blocks of a program that set request members. */
export type BlockKeyword = "batch" | "defaults" | "run";

/** One member, as the language sees it: its entry name and the block(s) that set it. */
export interface LanguageField {
  /** The `.batch` entry name (`params`). */
  entry: string;
  /** The model's fact about the member. */
  fact: FieldFact;
  /** The blocks that may set it. */
  blocks: readonly BlockKeyword[];
}

/**
 * Every member of `DefaultRunSetting` (in `defaults`, and in `run` when `InlineSetting` has it
 * too), then the request's own members set in `batch` (`batchName` is the batch's name).
 */
export const LANGUAGE_FIELDS: readonly LanguageField[] = [
  ...runSettingFields.map((fact): LanguageField => ({
    entry: languageName(fact.name),
    fact,
    blocks: fact.perRun ? ["defaults", "run"] : ["defaults"],
  })),
  ...requestFields
    .filter((fact) => fact.name !== BATCH_NAME_MEMBER)
    .map((fact): LanguageField => ({ entry: languageName(fact.name), fact, blocks: ["batch"] })),
];
