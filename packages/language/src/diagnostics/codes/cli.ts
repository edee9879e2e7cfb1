// BC5xxx: the command line, files and S3. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

const warning = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "warning",
  message,
  ...rest,
});

/** `s3://bucket/key`, or `N inputs under s3://bucket/prefix/` when `count` folds several. */
const inputs = (uri: string, count: number): string => (count === 1 ? `\`${uri}\`` : `${count} inputs under \`${uri}\``);

export const cli = {
  /** The .batch file itself cannot be read. */
  cannotReadProgram: (file: string, reason: string): DiagnosticMessage =>
    error("BC5001", `cannot read \`${file}\`: ${reason}`, { help: "check the path; it is relative to the current folder" }),

  /** `--live`: a parameter the workflow's parameterTemplate does not declare. */
  unknownWorkflowParameter: (name: string, workflow: string, suggestion: string | undefined): DiagnosticMessage =>
    error("BC5601", `${workflow} has no parameter \`${name}\``, {
      label: "not in the workflow's parameterTemplate",
      help: suggestion ?? "remove it, or check the workflow (and `workflowVersionName`) the batch starts",
    }),

  /** `--live`: a required parameter of the workflow's parameterTemplate that a run does not set. */
  missingWorkflowParameter: (name: string, workflow: string): DiagnosticMessage =>
    error("BC5602", `the workflow requires the parameter \`${name}\`, and this run does not set it`, {
      label: `no \`${name}\``,
      notes: [`${workflow} declares \`${name}\` without \`optional: true\``],
      help: `set \`${name}\` in the run's \`params\` block or in \`defaults\``,
    }),

  /** `--live`: HeadObject answered 404 for an input (`count` > 1: folded under the prefix `uri`). */
  inputMissing: (uri: string, count = 1): DiagnosticMessage =>
    error("BC5603", `${inputs(uri, count)} ${count === 1 ? "does" : "do"} not exist`, {
      label: "HeadObject: 404 Not Found",
      help: "correct the path or upload the object; a value ending in `/` is a prefix and is not checked",
    }),

  /** `--live`: HeadObject answered 403 for an input: missing, or not readable by the caller. */
  inputForbidden: (uri: string, count = 1): DiagnosticMessage =>
    warning("BC5604", `${inputs(uri, count)} ${count === 1 ? "is" : "are"} missing or unreadable by you; the run role may still read ${count === 1 ? "it" : "them"}`, {
      label: "HeadObject: 403 Forbidden",
      help: "with `s3:GetObject` and `s3:ListBucket` on the bucket, S3 tells a missing object (404) from a forbidden one",
    }),

  /** `--live`: HeadBucket answered 404 for the bucket of an `outputUri`. */
  outputBucketMissing: (bucket: string): DiagnosticMessage =>
    error("BC5605", `the output bucket \`${bucket}\` does not exist`, {
      label: "HeadBucket: 404 Not Found",
      help: "create the bucket, or correct `outputUri`",
    }),

  /** `--live`: the bucket of an `outputUri` belongs to another account than `outputBucketOwnerId`. */
  outputBucketOwner: (bucket: string, owner: string): DiagnosticMessage =>
    error("BC5606", `the output bucket \`${bucket}\` does not belong to account \`${owner}\``, {
      label: "HeadBucket with ExpectedBucketOwner: 403",
      help: "correct `outputBucketOwnerId` to the account that owns the bucket, or `outputUri` to a bucket of that account",
    }),

  /** `--live`: HeadBucket answered 403 for the bucket of an `outputUri`. */
  outputBucketForbidden: (bucket: string): DiagnosticMessage =>
    warning("BC5607", `the output bucket \`${bucket}\` exists but is not readable by you; the run role may still write to it`, {
      label: "HeadBucket: 403 Forbidden",
      help: "`s3:ListBucket` on the bucket lets `--live` check it",
    }),

  /** `--inputs-lock`: an input whose ETag or size differs from the lock file's. */
  inputChanged: (uri: string, lock: string, count = 1): DiagnosticMessage =>
    error("BC5608", `${inputs(uri, count)} changed since \`${lock}\` was written`, {
      label: "not as locked",
      help: "if the change is intended, write the lock again with `--write-inputs-lock`",
    }),
} as const;
