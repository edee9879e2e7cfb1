// BC4xxx: AWS HealthOmics API limits on the effective runs. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

export const api = {
} as const;
