// The part of AWS's HealthOmics Smithy model that a StartRunBatch request reaches, as data.
// Derived from `model/omics-run-batch.model.json` (patterns copied from the model text, not
// retyped); `schema.model.test.ts` checks that this table still says exactly what the model says.
// `schema.ts` (zod) and `validate.ts` (the fast per-run checks) are both built from it.
// The model is AWS's, published under the Apache License 2.0.

/** Where the model came from (repository path and commit). */
export const MODEL_SOURCE =
  "adwsingh/api-models-aws/models/omics/service/2022-11-28/omics-2022-11-28.json at 5b9627844475df0b85d8402e7c011f5085ed74a0";

/** Smithy `length` (inclusive; strings count code points) and `range` (inclusive) traits. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/** One member of a structure or union, in model order. */
export interface MemberSpec {
  readonly name: string;
  readonly target: string;
  readonly required?: boolean;
  /** A `range` trait on the member itself (the prelude `Integer` has none). */
  readonly range?: Bounds;
}

/** A shape of the model, reduced to the traits that constrain a request. */
export type ShapeSpec =
  | { readonly type: "string"; readonly length?: Bounds; readonly pattern?: string; readonly enum?: readonly string[] }
  | { readonly type: "integer" }
  | { readonly type: "document" }
  | { readonly type: "structure"; readonly members: readonly MemberSpec[] }
  | { readonly type: "union"; readonly members: readonly MemberSpec[] }
  | { readonly type: "list"; readonly length?: Bounds; readonly member: string }
  | { readonly type: "map"; readonly length?: Bounds; readonly key: string; readonly value: string };

/** Every shape reachable from `StartRunBatchRequest`, by the model's short name. */
export const shapes = {
  StartRunBatchRequest: { type: "structure", members: [
      { name: "batchName", target: "BatchName" },
      { name: "requestId", target: "BatchRequestId", required: true },
      { name: "tags", target: "TagMap" },
      { name: "defaultRunSetting", target: "DefaultRunSetting", required: true },
      { name: "batchRunSettings", target: "BatchRunSettings", required: true },
    ] },
  BatchName: { type: "string", length: { min: 1, max: 64 }, pattern: "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$" },
  BatchRequestId: { type: "string", length: { min: 1, max: 128 }, pattern: "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$" },
  TagMap: { type: "map", key: "TagKey", value: "TagValue" },
  TagKey: { type: "string", length: { min: 1, max: 128 } },
  TagValue: { type: "string", length: { min: 0, max: 256 } },
  DefaultRunSetting: { type: "structure", members: [
      { name: "workflowId", target: "WorkflowId", required: true },
      { name: "workflowType", target: "WorkflowType" },
      { name: "roleArn", target: "RunRoleArn", required: true },
      { name: "name", target: "RunName" },
      { name: "cacheId", target: "NumericIdInArn" },
      { name: "cacheBehavior", target: "CacheBehavior" },
      { name: "runGroupId", target: "RunGroupId" },
      { name: "priority", target: "Integer", range: { min: 0, max: 100000 } },
      { name: "parameters", target: "RunParameters" },
      { name: "storageCapacity", target: "Integer", range: { min: 0, max: 100000 } },
      { name: "outputUri", target: "RunOutputUri" },
      { name: "logLevel", target: "RunLogLevel" },
      { name: "runTags", target: "TagMap" },
      { name: "retentionMode", target: "RunRetentionMode" },
      { name: "storageType", target: "StorageType" },
      { name: "workflowOwnerId", target: "WorkflowOwnerId" },
      { name: "outputBucketOwnerId", target: "AwsAccountId" },
      { name: "workflowVersionName", target: "WorkflowVersionName" },
      { name: "networkingMode", target: "NetworkingMode" },
      { name: "configurationName", target: "ConfigurationName" },
    ] },
  WorkflowId: { type: "string", length: { min: 1, max: 18 }, pattern: "^[0-9]+$" },
  WorkflowType: { type: "string", length: { min: 1, max: 64 }, enum: ["PRIVATE", "READY2RUN"] },
  RunRoleArn: { type: "string", length: { min: 1, max: 128 }, pattern: "^arn:.+$" },
  RunName: { type: "string", length: { min: 1, max: 128 }, pattern: "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$" },
  NumericIdInArn: { type: "string", length: { min: 1, max: 18 }, pattern: "^[0-9]+$" },
  CacheBehavior: { type: "string", length: { min: 1, max: 64 }, enum: ["CACHE_ON_FAILURE", "CACHE_ALWAYS"] },
  RunGroupId: { type: "string", length: { min: 1, max: 18 }, pattern: "^[0-9]+$" },
  RunParameters: { type: "document" },
  RunOutputUri: { type: "string", length: { min: 1, max: 750 }, pattern: "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$" },
  RunLogLevel: { type: "string", length: { min: 1, max: 64 }, enum: ["OFF", "FATAL", "ERROR", "ALL"] },
  RunRetentionMode: { type: "string", length: { min: 1, max: 64 }, enum: ["RETAIN", "REMOVE"] },
  StorageType: { type: "string", length: { min: 1, max: 64 }, enum: ["STATIC", "DYNAMIC"] },
  WorkflowOwnerId: { type: "string", pattern: "^[0-9]{12}$" },
  AwsAccountId: { type: "string", length: { min: 12, max: 12 }, pattern: "^[0-9]+$" },
  WorkflowVersionName: { type: "string", length: { min: 1, max: 64 }, pattern: "^[A-Za-z0-9][A-Za-z0-9\\-\\._]*$" },
  NetworkingMode: { type: "string", enum: ["RESTRICTED", "VPC"] },
  ConfigurationName: { type: "string", length: { min: 1, max: 128 }, pattern: "^[A-Za-z0-9][A-Za-z0-9\\-\\._]*$" },
  BatchRunSettings: { type: "union", members: [
      { name: "inlineSettings", target: "InlineSettings" },
      { name: "s3UriSettings", target: "S3UriSettings" },
    ] },
  InlineSettings: { type: "list", length: { min: 1, max: 100 }, member: "InlineSetting" },
  InlineSetting: { type: "structure", members: [
      { name: "runSettingId", target: "RunSettingId", required: true },
      { name: "name", target: "RunName" },
      { name: "outputUri", target: "RunOutputUri" },
      { name: "priority", target: "Integer", range: { min: 0, max: 100000 } },
      { name: "parameters", target: "RunParameters" },
      { name: "outputBucketOwnerId", target: "AwsAccountId" },
      { name: "runTags", target: "TagMap" },
    ] },
  RunSettingId: { type: "string", length: { min: 1, max: 128 }, pattern: "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$" },
  S3UriSettings: { type: "string", length: { min: 1, max: 750 }, pattern: "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$" },
  // Smithy prelude shape (not in the model file): a 32-bit integer; ranges sit on the members.
  Integer: { type: "integer" },
} as const satisfies Record<string, ShapeSpec>;

/** A shape name of the table. */
export type ShapeName = keyof typeof shapes;

/** The string shapes of the table. */
export type StringShapeName = {
  [K in ShapeName]: (typeof shapes)[K]["type"] extends "string" ? K : never;
}[ShapeName];

/** The values of an enum string shape, in model order. */
export type EnumValue<K extends StringShapeName> = (typeof shapes)[K] extends { enum: readonly (infer V)[] } ? V : never;

/** The shape spec for a name, widened for generic code. */
export function shapeSpec(name: string): ShapeSpec | undefined {
  return Object.prototype.hasOwnProperty.call(shapes, name) ? (shapes as Record<string, ShapeSpec>)[name] : undefined;
}
