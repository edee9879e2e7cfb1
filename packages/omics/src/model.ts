// The model of the StartRunBatch request, as `@batchc/model` generates it from AWS's botocore
// file: `schema.ts` (zod) and `validate.ts` (the fast per-run checks) are both built from it.
export {
  MODEL_SOURCE,
  shapes,
  shapeSpec,
  requestFields,
  runSettingFields,
  inlineOutputOrder,
  type Bounds,
  type EnumValue,
  type FieldFact,
  type MemberSpec,
  type RunSettingFieldName,
  type ShapeName,
  type ShapeSpec,
  type StringShapeName,
} from "@batchc/model";
