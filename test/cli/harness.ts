// Runs the CLI in-process, as `batchc ARGS` would, capturing stdout, stderr and the exit code.
import { type Host, memoryHost, nodeHost } from "@batchc/language";
import { run } from "../../packages/cli/src/main.js";
import type { Io } from "../../packages/cli/src/io.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** In-memory files (relative paths); default: the real file system. */
  files?: Record<string, string>;
  host?: Host;
  cwd?: string;
  env?: Record<string, string | undefined>;
  tty?: boolean;
}

export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false, ...(options.tty === true ? { columns: 120 } : {}) },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false, ...(options.tty === true ? { columns: 120 } : {}) },
    env: { ...(options.env ?? {}) },
    cwd: options.cwd ?? process.cwd(),
    host: options.host ?? (options.files ? memoryHost(options.files) : nodeHost),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
