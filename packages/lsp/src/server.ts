// The language server over one JSON-RPC connection (stdio for editors). Each change is
// analysed after a short pause in typing: syntax and type diagnostics are published at
// once, the run checks follow in slices (so requests are answered meanwhile) and are
// dropped when the text changes again. `batch/runsChecked` tells the client they are done.
import { formatSource, SourceFile, type Diagnostic, type Span } from "@batchc/language";
import { TextDocument } from "vscode-languageserver-textdocument";
import {
  DiagnosticSeverity,
  TextDocumentSyncKind,
  TextDocuments,
  TextEdit,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeResult,
} from "vscode-languageserver";
import { complete } from "./completion.js";
import { analyze, CachingHost, checkRuns, expansionOnly, type Analysis, type Job, type RunChecker } from "./documents.js";
import { hoverAt } from "./hover.js";
import { outline } from "./outline.js";

export interface ServerOptions {
  /** The checks of every run (the CLI passes the same API checks `batchc check` makes). */
  runChecker?: RunChecker;
  /** Milliseconds of quiet after a change before it is analysed. */
  debounceMs?: number;
  version?: string;
}

/** Sent when the run checks of a document version are done. */
export const RUNS_CHECKED = "batch/runsChecked";
/** Drops the cached data files of every document and analyses them again. */
export const REFRESH_COMMAND = "batch.refreshDataFiles";

interface DocumentState {
  host: CachingHost;
  analysis?: Analysis;
  job?: Job;
  timer?: NodeJS.Timeout;
}

export function serve(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const states = new Map<string, DocumentState>();
  const checker = options.runChecker ?? expansionOnly;
  let debounce = options.debounceMs ?? 150;

  const stateOf = (uri: string): DocumentState => stateIn(states, uri);

  const publish = (doc: TextDocument, list: readonly Diagnostic[]): void => {
    void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: list.map((d) => toLsp(doc, d)) });
  };

  /** Analyses the current text now; returns the analysis. */
  const analyseNow = (doc: TextDocument): Analysis => {
    const state = stateOf(doc.uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = undefined;
    if (state.analysis?.version === doc.version) return state.analysis;
    if (state.job) state.job.cancelled = true;
    const analysis = analyze(doc.uri, doc.version, doc.getText(), state.host);
    state.analysis = analysis;
    publish(doc, analysis.frontEnd.diagnostics);
    const job: Job = { cancelled: false };
    state.job = job;
    void checkRuns(analysis, checker, job).then(
      (list) => {
        if (list === undefined || job.cancelled) return;
        publish(doc, list);
        void connection.sendNotification(RUNS_CHECKED, { uri: doc.uri, version: doc.version, runs: analysis.totalRuns });
      },
      (err: unknown) => connection.console.error(`run checks failed: ${err instanceof Error ? err.message : String(err)}`),
    );
    return analysis;
  };

  const schedule = (doc: TextDocument, delay: number): void => {
    const state = stateOf(doc.uri);
    if (state.timer) clearTimeout(state.timer);
    if (state.job) state.job.cancelled = true;
    state.timer = setTimeout(() => {
      const current = documents.get(doc.uri);
      if (current) analyseNow(current);
    }, delay);
  };

  /** The analysis of the text as it is now (analysed on demand when a change is pending). */
  const current = (uri: string): Analysis | undefined => {
    const doc = documents.get(uri);
    return doc === undefined ? undefined : analyseNow(doc);
  };

  connection.onInitialize((params): InitializeResult => {
    // A client may ask for another pause after typing (`{ "debounceMs": 50 }`).
    const asked = (params.initializationOptions as { debounceMs?: unknown } | undefined)?.debounceMs;
    if (typeof asked === "number" && Number.isFinite(asked) && asked >= 0 && asked <= 10_000) debounce = asked;
    return initializeResult(options.version);
  });

  documents.onDidOpen((e) => schedule(e.document, 0));
  documents.onDidChangeContent((e) => schedule(e.document, debounce));
  registerLifecycle(connection, documents, states, schedule);
  registerQueries(connection, documents, current, (uri) => stateOf(uri).host);
  registerNavigation(connection, documents, current);

  documents.listen(connection);
  connection.listen();
}

function rangeOf(doc: TextDocument, span: Span): { start: { line: number; character: number }; end: { line: number; character: number } } {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

type Current = (uri: string) => Analysis | undefined;

/** What the server says it can do. */
function initializeResult(version: string | undefined): InitializeResult {
  return {
  capabilities: {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    completionProvider: { triggerCharacters: [".", '"'] },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentSymbolProvider: true,
    documentFormattingProvider: true,
    renameProvider: { prepareProvider: true },
    executeCommandProvider: { commands: [REFRESH_COMMAND] },
  },
  serverInfo: { name: "batchc", ...(version ? { version: version } : {}) },
    };;
}

/** Completion, hover, the outline and formatting. */
function registerQueries(connection: Connection, documents: TextDocuments<TextDocument>, current: Current, hostOf: (uri: string) => CachingHost): void {
  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    if (doc === undefined || analysis === undefined) return [];
    return complete(analysis, doc.getText(), doc.offsetAt(params.position), hostOf(doc.uri));
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    if (doc === undefined || analysis === undefined) return null;
    const hover = hoverAt(analysis, doc.offsetAt(params.position));
    return hover === undefined ? null : { contents: { kind: "markdown", value: hover.markdown }, range: rangeOf(doc, hover.span) };
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    const program = analysis?.frontEnd.checked?.program;
    if (!doc || !program) return [];
    return outline(program.statements, (start, end) => rangeOf(doc, { start, end }));
  });

  connection.onDocumentFormatting((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = formatSource(new SourceFile(doc.uri, doc.getText()));
    if (!result.ok || result.text === doc.getText()) return [];
    return [TextEdit.replace({ start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) }, result.text)];
  });
}

/** Go to definition, references and renaming of `let`s and type aliases. */
function registerNavigation(connection: Connection, documents: TextDocuments<TextDocument>, current: Current): void {
  connection.onDefinition((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    const d = doc && analysis?.symbols.at(doc.offsetAt(params.position));
    return doc && d ? { uri: doc.uri, range: rangeOf(doc, d.span) } : null;
  });

  connection.onReferences((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    const d = doc && analysis?.symbols.at(doc.offsetAt(params.position));
    if (!doc || !d) return [];
    const spans = params.context.includeDeclaration ? d.references : d.references.slice(1);
    return spans.map((s) => ({ uri: doc.uri, range: rangeOf(doc, s) }));
  });

  connection.onPrepareRename((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    const offset = doc?.offsetAt(params.position) ?? -1;
    const d = doc && analysis?.symbols.at(offset);
    if (!doc || !d || (d.kind !== "let" && d.kind !== "alias")) return null;
    const span = d.references.find((r) => r.start <= offset && offset <= r.end) as Span;
    return { range: rangeOf(doc, span), placeholder: d.name };
  });

  connection.onRenameRequest((params) => {
    const doc = documents.get(params.textDocument.uri);
    const analysis = current(params.textDocument.uri);
    const d = doc && analysis?.symbols.at(doc.offsetAt(params.position));
    if (!doc || !d || (d.kind !== "let" && d.kind !== "alias")) return null;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(params.newName)) throw new Error(`\`${params.newName}\` is not a name`);
    return { changes: { [doc.uri]: d.references.map((s) => TextEdit.replace(rangeOf(doc, s), params.newName)) } };
  });
}

/** A batchc diagnostic as the protocol carries it. */
function toLsp(doc: TextDocument, d: Diagnostic): LspDiagnostic {
  const lines = [d.message, ...(d.notes ?? []).map((n) => `note: ${n}`), ...(d.help ? [`help: ${d.help}`] : [])];
  const out: LspDiagnostic = {
    range: rangeOf(doc, d.span),
    severity: d.severity === "error" ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: "batchc",
    message: lines.join("\n"),
  };
  if (d.labels && d.labels.length > 0) {
    out.relatedInformation = d.labels.map((l) => ({ location: { uri: doc.uri, range: rangeOf(doc, l.span) }, message: l.text }));
  }
  return out;
}

/** Saving and closing a document, and the refresh command: the cached reads are dropped. */
function registerLifecycle(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  states: Map<string, DocumentState>,
  schedule: (doc: TextDocument, delay: number) => void,
): void {
  documents.onDidSave((e) => {
    const state = stateIn(states, e.document.uri);
    state.host.clear();
    state.analysis = undefined;
    schedule(e.document, 0);
  });
  documents.onDidClose((e) => {
    const state = states.get(e.document.uri);
    if (state?.timer) clearTimeout(state.timer);
    if (state?.job) state.job.cancelled = true;
    states.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onExecuteCommand((params) => {
    if (params.command !== REFRESH_COMMAND) return;
    for (const doc of documents.all()) {
      const state = stateIn(states, doc.uri);
      state.host.clear();
      state.analysis = undefined;
      schedule(doc, 0);
    }
  });
}

function stateIn(states: Map<string, DocumentState>, uri: string): DocumentState {
  let s = states.get(uri);
  if (s === undefined) {
    s = { host: new CachingHost() };
    states.set(uri, s);
  }
  return s;
}
