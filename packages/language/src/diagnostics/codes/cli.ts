// BC5xxx: the command line, files and S3. One builder per code; never reuse a code.
import type { DiagnosticMessage } from "../diagnostic.js";

const error = (code: string, message: string, rest: Partial<DiagnosticMessage> = {}): DiagnosticMessage => ({
  code,
  severity: "error",
  message,
  ...rest,
});

export const cli = {
  /** The .batch file itself cannot be read. */
  cannotReadProgram: (file: string, reason: string): DiagnosticMessage =>
    error("BC5001", `cannot read \`${file}\`: ${reason}`, { help: "check the path; it is relative to the current folder" }),
} as const;
