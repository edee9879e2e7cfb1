// Request validation for the HealthOmics test endpoint. PLACEHOLDER until `@batchc/omics` exports
// its zod schemas: checks only the required members and the union rule.
/** The outcome of a validation: ok, or the summary a `ValidationException` carries. */
export type Validation = { ok: true } | { ok: false; message: string };

interface Issue {
  path: (string | number)[];
  message: string;
}

/** Validates a `StartRunBatch` request body. */
export function validateStartRunBatch(body: unknown): Validation {
  const issues: Issue[] = [];
  if (!isObject(body)) return summarize([{ path: [], message: "expected object" }]);
  if (typeof body.requestId !== "string" || body.requestId === "") issues.push({ path: ["requestId"], message: "required string" });
  const d = body.defaultRunSetting;
  if (!isObject(d)) issues.push({ path: ["defaultRunSetting"], message: "required object" });
  else {
    if (typeof d.workflowId !== "string" || !/^[0-9]{1,18}$/.test(d.workflowId)) issues.push({ path: ["defaultRunSetting", "workflowId"], message: "expected 1-18 digits" });
    if (typeof d.roleArn !== "string" || !/^arn:.+$/.test(d.roleArn)) issues.push({ path: ["defaultRunSetting", "roleArn"], message: "expected an ARN" });
  }
  const b = body.batchRunSettings;
  if (!isObject(b)) issues.push({ path: ["batchRunSettings"], message: "required object" });
  else if ((b.inlineSettings === undefined) === (b.s3UriSettings === undefined)) {
    issues.push({ path: ["batchRunSettings"], message: "exactly one of `inlineSettings` or `s3UriSettings` is required" });
  } else if (b.inlineSettings !== undefined) {
    if (!Array.isArray(b.inlineSettings) || b.inlineSettings.length < 1 || b.inlineSettings.length > 100) {
      issues.push({ path: ["batchRunSettings", "inlineSettings"], message: "expected 1-100 run settings" });
    } else {
      b.inlineSettings.forEach((s, i) => issues.push(...inlineIssues(s, ["batchRunSettings", "inlineSettings", i])));
    }
  } else if (typeof b.s3UriSettings !== "string" || b.s3UriSettings === "") {
    issues.push({ path: ["batchRunSettings", "s3UriSettings"], message: "expected a string" });
  }
  return summarize(issues);
}

/** Validates the entries of an `s3UriSettings` file (each must be an `InlineSetting`). */
export function validateInlineSettings(entries: unknown): Validation {
  if (!Array.isArray(entries)) return summarize([{ path: [], message: "expected an array of run settings" }]);
  return summarize(entries.flatMap((s, i) => inlineIssues(s, [i])));
}

function inlineIssues(s: unknown, path: (string | number)[]): Issue[] {
  if (!isObject(s)) return [{ path, message: "expected object" }];
  if (typeof s.runSettingId !== "string" || s.runSettingId === "") return [{ path: [...path, "runSettingId"], message: "required string" }];
  return [];
}

function summarize(issues: Issue[]): Validation {
  if (issues.length === 0) return { ok: true };
  const parts = issues.map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
  return { ok: false, message: `${issues.length} validation error${issues.length === 1 ? "" : "s"} detected: ${parts.join("; ")}` };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
