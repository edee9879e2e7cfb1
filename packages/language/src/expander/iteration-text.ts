// How an iteration is named in messages: its loop variables with short values and, for rows
// of data files, their places.
import { displayValue, isRecordValue, shownFields, type Value } from "../values.js";
import type { Binding } from "./run-spec.js";

/** `s = { sample_id: "S1", … } (samples.csv:2), ref = "t2t"`: short values, data-file places. */
export function iterationText(bindings: readonly Binding[]): string {
  return bindings
    .map((b) => `${b.name} = ${shortValue(b.value)}${b.origin === undefined ? "" : ` (${b.origin.file}:${b.origin.line})`}`)
    .join(", ");
}

/** A value in a few characters: records show their first two fields. */
export function shortValue(v: Value): string {
  if (isRecordValue(v)) {
    const fields = shownFields(v);
    const shown = fields.slice(0, 2).map(([k, x]) => `${k}: ${x === undefined ? "?" : displayValue(x, 24)}`);
    if (fields.length > 2) shown.push("…");
    return fields.length === 0 ? "{}" : `{ ${shown.join(", ")} }`;
  }
  return displayValue(v, 40);
}

