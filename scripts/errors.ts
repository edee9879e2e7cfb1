// Writes the examples of `batchc explain` and the error index: `pnpm errors`.
// test/diagnostics/ holds small programs, `BCnnnn.batch` (the example of the code's page) and
// `BCnnnn-what.batch` (more cases), with their data files (`BCnnnn.*`) and expected outputs
// (`BCnnnn.out`, checked by test/diagnostics/corpus.test.ts); this runs `batchc check` on each
// example and writes
//   packages/cli/src/explain/examples.generated.ts  the programs and what check prints, for the CLI
//   docs/errors.md                                  every page of `batchc explain`, as Markdown
// A test checks both files are what this writes, and that each program yields its code.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { type Host, nodeHost } from "@batchc/language";
import { run } from "../packages/cli/src/main.js";
import { explainPage, pageCodes, pageMarkdown } from "../packages/cli/src/explain/page.js";
import type { Example } from "../packages/cli/src/explain/examples.generated.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CORPUS = path.join(root, "test/diagnostics");

/** The examples of the explain pages: each code's files, the program first (not its expected output). */
export function corpus(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of corpusCases()) if (c.name === c.code) out.set(c.code, c.files);
  return out;
}

export interface CorpusCase {
  /** The file name without `.batch`: `BC2020` or `BC2020-record`. */
  name: string;
  /** The code the case is named for. */
  code: string;
  /** The program, then its data files (`NAME.*`, but not `NAME.out`; the files of a `NAME.*` folder). */
  files: string[];
}

/** The files of the corpus folder, those in sub-folders as `folder/name`. */
function corpusFiles(dir = CORPUS, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? corpusFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]))
    .sort();
}

/** Every case of the corpus: a `BCnnnn.batch` or `BCnnnn-what.batch` program and its data files. */
export function corpusCases(): CorpusCase[] {
  const names = corpusFiles();
  const out: CorpusCase[] = [];
  for (const file of names) {
    const m = /^((BC\d{4})(?:-[a-z0-9-]+)?)\.batch$/.exec(file);
    if (!m) continue;
    const name = m[1] as string;
    const data = names.filter((n) => n.startsWith(`${name}.`) && n !== file && n !== `${name}.out`);
    out.push({ name, code: m[2] as string, files: [file, ...data] });
  }
  return out;
}

/** The real files, with relative paths taken from the corpus folder. */
const corpusHost: Host = {
  readFile: (p) => nodeHost.readFile(path.resolve(CORPUS, p)),
  listFiles: (dir) => nodeHost.listFiles(path.resolve(CORPUS, dir)),
  exists: (p) => nodeHost.exists(path.resolve(CORPUS, p)),
  realPath: (p) => nodeHost.realPath(path.resolve(CORPUS, p)),
};

/**
 * The commands of a case: the `$ batchc ...` lines of its `.out` file, else `check FILE` (and
 * `compile --dry-run FILE` for BC4xxx, whose checks run on the request).
 */
export function caseCommands(c: CorpusCase): string[][] {
  const outFile = path.join(CORPUS, `${c.name}.out`);
  const expected = existsSync(outFile) ? readFileSync(outFile, "utf8") : "";
  const lines = expected.split("\n").filter((l) => l.startsWith("$ batchc "));
  if (lines.length > 0) return lines.map((l) => commandWords(l.slice("$ batchc ".length)));
  const file = c.files[0] as string;
  return c.code.startsWith("BC4") ? [["check", file], ["compile", "--dry-run", file]] : [["check", file]];
}

/** Splits a command line into words; `'...'` and `"..."` quote spaces. */
export function commandWords(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) out.push(m[1] ?? m[2] ?? (m[3] as string));
  return out;
}

/** A command's words as they are written in a `.out` file. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((w) => (/^[\w.,:/=@%+-]+$/.test(w) ? w : `'${w}'`)).join(" ");
}

/** `batchc ARGS` in the corpus folder, in-process through the CLI's `run`, without colour or AWS settings. */
export async function runInCorpus(argv: readonly string[]): Promise<{ code: number; stderr: string; stdout: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    // No colour, and no AWS settings of the machine: the shared files are ones that do not exist.
    env: { NO_COLOR: "1", AWS_CONFIG_FILE: path.join(CORPUS, "no-aws-config"), AWS_SHARED_CREDENTIALS_FILE: path.join(CORPUS, "no-aws-credentials") },
    cwd: CORPUS,
    host: corpusHost,
  });
  return { code, stderr, stdout };
}

export async function generatedFiles(): Promise<{ path: string; text: string }[]> {
  const examples: Record<string, Example> = {};
  for (const c of corpusCases()) {
    if (c.name !== c.code) continue;
    const argv = caseCommands(c)[0] as string[];
    const checked = await runInCorpus(argv);
    examples[c.code] = {
      files: c.files.map((name) => ({ name, text: readFileSync(path.join(CORPUS, name), "utf8") })),
      command: commandLine(argv),
      output: checked.stderr,
    };
  }
  const module = [
    "// Generated by `pnpm errors` from test/diagnostics/: do not edit.",
    "// The example of each `batchc explain` page that has one: its files and what `batchc check` prints.",
    "",
    "export interface Example {",
    "  files: { name: string; text: string }[];",
    "  /** The command, after `batchc `. */",
    "  command: string;",
    "  output: string;",
    "}",
    "",
    `export const EXAMPLES: Readonly<Record<string, Example>> = ${JSON.stringify(examples, null, 2)};`,
    "",
  ].join("\n");
  return [
    { path: "packages/cli/src/explain/examples.generated.ts", text: module },
    { path: "docs/errors.md", text: errorsMarkdown(examples) },
  ];
}

function errorsMarkdown(examples: Record<string, Example>): string {
  const codes = pageCodes();
  const out = [
    "# Error index",
    "",
    "Every diagnostic code batchc reports, as `batchc explain CODE` prints it. Generated by `pnpm errors`",
    "from the pages in `packages/cli/src/explain/` and the example programs in `test/diagnostics/` (the",
    "output shown is what the command shown prints for them). Codes: `BC1xxx` syntax, `BC2xxx` names and",
    "types, `BC3xxx` expansion and data files, `BC4xxx` the limits of StartRunBatch, `BC5xxx` files and S3.",
    "",
    ...codes.map((c) => `- [${c}](#${c.toLowerCase()}-${anchor(explainPage(c)?.title ?? "")}): ${explainPage(c)?.title ?? ""}`),
    "",
  ];
  for (const code of codes) {
    const page = explainPage(code);
    if (page === undefined) continue;
    const example = examples[code];
    out.push(pageMarkdown(example !== undefined ? { ...page, example } : page));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/** GitHub's heading anchor of a title (after the `bcnnnn-` of the code). */
function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const f of await generatedFiles()) writeFileSync(path.join(root, f.path), f.text);
  process.stdout.write("wrote packages/cli/src/explain/examples.generated.ts and docs/errors.md\n");
}
