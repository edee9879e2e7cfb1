// One open document's analysis: the front end on its text (syntax and type diagnostics at
// once), then the checks of every run it expands to, a few hundred runs at a time between
// other requests, abandoned as soon as the text changes. Data files are read through a
// cache kept per document until it is saved (or the cache is dropped on request).
import { fileURLToPath } from "node:url";
import * as path from "node:path";
import {
  compileFile,
  nodeHost,
  sortDiagnostics,
  type Diagnostic,
  type FrontEndResult,
  type Host,
  type ReadOptions,
  type RunSpec,
  type RunStatement,
} from "@batchc/language";
import { buildSymbols, type SymbolTable } from "./symbols.js";

/** The checks of every run of an expanded program, done a few runs at a time. */
export interface RunCheck {
  /** Checks up to `max` more runs, passing each to `seen`; true when none are left. */
  step(max: number, seen: (run: RunSpec) => void): boolean;
  /** The diagnostics of the runs (expansion and API checks), once every run is checked. */
  finish(): Diagnostic[];
}

/** Starts the run checks of a program that expanded (`frontEnd.expansion` is set). */
export type RunChecker = (frontEnd: FrontEndResult) => RunCheck;

/** Without API checks: the expansion's own diagnostics. */
export const expansionOnly: RunChecker = (frontEnd) => {
  const runs = (frontEnd.expansion as NonNullable<FrontEndResult["expansion"]>).runs();
  return {
    step(max, seen) {
      for (let i = 0; i < max; i++) {
        const next = runs.next();
        if (next.done) return true;
        seen(next.value);
      }
      return false;
    },
    finish: () => frontEnd.expansion?.diagnostics ?? [],
  };
};

/** A host that reads each file once and keeps it until `clear()`. */
export class CachingHost implements Host {
  private readonly files = new Map<string, { text?: string; error?: unknown }>();
  private readonly lists = new Map<string, { files?: string[]; error?: unknown; links: [string, string][] }>();
  private readonly realPaths = new Map<string, { path?: string; error?: unknown }>();

  constructor(private readonly base: Host = nodeHost) {}

  readFile(p: string, options?: ReadOptions): string {
    const key = options === undefined ? p : `${p}\0${options.regularOnly === true}\0${options.maxBytes ?? ""}`;
    let entry = this.files.get(key);
    if (entry === undefined) {
      try {
        entry = { text: this.base.readFile(p, options) };
      } catch (error) {
        entry = { error };
      }
      this.files.set(key, entry);
    }
    if (entry.error !== undefined) throw entry.error;
    return entry.text as string;
  }

  realPath(p: string): string {
    let entry = this.realPaths.get(p);
    if (entry === undefined) {
      try {
        entry = { path: this.base.realPath(p) };
      } catch (error) {
        entry = { error };
      }
      this.realPaths.set(p, entry);
    }
    if (entry.error !== undefined) throw entry.error;
    return entry.path as string;
  }

  /** The listing is kept with the links it met, which are shown to each caller's `acceptLink` again. */
  listFiles(dir: string, acceptLink?: (link: string, target: string) => void): string[] {
    let entry = this.lists.get(dir);
    if (entry === undefined) {
      const links: [string, string][] = [];
      try {
        entry = { files: this.base.listFiles(dir, (link, target) => links.push([link, target])), links };
      } catch (error) {
        entry = { error, links };
      }
      this.lists.set(dir, entry);
    }
    if (acceptLink) for (const [link, target] of entry.links) acceptLink(link, target);
    if (entry.error !== undefined) throw entry.error;
    return [...(entry.files as string[])];
  }

  exists(p: string): boolean {
    const entry = this.files.get(p);
    return entry !== undefined ? entry.text !== undefined : this.base.exists(p);
  }

  clear(): void {
    this.files.clear();
    this.lists.clear();
    this.realPaths.clear();
  }
}

/** What is known of one version of a document. */
export interface Analysis {
  uri: string;
  version: number;
  text: string;
  fileName: string;
  frontEnd: FrontEndResult;
  symbols: SymbolTable;
  /** Runs per `run` statement; complete when `runsChecked`. */
  runCounts: Map<RunStatement, number>;
  runsChecked: boolean;
  totalRuns: number;
}

/** The file path of a document (data files are read relative to it). */
export function fileNameOf(uri: string): string {
  if (uri.startsWith("file:")) return fileURLToPath(uri);
  return path.resolve(uri.replace(/^[a-z]+:/i, "").replace(/[\\/]/g, "_") || "untitled.batch");
}

/** Runs the front end on one version of a document. */
export function analyze(uri: string, version: number, text: string, host: Host): Analysis {
  const fileName = fileNameOf(uri);
  const frontEnd = compileFile(fileName, text, { host });
  const program = frontEnd.checked?.program;
  const symbols = buildSymbols(program ?? { kind: "Program", statements: [], span: { start: 0, end: text.length } }, text.length);
  return { uri, version, text, fileName, frontEnd, symbols, runCounts: new Map(), runsChecked: false, totalRuns: 0 };
}

/** A cancellation flag for one run of the run checks. */
export interface Job {
  cancelled: boolean;
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the run checks of `analysis` in slices; returns every diagnostic, or undefined when cancelled. */
export async function checkRuns(analysis: Analysis, checker: RunChecker, job: Job, slice = 500): Promise<Diagnostic[] | undefined> {
  if (analysis.frontEnd.expansion === undefined) {
    analysis.runsChecked = true;
    return analysis.frontEnd.diagnostics;
  }
  const check = checker(analysis.frontEnd);
  const seen = (run: RunSpec): void => {
    analysis.totalRuns++;
    analysis.runCounts.set(run.statement, (analysis.runCounts.get(run.statement) ?? 0) + 1);
  };
  for (;;) {
    await yieldToEvents();
    if (job.cancelled) return undefined;
    if (check.step(slice, seen)) break;
  }
  analysis.runsChecked = true;
  return sortDiagnostics([...analysis.frontEnd.diagnostics, ...check.finish()]);
}
