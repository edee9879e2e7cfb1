// The StartRunBatch request as a JSON Schema (draft 2020-12), from the zod schema that is built
// from AWS's model: types, enums, required members and ranges. Lengths and patterns counted in
// code points are checks of their own (validate.ts) and do not appear in it.
import { z } from "zod";
import { StartRunBatchRequestSchema } from "./schema.js";

export function requestJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(StartRunBatchRequestSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}
