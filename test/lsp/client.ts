// A language client for tests: starts `batchc lsp --stdio` (the shipped executable) and
// speaks JSON-RPC to it with vscode-jsonrpc, keeping every notification it receives.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";

const root = path.resolve(import.meta.dirname, "../..");
export const bin = path.join(root, "packages/cli/bin/batchc.js");

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code: string;
  message: string;
  severity: number;
}

interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  /** Every notification, in the order received: `[method, params]`. */
  readonly events: [string, unknown][] = [];
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  stderr = "";

  constructor() {
    this.child = spawn(process.execPath, [bin, "lsp", "--stdio"], { cwd: root, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stderr?.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    for (const method of ["textDocument/publishDiagnostics", "batch/runsChecked"]) {
      this.connection.onNotification(method, (params: unknown) => this.record(method, params));
    }
    this.connection.listen();
  }

  record(method: string, params: unknown): void {
    this.events.push([method, params]);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves when `test` holds (checked after each notification). */
  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>("initialize", { processId: process.pid, rootUri: null, capabilities: {} });
    await this.connection.sendNotification("initialized", {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "batch", version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The diagnostics published last for `uri` at `version`. */
  diagnostics(uri: string, version: number): LspDiagnostic[] | undefined {
    const list = this.events.filter(([m, p]) => m === "textDocument/publishDiagnostics" && (p as Published).uri === uri && (p as Published).version === version);
    return (list[list.length - 1]?.[1] as Published | undefined)?.diagnostics;
  }

  runsChecked(uri: string, version: number): { runs: number } | undefined {
    const found = this.events.find(([m, p]) => m === "batch/runsChecked" && (p as Published).uri === uri && (p as Published).version === version);
    return found?.[1] as { runs: number } | undefined;
  }

  /** Waits for the run checks of `version`, then returns its final diagnostics. */
  async checked(uri: string, version: number): Promise<LspDiagnostic[]> {
    await this.until(() => this.runsChecked(uri, version) !== undefined);
    return this.diagnostics(uri, version) ?? [];
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.on("exit", (code) => resolve(code)));
    await this.connection.sendRequest("shutdown");
    await this.connection.sendNotification("exit");
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

export const uriOf = (file: string): string => pathToFileURL(file).href;
