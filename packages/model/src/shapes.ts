// Typed access to the generated shapes.
import { runSettingFields, shapes } from "./model.generated.js";
import type { ShapeSpec } from "./spec.js";

/** A shape name of the model. */
export type ShapeName = keyof typeof shapes;

/** The string shapes of the model. */
export type StringShapeName = {
  [K in ShapeName]: (typeof shapes)[K]["type"] extends "string" ? K : never;
}[ShapeName];

/** The values of an enum string shape, in model order. */
export type EnumValue<K extends StringShapeName> = (typeof shapes)[K] extends { enum: readonly (infer V)[] } ? V : never;

/** The name of a member of `DefaultRunSetting`. */
export type RunSettingFieldName = (typeof runSettingFields)[number]["name"];

/** The shape spec for a name, widened for generic code. */
export function shapeSpec(name: string): ShapeSpec | undefined {
  return Object.prototype.hasOwnProperty.call(shapes, name) ? (shapes as Record<string, ShapeSpec>)[name] : undefined;
}
