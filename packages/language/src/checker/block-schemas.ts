// What each block (`batch`, `defaults`, `run`) may contain, with each entry's type, derived from
// the model (`@batchc/model`) through the spelling table (`api-spelling.ts`): a member of
// `DefaultRunSetting` belongs in `defaults`, and also in `run` when `InlineSetting` has it; the
// request's own members belong in `batch` (docs/language.md §3). Enumerated fields are unions of
// the API's enum values.
import { shapeSpec } from "@batchc/model";
import { LANGUAGE_FIELDS, MAX_RUNS_PER_BATCH_ENTRY, S3_URI_MEMBERS, SETTINGS_ENTRY, type BlockKeyword, type LanguageField } from "../api-spelling.js";
import { INT, S3URI, STRING, enumOf, type Type } from "./types.js";

/** A `key = value` field and the type its value must have. */
export interface FieldSpec {
  kind: "field";
  type: Type;
  /** The API member (`outputUri`); `settings` names none. */
  member?: string;
}

/**
 * A `key { k = v }` block: `tags` (string values), `params` (workflow parameters, checked
 * against the `params` declarations) or `document` (any JSON value in each entry).
 */
export interface MapSpec {
  kind: "tags" | "params" | "document";
  member: string;
}

export type EntrySpec = FieldSpec | MapSpec;

/** The entries one block allows. */
export interface BlockSchema {
  /** The block's keyword, for messages (`defaults`). */
  keyword: BlockKeyword;
  entries: ReadonlyMap<string, EntrySpec>;
  /** Fields that must be set. */
  required: readonly string[];
  /** Entries of the other blocks, with the blocks they belong in. */
  elsewhere: ReadonlyMap<string, readonly BlockKeyword[]>;
}

/** The values of each enumerated member, by API name. */
export const API_ENUMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  LANGUAGE_FIELDS.flatMap((f) => {
    const spec = shapeSpec(f.fact.target);
    return spec?.type === "string" && spec.enum !== undefined ? [[f.fact.name, spec.enum]] : [];
  }),
);

function entrySpec(f: LanguageField): EntrySpec {
  const member = f.fact.name;
  switch (f.fact.kind) {
    case "enum":
      return { kind: "field", type: enumOf(API_ENUMS[member] as readonly string[]), member };
    case "integer":
      return { kind: "field", type: INT, member };
    case "string":
      return { kind: "field", type: S3_URI_MEMBERS.has(member) ? S3URI : STRING, member };
    case "map":
      return { kind: "tags", member };
    case "document":
      return { kind: f.entry === "params" ? "params" : "document", member };
  }
}

function schema(keyword: BlockKeyword, extra: readonly [string, EntrySpec][] = []): BlockSchema {
  const entries = new Map<string, EntrySpec>();
  const elsewhere = new Map<string, BlockKeyword[]>();
  for (const f of LANGUAGE_FIELDS) {
    if (f.blocks.includes(keyword)) entries.set(f.entry, entrySpec(f));
    else elsewhere.set(f.entry, [...f.blocks]);
  }
  for (const [name, spec] of extra) entries.set(name, spec);
  if (keyword !== "batch") {
    elsewhere.set(SETTINGS_ENTRY, ["batch"]);
    elsewhere.set(MAX_RUNS_PER_BATCH_ENTRY, ["batch"]);
  }
  const required = keyword === "defaults" ? LANGUAGE_FIELDS.filter((f) => f.fact.required && f.blocks.includes("defaults")).map((f) => f.entry) : [];
  return { keyword, entries, required, elsewhere };
}

/** `defaults { ... }`: `defaultRunSetting`, with `params { }` for default parameter values. */
export const DEFAULTS_SCHEMA: BlockSchema = schema("defaults");

/** `run ID { ... }`: the per-run members. */
export const RUN_SCHEMA: BlockSchema = schema("run");

/**
 * `batch "NAME" { ... }`: the batch resource itself, where its settings file goes, and how many
 * runs one part holds when the program has more than one batch (docs/language.md §8b).
 */
export const BATCH_SCHEMA: BlockSchema = schema("batch", [
  [SETTINGS_ENTRY, { kind: "field", type: S3URI }],
  [MAX_RUNS_PER_BATCH_ENTRY, { kind: "field", type: INT }],
]);
