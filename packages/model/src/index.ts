// @batchc/model: the HealthOmics StartRunBatch model as data, generated from AWS's botocore
// model file (`aws/`), and facts both other packages need about it. It imports nothing, and
// `@batchc/language` and `@batchc/omics` both derive from it without importing each other.
export { MODEL_SOURCE, shapes, requestFields, runSettingFields, inlineOutputOrder } from "./model.generated.js";
export type { Bounds, FieldFact, FieldKind, MemberSpec, ShapeSpec } from "./spec.js";
export { shapeSpec, type ShapeName, type StringShapeName, type EnumValue, type RunSettingFieldName } from "./shapes.js";
export { isS3Uri, s3UriProblem, fixesS3Uri, mayBeginS3Uri } from "./s3-uri.js";
export { MAX_PARTS, MAX_RUNS_PER_BATCH, maxRunsPerBatchProblem, partCount, partName, partRequestId } from "./parts.js";
