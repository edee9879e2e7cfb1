// What a command may touch: output streams, environment, working folder and files.
// `main()` takes an Io so tests run commands in-process on in-memory files.
import { type Host, nodeHost } from "@batchc/language";

export interface OutStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colour, progress bars). */
  isTTY?: boolean;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** File reads of the front end (the .batch file and its data files). */
  host: Host;
}

export function processIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    host: nodeHost,
  };
}

/** Colour on a terminal, never with NO_COLOR set (any value) or TERM=dumb. */
export function useColor(io: Io, stream: OutStream): boolean {
  return stream.isTTY === true && io.env.NO_COLOR === undefined && io.env.TERM !== "dumb";
}

/** A failure that ends a command with a message and an exit code (usage 2, AWS/S3 3). */
export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly help?: string,
  ) {
    super(message);
    this.name = "CommandError";
  }
}
