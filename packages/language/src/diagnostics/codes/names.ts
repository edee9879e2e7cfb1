// BC2xxx: names and types (the checker). One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

export const names = {
} as const;
