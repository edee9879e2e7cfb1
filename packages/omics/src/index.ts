// @batchc/omics: the AWS HealthOmics run-batch API — the model's constraints as zod schemas and
// fast checks, the StartRunBatch payload, and the S3 settings file of batches above 100 runs.
// It knows the API, not the `.batch` syntax.
export { shapes, runSettingFields, inlineOutputOrder } from "./model.js";
export {
  StartRunBatchRequestSchema,
  InlineSettingSchema,
  stringSchemas,
  type StartRunBatchRequest,
  type DefaultRunSetting,
  type InlineSetting,
  type StartRunBatchResponse,
  type GetBatchResponse,
  type ListBatchResponse,
  type ListRunsInBatchResponse,
} from "./schema.js";
export type { RunSettingInput, EffectiveRun } from "./types.js";
export {
  validateBatch,
  validateBatchSettings,
  validateDefaults,
  validateRunSetting,
  validateMergedRun,
  validateEffectiveRun,
  effectiveRun,
  jsonByteLength,
  mergedParameterBytes,
  mergedTagCount,
  isS3Uri,
  settingsPrefixProblem,
  displayPath,
  MAX_RUN_TAGS,
  MAX_PARAMETER_BYTES,
  type Path,
  type Violation,
} from "./validate.js";
export {
  emitRequest,
  deriveRequestId,
  normalizePrefix,
  settingsFileStem,
  jsonEqual,
  type EmitInput,
  type EmitOptions,
  type EmitResult,
  type EmitError,
  type SettingsFile,
} from "./emit.js";
export { RequestBuilder, type BuildOptions } from "./request-builder.js";
export { runCountProblem } from "./limits.js";
export { makeS3Client, S3UploadError } from "./s3-writer.js";
export { PartsBuilder, partRules, renameRequest } from "./parts.js";
export {
  uploadSettingsFile,
} from "./settings-file.js";
export { listObjectKeys } from "./s3-list.js";
export { headObject, headObjects, headBucket, HEAD_CONCURRENCY, type S3ObjectRef, type HeadOutcome, type HeadPoolOptions, type BucketOutcome } from "./s3-head.js";
export { checkSettingsObject, settingsNameHash, type SettingsObjectCheck } from "./settings-check.js";
// The AWS set-up (Region, profile, endpoint) and masking: light, no SDK loaded until called.
export { AwsSetupError, checkProfile, resolveRegion } from "./aws-setup.js";
export { maskUrl } from "./mask.js";
export type { HttpTimeouts } from "./http-transport.js";
export { checkRequestBody } from "./check-request.js";
// The HealthOmics client, its operations and error descriptions (client.ts).
export * from "./client.js";
// `--live`: the workflow's parameterTemplate.
export { getParameterTemplate, type WorkflowParameterTemplate, type WorkflowQuery } from "./workflow-calls.js";
