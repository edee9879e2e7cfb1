// Writes the JSON Schemas (draft 2020-12) of batchc's machine-readable output to docs/schema/:
// `pnpm schemas`. The request's schema is generated from the zod schema built from AWS's model;
// the others are declared here, once. A test checks the committed files are what this writes,
// and validates real outputs against them.
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { requestJsonSchema } from "../packages/omics/src/json-schema.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DRAFT = "https://json-schema.org/draft/2020-12/schema";

type Schema = Record<string, unknown>;

const formatVersion: Schema = { const: 1, description: "Raised when a member changes meaning or goes away; new members may come without it." };
const str: Schema = { type: "string" };
const int: Schema = { type: "integer" };
const strMap: Schema = { type: "object", additionalProperties: str };
/** An object with these members (all optional unless `required`); `open` admits members it does not list. */
const object = (properties: Record<string, Schema>, required: string[] = [], open = false): Schema => ({
  type: "object",
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: open,
});
const nullable = (s: Schema): Schema => ({ anyOf: [s, { type: "null" }] });

const note = object(
  {
    message: str,
    file: { type: "string", description: "the data file a note's place is in" },
    line: { type: "integer", minimum: 1 },
    column: { type: "integer", minimum: 1 },
  },
  ["message"],
);

/** One request of a dry run: its name, runs, where they go and its id. */
const requestSummary = object(
  {
    batchName: nullable(str),
    runCount: { type: "integer", minimum: 1 },
    placement: { enum: ["inline", "s3"] },
    settingsUri: nullable(str),
    settingsBytes: nullable(int),
    requestId: str,
  },
  ["batchName", "runCount", "placement", "settingsUri", "settingsBytes", "requestId"],
);

const diagnostic = object(
  {
    code: { type: "string", pattern: "^BC[0-9]{4}$", description: "explained by `batchc explain CODE`" },
    severity: { enum: ["error", "warning"] },
    file: str,
    message: str,
    line: { type: "integer", minimum: 1 },
    column: { type: "integer", minimum: 1, description: "in code points, from 1" },
    endLine: { type: "integer", minimum: 1 },
    endColumn: { type: "integer", minimum: 1 },
    span: object({ start: { type: "integer", minimum: 0 }, end: { type: "integer", minimum: 0 } }, ["start", "end"]),
    label: str,
    labels: { type: "array", items: object({ span: object({ start: int, end: int }, ["start", "end"]), text: str }, ["span"]) },
    notes: { type: "array", items: note },
    help: str,
  },
  ["code", "severity", "file", "message", "span"],
);

const request = requestJsonSchema();
const requestDefs = (request.$defs ?? {}) as Record<string, Schema>;
const requestProps = request.properties as Record<string, Schema>;

const effectiveRun = object(
  {
    runSettingId: str,
    name: str,
    outputUri: str,
    priority: int,
    outputBucketOwnerId: str,
    parameters: { description: "the workflow parameters, any JSON" },
    runTags: strMap,
  },
  ["runSettingId"],
);

/** GetBatch's reply with ISO timestamps; HealthOmics adds members, so others are allowed. */
const batch = object(
  {
    id: str,
    arn: str,
    uuid: str,
    name: str,
    status: str,
    totalRuns: int,
    workflowId: str,
    tags: strMap,
    submissionSummary: { type: "object", additionalProperties: int },
    runSummary: { type: "object", additionalProperties: int },
    creationTime: { type: "string", format: "date-time" },
    submittedTime: { type: "string", format: "date-time" },
    processedTime: { type: "string", format: "date-time" },
    failedTime: { type: "string", format: "date-time" },
    failureReason: str,
    defaultRunSetting: { type: "object" },
    batchRunSettings: { type: "object" },
  },
  ["id", "status"],
  true,
);

const runItem = object(
  { runSettingId: str, runId: str, submissionStatus: str, submissionFailureReason: str, submissionFailureMessage: str },
  ["runSettingId"],
  true,
);

const batchItem = object(
  { id: str, arn: str, name: str, status: str, totalRuns: int, workflowId: str, createdAt: { type: "string", format: "date-time" } },
  ["id"],
  true,
);

function schema(file: string, title: string, description: string, body: Schema, defs?: Record<string, Schema>): { path: string; text: string } {
  const doc: Schema = { $schema: DRAFT, $id: file, title, description, ...body, ...(defs && Object.keys(defs).length > 0 ? { $defs: defs } : {}) };
  return { path: `docs/schema/${file}`, text: `${JSON.stringify(doc, null, 2)}\n` };
}

/** Every schema file, by its path from the repository root. */
export function schemaFiles(): { path: string; text: string }[] {
  return [
    schema(
      "request.schema.json",
      "StartRunBatch request",
      "What `batchc compile` writes: the body of one StartRunBatch call. Generated from the zod schema built from AWS's HealthOmics model; lengths and patterns are checked by batchc itself.",
      { type: "object", properties: requestProps, required: request.required, additionalProperties: false },
      requestDefs,
    ),
    schema("diagnostic.schema.json", "A diagnostic", "One line of `batchc check --format jsonl` (and of `compile` with `--format jsonl` when the program has errors).", diagnostic),
    schema(
      "diagnostics.schema.json",
      "Diagnostics",
      "`batchc check --format json`, and `compile --dry-run --format json` or `submit --format json` when the program has errors.",
      object({ formatVersion, file: str, ok: { type: "boolean" }, diagnostics: { type: "array", items: diagnostic } }, ["formatVersion", "file", "ok", "diagnostics"]),
    ),
    schema("effective-run.schema.json", "An effective run", "One line of `batchc compile --dry-run --format jsonl`: a run with the defaults merged in.", effectiveRun),
    schema(
      "dry-run.schema.json",
      "Dry-run preview",
      "`batchc compile --dry-run --format json`: a summary, the request's defaultRunSetting and every effective run.",
      object(
        {
          formatVersion,
          summary: requestSummary,
          parts: {
            type: "array",
            items: requestSummary,
            description: "with `maxRunsPerBatch`: every part's summary, in order (`summary` and `defaultRunSetting` are the first part's)",
          },
          defaultRunSetting: requestProps.defaultRunSetting as Schema,
          runs: { type: "array", items: effectiveRun },
        },
        ["formatVersion", "summary", "defaultRunSetting", "runs"],
      ),
      requestDefs,
    ),
    schema("status.schema.json", "Batch status", "`batchc status ID --format json`: GetBatch's reply with ISO timestamps. HealthOmics may add members.", {
      ...batch,
      properties: { formatVersion, ...(batch.properties as Record<string, Schema>) },
      required: ["formatVersion", "id", "status"],
    }),
    schema(
      "runs.schema.json",
      "Runs of a batch",
      "`batchc runs ID --format json`: every page of ListRunsInBatch. `--format jsonl` prints the items one per line. HealthOmics may add members to an item.",
      object({ formatVersion, runs: { type: "array", items: runItem } }, ["formatVersion", "runs"]),
    ),
    schema(
      "list.schema.json",
      "Run batches",
      "`batchc list --format json`: every page of ListBatch. `--format jsonl` prints the items one per line. HealthOmics may add members to an item.",
      object({ formatVersion, batches: { type: "array", items: batchItem } }, ["formatVersion", "batches"]),
    ),
  ];
}

/** The committed text of a schema file. */
export function committedText(file: string): string {
  return readFileSync(path.join(root, file), "utf8");
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of schemaFiles()) writeFileSync(path.join(root, f.path), f.text);
  process.stdout.write(`wrote ${schemaFiles().length} schemas to docs/schema/\n`);
}
