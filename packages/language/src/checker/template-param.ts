// A parameter as a parameter template or a workflow's JSON Schema declares it.
import type { Type } from "./types.js";

/** One parameter of a template. */
export interface TemplateParam {
  optional: boolean;
  description?: string;
  /** The type a JSON Schema gives (`any` when absent). */
  type?: Type;
  /** A JSON Schema `pattern` every value must match. */
  pattern?: string;
  /** A JSON Schema `format: file-path`. */
  path?: boolean;
}

/** A JSON Schema `pattern` that RE2 cannot match, so values are not checked against it (BC2053). */
export interface UncheckedPattern {
  name: string;
  pattern: string;
  reason: string;
}

/** A parsed template, or why the text is not one. */
export type TemplateParse = { ok: true; params: Map<string, TemplateParam>; unchecked?: UncheckedPattern[] } | { ok: false; reason: string };
