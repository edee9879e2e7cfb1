// The catalog of `@batchc/omics` messages: BC4xxx for API limits on the request and its runs,
// BC55xx for writing the settings file and uploading it to S3. One builder per code; a code is
// never reused. Messages start lowercase, have no final period and put names in `backticks`;
// `help` says the fix.
import { formatCount, plural } from "@batchc/text";

/** The shape of one catalog entry (mirrors `DiagnosticMessage` of `@batchc/language`). */
export interface DiagnosticMessage {
  code: string;
  severity: "error" | "warning";
  message: string;
  label?: string;
  help?: string;
  notes?: string[];
}

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});


const list = (values: readonly string[]): string => values.map((v) => `\`${v}\``).join(", ");

/** How a pattern of the model is explained to a user. */
export type PatternKind = "printable" | "digits" | "arn" | "version-name" | "account-id" | "other";

const PATTERN_HELP: Record<Exclude<PatternKind, "other">, { must: string; rule: string }> = {
  printable: {
    must: "contains a character the API does not allow",
    rule: "may hold letters, marks, spaces, symbols, numbers and punctuation, but no control or format characters",
  },
  digits: { must: "must contain only the digits 0-9", rule: "is a number such as `1234567`" },
  arn: { must: "must be an ARN", rule: "starts with `arn:`, e.g. `arn:aws:iam::123456789012:role/OmicsRunRole`" },
  "version-name": {
    must: "must start with a letter or digit and hold only letters, digits, `-`, `.` and `_`",
    rule: "looks like `v1.2_final`",
  },
  "account-id": { must: "must be a 12-digit AWS account id", rule: "is 12 digits, e.g. `123456789012`" },
};

/** `` `name` ``: a field name as the subject of a message. */
export const quote = (name: string): string => `\`${name}\``;

/**
 * BC4xxx: what the API accepts. BC4001–BC4010 are the model's own constraints (the zod schema
 * rejects the same values). `subject` is what the message is about, already formatted:
 * `` `name` `` (see `quote`), or "the key `k` of `runTags`".
 */
/** A program cut into parts, for BC4021: its runs, parts, runs per part, and parts over 100 runs. */
export interface PartsOverInline {
  total: number;
  parts: number;
  max: number;
  over: number;
}

export const api = {
  /** BC4001: a string (or list) is longer than the model allows. */
  tooLong: (subject: string, noun: string, max: number, actual: number, unit = "character"): DiagnosticMessage =>
    error("BC4001", `${subject} is longer than ${plural(max, unit)}`, {
      help: `${noun} is at most ${plural(max, unit)}; this one has ${formatCount(actual)}`,
    }),

  /** BC4002: a string (or list) is shorter than the model allows. */
  tooShort: (subject: string, noun: string, min: number, actual: number, unit = "character", exact = false): DiagnosticMessage =>
    error("BC4002", actual === 0 ? `${subject} is empty` : `${subject} is shorter than ${plural(min, unit)}`, {
      help: exact
        ? `${noun} has exactly ${plural(min, unit)}; this one has ${formatCount(actual)}`
        : `${noun} needs at least ${plural(min, unit)}; this one has ${formatCount(actual)}`,
    }),

  /** BC4003: a string does not match the model's pattern. */
  patternMismatch: (subject: string, noun: string, kind: PatternKind, pattern: string, detail?: string): DiagnosticMessage => {
    if (kind === "other") {
      return error("BC4003", `${subject} does not match the pattern \`${pattern}\``, {
        help: `write ${noun} that matches \`${pattern}\``,
      });
    }
    const h = PATTERN_HELP[kind];
    return error("BC4003", `${subject} ${h.must}`, { help: `${detail === undefined ? "" : `${detail}; `}${noun} ${h.rule}` });
  },

  /** BC4004: a value outside an enum. */
  notInEnum: (subject: string, value: string, allowed: readonly string[], suggestion?: string): DiagnosticMessage =>
    error("BC4004", `${subject} cannot be \`${value}\``, {
      help: suggestion !== undefined ? `did you mean \`${suggestion}\`?` : `use one of ${list(allowed)}`,
    }),

  /** BC4005: an integer field holds a fraction, NaN, an infinity or an unsafe integer. */
  notAnInteger: (subject: string, value: number): DiagnosticMessage =>
    error("BC4005", `${subject} must be a whole number`, { help: `${subject} takes an integer; ${String(value)} is not one` }),

  /** BC4006: an integer outside its range. */
  outOfRange: (subject: string, min: number, max: number, value: number): DiagnosticMessage =>
    error("BC4006", `${subject} is out of range`, {
      help: `${subject} is from ${min} to ${max}; this one is ${value}`,
    }),

  /** BC4007: a value of the wrong JSON type. */
  wrongType: (subject: string, expected: string, actual: string): DiagnosticMessage =>
    error("BC4007", `${subject} must be ${expected}, not ${actual}`, { help: `give ${subject} ${expected}` }),

  /** BC4008: a required member is missing (`where` is already formatted: "`defaultRunSetting`", "the run setting"). */
  missingField: (field: string, where: string): DiagnosticMessage =>
    error("BC4008", `${where} is missing \`${field}\``, { help: `the API requires \`${field}\`; add it` }),

  /** BC4009: a member the model does not define. */
  unknownField: (field: string, where: string, suggestion?: string): DiagnosticMessage =>
    error("BC4009", `${where} has no field \`${field}\``, {
      help: suggestion !== undefined ? `did you mean \`${suggestion}\`?` : `remove \`${field}\``,
    }),

  /** BC4010: a workflow parameter value that JSON cannot carry (NaN, an infinity, undefined, a function). */
  notJson: (subject: string, what: string): DiagnosticMessage =>
    error("BC4010", `${subject} holds ${what}, which JSON cannot represent`, {
      help: "parameter values are strings, finite numbers, booleans, null, lists and records",
    }),

  /** BC4011: `parameters` is not a JSON object (the service merges it key by key). */
  parametersNotObject: (field: string, actual: string): DiagnosticMessage =>
    error("BC4011", `\`${field}\` must be a record of parameters, not ${actual}`, {
      help: "the service merges default and per-run parameters key by key, so give `{ name: value }` pairs",
    }),

  /** BC4012: a run ends up without an output location. */
  missingOutputUri: (runSettingId: string): DiagnosticMessage =>
    error("BC4012", `run \`${runSettingId}\` has no \`outputUri\``, {
      help: "set `outputUri` in the defaults or in the run; every run needs an `s3://` output location",
    }),

  /** BC4013: an output URI that is not `s3://bucket/...`. */
  notS3Uri: (field: string, value: string): DiagnosticMessage =>
    error("BC4013", `\`${field}\` must be an \`s3://\` URI`, {
      help: `write it as \`s3://bucket/prefix/\`; \`${value.length > 60 ? `${value.slice(0, 59)}…` : value}\` is not one`,
    }),

  /** BC4014: more than 50 run tags (after merging the default `runTags`, when `from` is given). */
  tooManyRunTags: (count: number, from?: { defaults: number; run: number }): DiagnosticMessage =>
    error("BC4014", `the run has ${formatCount(count)} tags${from ? " after merging the default `runTags`" : ""}`, {
      help: `a run has at most 50 tags; remove ${formatCount(count - 50)}${
        from ? ` (the defaults give ${formatCount(from.defaults)}, the run ${formatCount(from.run)}, shared keys counted once)` : ""
      }`,
    }),

  /** BC4015: the merged parameters of a run are larger than 50 KB of JSON. */
  parametersTooLarge: (bytes: number): DiagnosticMessage =>
    error("BC4015", `the run's parameters take ${formatCount(bytes)} bytes of JSON`, {
      help: "a run's parameters are at most 51,200 bytes (50 KB) after merging the defaults; put large values in a file and pass its S3 URI",
    }),

  /** BC4016: `READY2RUN` workflows cannot run in a batch. */
  ready2RunNotSupported: (): DiagnosticMessage =>
    error("BC4016", "`workflowType` `READY2RUN` is not supported in a run batch", {
      help: "run batches take private workflows: remove `workflowType` or set it to `PRIVATE`",
    }),

  /** BC4017: `cacheBehavior` without `cacheId`. */
  cacheBehaviorWithoutCacheId: (): DiagnosticMessage =>
    error("BC4017", "`cacheBehavior` is set without `cacheId`", {
      help: "set `cacheId` to the run cache's id, or remove `cacheBehavior`",
    }),

  /** BC4018: the settings prefix is not `s3://bucket/...`. */
  badSettingsPrefix: (value: string, why: string): DiagnosticMessage =>
    error("BC4018", `the settings prefix \`${value}\` is not a usable S3 location`, {
      help: `${why}; write it as \`s3://bucket/prefix/\``,
    }),

  /** BC4019: a batch without runs. */
  noRuns: (): DiagnosticMessage =>
    error("BC4019", "the batch has no runs", { help: "a run batch needs at least one run" }),

  /** BC4020: more runs than a batch can hold. */
  tooManyRuns: (count: number): DiagnosticMessage =>
    error("BC4020", count > 100_000 ? "the batch has more than 100,000 runs" : `the batch has ${formatCount(count)} runs`, {
      help: "a run batch holds at most 100,000 runs; set `maxRunsPerBatch = 100000` in the `batch` block to cut the runs into several batches",
    }),

  /**
   * BC4021: more than 100 runs and nowhere to put the settings file. With `parts`, the program is
   * cut into parts (`maxRunsPerBatch`) and `count` is the runs of its first part, the largest.
   */
  settingsPrefixRequired: (count: number, parts?: PartsOverInline): DiagnosticMessage =>
    parts === undefined || parts.parts === 1
      ? error("BC4021", `the batch has ${formatCount(count)} runs but no settings prefix`, {
          help: "above 100 runs the run settings go to a file in S3: set `settings` to an `s3://bucket/prefix/` location",
        })
      : error("BC4021", `part 1 of ${formatCount(parts.parts)} has ${formatCount(count)} runs but no settings prefix`, {
          notes: [
            `the ${formatCount(parts.total)} runs are cut into ${formatCount(parts.parts)} parts of at most ${formatCount(parts.max)} (\`maxRunsPerBatch\`); ${
              parts.over === 1 ? "only this one has" : `${formatCount(parts.over)} of them have`
            } more than 100 runs`,
          ],
          help: "above 100 runs a part's run settings go to a file in S3: set `settings` to an `s3://bucket/prefix/` location, or `maxRunsPerBatch` to 100 or less to keep every part's runs in its request",
        }),

  /** BC4022: two runs share a `runSettingId`. */
  duplicateRunSettingId: (runSettingId: string, firstIndex: number, index: number): DiagnosticMessage =>
    error("BC4022", `\`runSettingId\` \`${runSettingId}\` is used by more than one run`, {
      help: "every run needs its own `runSettingId`",
      notes: [`runs ${formatCount(firstIndex + 1)} and ${formatCount(index + 1)} (counting from 1) have it`],
    }),

  /** BC4023: with `maxRunsPerBatch`, more runs than 1,000 parts hold. */
  tooManyParts: (count: number, perPart: number, maxParts: number): DiagnosticMessage =>
    error("BC4023", `the program has more than ${formatCount(maxParts)} parts of ${plural(perPart, "run")}`, {
      help: `a program is cut into at most ${formatCount(maxParts)} batches; it has more than ${formatCount(count - 1)} runs, so raise \`maxRunsPerBatch\` or make fewer runs`,
    }),

  /** BC4024: a part's batch name (`NAME-part-K-of-P`) is longer than the API allows. */
  partNameTooLong: (name: string, max: number, suffixLength: number): DiagnosticMessage =>
    error("BC4024", `the batch name of the last part would be ${formatCount([...name].length)} characters, more than ${formatCount(max)}`, {
      notes: [`the last part would be named \`${name}\``],
      help: `shorten the batch name to at most ${plural(max - suffixLength, "character")}: each part's name adds \`-part-K-of-P\``,
    }),

  /** BC4025: an explicit `requestId` with the part number added is longer than the API allows. */
  partRequestIdTooLong: (requestId: string, max: number, suffixLength: number): DiagnosticMessage =>
    error("BC4025", `the \`requestId\` of the last part would be ${formatCount([...requestId].length)} characters, more than ${formatCount(max)}`, {
      notes: [`the last part's id would be \`${requestId}\``],
      help: `shorten \`requestId\` to at most ${plural(max - suffixLength, "character")}: each part's id adds \`-K\`, or leave it out to derive each part's id from its content`,
    }),
} as const;

/** BC55xx: writing the settings file and putting it in S3. */
export const io = {
  /** BC5501: the bucket does not exist. */
  bucketNotFound: (bucket: string): DiagnosticMessage =>
    error("BC5501", `the S3 bucket \`${bucket}\` does not exist`, {
      help: "check the bucket name in the settings prefix, and the region",
    }),

  /** BC5502: S3 refused the request (permissions, a bad key, a bad signature). */
  accessDenied: (bucket: string, key: string, detail: string): DiagnosticMessage =>
    error("BC5502", `access to \`s3://${bucket}/${key}\` was denied`, {
      help: "the credentials in use need `s3:PutObject` and `s3:GetObject` on the settings prefix",
      notes: [detail],
    }),

  /** BC5503: no credentials could be found. */
  noCredentials: (detail: string): DiagnosticMessage =>
    error("BC5503", "no AWS credentials were found", {
      help: "set a profile (`--profile` or `AWS_PROFILE`) or the `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY` variables",
      notes: [detail],
    }),

  /** BC5504: S3 could not be reached. */
  unreachable: (endpoint: string, detail: string): DiagnosticMessage =>
    error("BC5504", `could not reach S3 at \`${endpoint}\``, {
      help: "check the network, the region and the endpoint URL",
      notes: [detail],
    }),

  /** BC5505: a different object already sits at the settings file's key. */
  objectDiffers: (uri: string, expected: string, actual: string): DiagnosticMessage =>
    error("BC5505", `a different file already exists at \`${uri}\``, {
      help: "the service pins the settings file by its ETag, so batchc never overwrites one; use another settings prefix or batch name, or delete the old object if no batch uses it",
      notes: [`sha256 of the local file ${expected}`, `sha256 of the object in S3 ${actual}`],
    }),

  /** BC5506: any other S3 failure. */
  s3Failed: (operation: string, name: string, detail: string, status?: number): DiagnosticMessage =>
    error("BC5506", `\`${operation}\` on S3 failed with \`${name}\`${status !== undefined ? ` (HTTP ${status})` : ""}`, {
      help: "try again; if it keeps failing, check the bucket's settings and the credentials",
      notes: [detail],
    }),

  /** BC5507: the local settings file cannot be read. */
  settingsFileUnreadable: (path: string, detail: string): DiagnosticMessage =>
    error("BC5507", `cannot read the settings file \`${path}\``, {
      help: "compile the batch again to write a fresh settings file",
      notes: [detail],
    }),

  /** BC5508: a string that is not `s3://bucket/key`. */
  badS3Uri: (value: string, why: string): DiagnosticMessage =>
    error("BC5508", `\`${value}\` is not an S3 URI`, { help: `${why}; write it as \`s3://bucket/key\`` }),

  /** BC5509: the settings file could not be written. */
  settingsFileWriteFailed: (dir: string, detail: string): DiagnosticMessage =>
    error("BC5509", `cannot write the settings file in \`${dir}\``, {
      help: "check that the temporary folder exists, is writable and has free space",
      notes: [detail],
    }),

  /** BC5511: S3 did not connect or answer within the timeout. */
  s3TimedOut: (endpoint: string, flag: "--cli-connect-timeout" | "--cli-read-timeout", seconds: string): DiagnosticMessage =>
    error(
      "BC5511",
      flag === "--cli-connect-timeout"
        ? `could not connect to S3 at \`${endpoint}\` within ${seconds} (\`${flag}\`)`
        : `no answer from S3 at \`${endpoint}\` within ${seconds} (\`${flag}\`)`,
      { help: `check the endpoint and the network; allow longer with \`${flag} SECONDS\`` },
    ),

  /** BC5512: the endpoint's reply is not an S3 reply (not HTTP, or not S3's XML). */
  notS3: (endpoint: string, detail: string): DiagnosticMessage =>
    error("BC5512", `the endpoint \`${endpoint}\` did not answer as S3`, {
      help: "check that the S3 endpoint URL points at S3 or an S3-compatible store",
      notes: [detail],
    }),

  /** BC5513: the settings file a request names is not in S3. */
  settingsObjectMissing: (uri: string): DiagnosticMessage =>
    error("BC5513", `the settings file \`${uri}\` named by the request is not in S3`, {
      help: "upload it first (`batchc compile` uploads the file it writes), or compile and submit the `.batch` program",
    }),

  /** BC5514: the settings file in S3 does not hash to the name batchc gave it. */
  settingsObjectAltered: (uri: string, expected: string, actual: string): DiagnosticMessage =>
    error("BC5514", `the settings file \`${uri}\` was altered: its bytes do not hash to its name`, {
      help: "batchc names a settings file by the first 8 hex digits of its sha256; compile the batch again and submit the new request",
      notes: [`the name says sha256 ${expected}…`, `the object's sha256 is ${actual}`],
    }),

  /** BC5510: the local file changed between compiling and uploading. */
  settingsFileChanged: (path: string): DiagnosticMessage =>
    error("BC5510", `the settings file \`${path}\` changed after it was written`, {
      help: "compile the batch again; the upload checks the file against its sha256",
    }),
} as const;

/** The codes of the model's own constraints: the zod schema rejects exactly what these report. */
export const MODEL_CODES: ReadonlySet<string> = new Set([
  "BC4001",
  "BC4002",
  "BC4003",
  "BC4004",
  "BC4005",
  "BC4006",
  "BC4007",
  "BC4008",
  "BC4009",
  "BC4010",
]);
