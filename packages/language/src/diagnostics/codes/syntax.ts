// BC1xxx: lexing and parsing. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

export const syntax = {
  /** A character that starts no token. */
  unexpectedCharacter: (ch: string): DiagnosticMessage =>
    error("BC1001", `unexpected character ${JSON.stringify(ch)}`, { help: "remove it, or put it inside a string" }),
} as const;
