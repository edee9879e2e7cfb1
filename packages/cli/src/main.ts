// The `batchc` entry point: parse the command line, run one command, map failures to exit codes.
// Exit codes: 0 success, 1 diagnostics, 2 usage, 3 AWS/S3 failure, 70 internal error.
import { CommandError, type Io, processIo } from "./io.js";
import { safeText } from "@batchc/text";
import { helpText, parseArgs } from "./options.js";
import { VERSION } from "./version.js";

export const EXIT = { ok: 0, diagnostics: 1, usage: 2, aws: 3, internal: 70 } as const;

/** Runs batchc with `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  try {
    const parsed = parseArgs(argv);
    switch (parsed.kind) {
      case "help":
        io.stdout.write(helpText(parsed.command));
        return EXIT.ok;
      case "version":
        io.stdout.write(`batchc ${VERSION}\n`);
        return EXIT.ok;
      case "usage-error":
        io.stderr.write(`error: ${parsed.message}\n`);
        io.stderr.write(parsed.command ? `Run \`batchc ${parsed.command} --help\` for its options.\n` : "Run `batchc --help` for usage.\n");
        return EXIT.usage;
      case "run": {
        const command = await loadCommand(parsed.command);
        const color = parsed.options.color as Io["color"];
        return await command(parsed.args, parsed.options, color === undefined ? io : { ...io, color });
      }
    }
  } catch (err) {
    if (err instanceof CommandError) {
      // Messages may quote the service or a file: printed safe (escaped, cut, secrets masked).
      io.stderr.write(`error: ${safeText(err.message, { multiline: true })}\n`);
      if (err.help) io.stderr.write(`help: ${safeText(err.help, { multiline: true })}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(
      `internal error: ${safeText(message.split("\n")[0] as string, { max: 300 })} (this is a bug in batchc ${VERSION}; please report it with the input that caused it, and rerun with BATCHC_DEBUG=1 for details)\n`,
    );
    if (io.env.BATCHC_DEBUG === "1" && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return EXIT.internal;
  }
}

type Command = (args: string[], options: Record<string, unknown>, io: Io) => Promise<number>;

/** Commands are loaded on demand so that each pays only for the modules it uses. */
async function loadCommand(name: string): Promise<Command> {
  switch (name) {
    case "check":
      return (await import("./commands/check.js")).checkCommand;
    case "compile":
      return (await import("./commands/compile.js")).compileCommand;
    case "submit":
      return (await import("./commands/submit-command.js")).submitCommand;
    case "status":
      return (await import("./commands/status.js")).statusCommand;
    case "list":
      return (await import("./commands/list.js")).listCommand;
    case "runs":
      return (await import("./commands/runs.js")).runsCommand;
    case "cancel":
      return (await import("./commands/cancel.js")).cancelCommand;
    case "delete":
      return (await import("./commands/delete.js")).deleteCommand;
    case "resubmit":
      return (await import("./commands/resubmit.js")).resubmitCommand;
    case "fmt":
      return (await import("./commands/fmt.js")).fmtCommand;
    case "completion":
      return (await import("./commands/completion.js")).completionCommand;
    case "lsp":
      return (await import("./commands/lsp.js")).lspCommand;
    case "explain":
      return (await import("./commands/explain.js")).explainCommand;
    case "sandbox":
      return (await import("./commands/sandbox.js")).sandboxCommand;
    default:
      throw new Error(`command \`${name}\` is declared but has no implementation`);
  }
}
