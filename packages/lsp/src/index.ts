// @batchc/lsp: the `.batch` language server. `startServer()` serves LSP over stdio.
import { createConnection } from "vscode-languageserver/node";
import { serve, type ServerOptions } from "./server.js";

export { serve, RUNS_CHECKED, REFRESH_COMMAND, type ServerOptions } from "./server.js";
export { expansionOnly, type RunCheck, type RunChecker } from "./documents.js";

/** Serves LSP on standard input and output until the client says `exit`. */
export function startServer(options: ServerOptions = {}): void {
  serve(createConnection(process.stdin, process.stdout), options);
}
