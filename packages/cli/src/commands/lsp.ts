// `batchc lsp --stdio`: the language server, with the same run checks as `batchc check`.
import { CommandError, type Io } from "../io.js";
import { VERSION } from "../version.js";

export async function lspCommand(_args: string[], options: Record<string, unknown>, _io: Io): Promise<number> {
  if (options.stdio !== true) throw new CommandError("the language server speaks over standard input and output", 2, "run it as `batchc lsp --stdio`");
  const [{ startServer }, { runChecks }] = await Promise.all([import("@batchc/lsp"), import("../run-checks.js")]);
  startServer({ runChecker: runChecks, version: VERSION });
  // The server ends the process when the editor says `exit` (or goes away).
  return new Promise<number>(() => {});
}
