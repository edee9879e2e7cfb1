// What a command may touch: output streams, environment, working folder and files.
// `main()` takes an Io so tests run commands in-process on in-memory files.
import type { Host } from "@batchc/language";

export interface OutStream {
  write(chunk: string): unknown;
  /** True when the stream is a terminal (colour, progress bars). */
  isTTY?: boolean;
  /** The terminal's width, when it is one (progress lines are cut to it). */
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** File reads of the front end (the .batch file and its data files); default: the real files. */
  host?: Host;
  /** Asks a yes/no question on the terminal; absent when standard input is not a terminal. */
  confirm?: (question: string) => Promise<boolean>;
  /** Waits between polls (tests replace it to run without delays). */
  sleep?: (ms: number) => Promise<void>;
  /** Reads all of standard input as UTF-8 (`batchc fmt -`). */
  readStdin?: () => Promise<string>;
  /** `--color`: `auto` (the default) decides by the environment and the stream. */
  color?: "auto" | "always" | "never";
  /**
   * Runs `handler` on Ctrl-C (SIGINT), after which the process ends with exit code 130;
   * returns a function that removes it. Absent: Ctrl-C is not caught (tests).
   */
  onInterrupt?: (handler: () => void) => () => void;
}

export function processIo(): Io {
  endQuietlyWhenClosed(process.stdout);
  endQuietlyWhenClosed(process.stderr);
  const io: Io = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
  if (process.stdin.isTTY) io.confirm = askOnTerminal;
  io.onInterrupt = (handler) => {
    const listener = (): void => {
      handler();
      process.exit(130);
    };
    process.once("SIGINT", listener);
    return () => process.off("SIGINT", listener);
  };
  return io;
}

const guarded = new WeakSet<NodeJS.WriteStream>();

/**
 * A reader that goes away (`batchc runs 5000001 | head`) makes the next write fail with EPIPE:
 * the command ends there, quietly and with exit 0, as if it had finished. Any other write error
 * ends it with one line and exit 1, never a stack trace.
 */
function endQuietlyWhenClosed(stream: NodeJS.WriteStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    try {
      process.stderr.write(`error: cannot write the output (${err.code ?? err.message})\n`);
    } finally {
      process.exit(1);
    }
  });
}

async function askOnTerminal(question: string): Promise<boolean> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`${question} [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/**
 * Colour: `--color always|never` decides; else FORCE_COLOR (any value but `0` or `false`) turns it
 * on, as it does for Node itself; else a non-empty NO_COLOR turns it off (no-color.org: an empty
 * one does not); else colour on a terminal that is not TERM=dumb.
 */
export function useColor(io: Io, stream: OutStream): boolean {
  if (io.color === "always") return true;
  if (io.color === "never") return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  return stream.isTTY === true && io.env.TERM !== "dumb";
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
