// The form of the generated model (`model.generated.ts`): the shapes a StartRunBatch request
// reaches, reduced to the constraints they put on a request, and one fact table of the
// members a batch sets.

/** A `min`/`max` pair, inclusive. On strings it counts code points; on lists and maps, entries. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

/** One member of a structure or union, in model order. */
export interface MemberSpec {
  readonly name: string;
  readonly target: string;
  readonly required?: boolean;
}

/**
 * A shape, reduced to what constrains a request. A `pattern` is anchored (it must match the
 * whole value; botocore's patterns are not) and is meant for a regular expression with the `u`
 * flag.
 */
export type ShapeSpec =
  | { readonly type: "string"; readonly length?: Bounds; readonly pattern?: string; readonly enum?: readonly string[] }
  | { readonly type: "integer"; readonly range?: Bounds }
  | { readonly type: "document" }
  | { readonly type: "structure"; readonly members: readonly MemberSpec[] }
  | { readonly type: "union"; readonly members: readonly MemberSpec[] }
  | { readonly type: "list"; readonly length?: Bounds; readonly member: string }
  | { readonly type: "map"; readonly length?: Bounds; readonly key: string; readonly value: string };

/** What a member's value is: the kind of its target shape (`enum` for a string with values). */
export type FieldKind = "string" | "enum" | "integer" | "document" | "map";

/**
 * One member a batch sets: a member of the request itself (`batchName`, `requestId`, `tags`), or
 * of `DefaultRunSetting`. `perRun`: `InlineSetting` has it too. `merge`: how a run's value
 * combines with the default's (`merge`: key by key, the run winning; `replace`: the run's wins).
 */
export interface FieldFact {
  readonly name: string;
  readonly target: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly perRun: boolean;
  readonly merge: "merge" | "replace";
}
