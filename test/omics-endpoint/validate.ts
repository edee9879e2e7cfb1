// Request validation for the HealthOmics test endpoint, with the zod schemas of `@batchc/omics`
// (the model's exact constraints). A failure becomes the text of a `ValidationException`, in the
// service's "N validation errors detected: ..." form with one `path: message` per zod issue.
import { InlineSettingSchema, StartRunBatchRequestSchema } from "@batchc/omics";

/** The outcome of a validation: ok, or the summary a `ValidationException` carries. */
export type Validation = { ok: true } | { ok: false; message: string };

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  /** For `invalid_union`: each member's issues, with paths relative to the union. */
  errors?: Issue[][];
}

/** Validates a `StartRunBatch` request body against `StartRunBatchRequestSchema`. */
export function validateStartRunBatch(body: unknown): Validation {
  const result = StartRunBatchRequestSchema.safeParse(body);
  return result.success ? { ok: true } : summarize(result.error.issues);
}

/** Validates the entries of an `s3UriSettings` file: an array of `InlineSetting`s. */
export function validateInlineSettings(entries: unknown): Validation {
  if (!Array.isArray(entries)) return summarize([{ path: [], message: "expected an array of run settings" }]);
  return summarize(
    entries.flatMap((entry, i) => {
      const result = InlineSettingSchema.safeParse(entry);
      return result.success ? [] : result.error.issues.map((issue) => ({ ...issue, path: [i, ...issue.path] }));
    }),
  );
}

/**
 * zod reports a failed union (`batchRunSettings`) as one "Invalid input"; when exactly one member's
 * key is present, that member's own issues say more.
 */
function expandUnion(issue: Issue): Issue[] {
  if (issue.code !== "invalid_union" || !issue.errors) return [issue];
  const chosen = issue.errors.filter((branch) => branch.every((i) => i.path.length > 0));
  if (chosen.length !== 1 || !chosen[0]) return [{ path: issue.path, message: "exactly one of `inlineSettings` or `s3UriSettings` is required" }];
  return chosen[0].flatMap((i) => expandUnion({ ...i, path: [...issue.path, ...i.path] }));
}

function summarize(raw: readonly Issue[]): Validation {
  if (raw.length === 0) return { ok: true };
  const issues = raw.flatMap(expandUnion);
  const parts = issues.map((i) => `${i.path.length ? i.path.map(String).join(".") : "(root)"}: ${i.message}`);
  return { ok: false, message: `${issues.length} validation error${issues.length === 1 ? "" : "s"} detected: ${parts.join("; ")}` };
}
