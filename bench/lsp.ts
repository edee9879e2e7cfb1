// LSP diagnostics latency: `batchc lsp --stdio` driven over JSON-RPC as an editor would. For
// each of 20 edits (a changing `priority` in `defaults`), the time from sending the change to
// the final diagnostics of that version (after the run checks, `batch/runsChecked`), and to
// the first ones (syntax and types). The server's pause after typing is set to 0 ms here
// (editors get 150 ms), so the figures are the server's own work. Run alone with
// `tsx bench/lsp.ts [FILE...]`; `pnpm bench` adds its rows to bench/results.md.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

const root = path.resolve(import.meta.dirname, "..");
const batchc = path.join(root, "packages/cli/bin/batchc.js");

export interface LspLatency {
  file: string;
  runs: number;
  /** Median ms from a change to its syntax and type diagnostics. */
  firstMs: number;
  /** Median ms from a change to its final diagnostics (every run checked). */
  finalMs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** Opens `file` in a fresh server and measures `edits` changes. */
export async function lspLatency(file: string, edits = 20): Promise<LspLatency> {
  const child = spawn(process.execPath, [batchc, "lsp", "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<string, (value: number) => void>();
  const settle = (key: string, runs = 0): void => {
    waiting.get(key)?.(runs);
    waiting.delete(key);
  };
  const uri = pathToFileURL(file).href;
  connection.onNotification("textDocument/publishDiagnostics", (p: { uri: string; version?: number }) => {
    if (p.uri === uri) settle(`first:${p.version}`);
  });
  connection.onNotification("batch/runsChecked", (p: { uri: string; version: number; runs: number }) => {
    if (p.uri === uri) settle(`final:${p.version}`, p.runs);
  });
  const next = (key: string): Promise<number> => new Promise((resolve) => waiting.set(key, resolve));
  connection.listen();
  await connection.sendRequest("initialize", { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } });
  await connection.sendNotification("initialized", {});

  const text = readFileSync(file, "utf8");
  const opened = next("final:1");
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "batch", version: 1, text } });
  const runs = await opened;
  const firsts: number[] = [];
  const finals: number[] = [];
  for (let i = 0; i < edits; i++) {
    const version = i + 2;
    const changed = text.replace(/defaults \{\n/, `defaults {\n  priority = ${i + 1}\n`);
    const first = next(`first:${version}`);
    const final = next(`final:${version}`);
    const start = performance.now();
    await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text: changed }] });
    await first;
    firsts.push(performance.now() - start);
    await final;
    finals.push(performance.now() - start);
  }
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  connection.dispose();
  return { file, runs, firstMs: median(firsts), finalMs: median(finals) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const files = process.argv.slice(2);
  for (const f of files.length > 0 ? files : [path.join(root, "examples/wgs-cohort/wgs-cohort.batch")]) {
    const r = await lspLatency(path.resolve(f));
    console.log(`${path.relative(root, r.file)}: ${r.runs} runs, first diagnostics ${r.firstMs.toFixed(1)} ms, final ${r.finalMs.toFixed(1)} ms (median of 20 edits)`);
  }
}
