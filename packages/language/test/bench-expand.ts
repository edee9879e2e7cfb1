// Prints how long expanding the docs/language.md §1 program takes at 100,000 runs (a 25,000-row
// csv in memory), after warm-up. Not a test: run `pnpm exec tsx packages/language/test/bench-expand.ts`.
import { check } from "../src/checker/check.js";
import { memoryHost } from "../src/host.js";
import { parse } from "../src/parser/parse.js";
import { SourceFile } from "../src/source.js";
import { expand } from "../src/expander/expand.js";
import { REFERENCE_PROGRAM } from "./fixtures.js";

/** The §1 program. */
export const COHORT_PROGRAM = REFERENCE_PROGRAM;

/** A samples.csv with `n` rows: S000001 ... with every 7th sample urgent. */
export function cohortCsv(n: number): string {
  const rows = ["sample_id,r1,r2,urgent"];
  for (let i = 1; i <= n; i++) {
    const id = `S${String(i).padStart(6, "0")}`;
    rows.push(`${id},s3://lab-raw/cohort-a/${id}_R1.fastq.gz,s3://lab-raw/cohort-a/${id}_R2.fastq.gz,${i % 7 === 0 ? "yes" : "no"}`);
  }
  return `${rows.join("\n")}\n`;
}

/** Runs the benchmark and prints the figure. */
export function main(): void {
  const source = new SourceFile("wgs-cohort.batch", COHORT_PROGRAM);
  const host = memoryHost({ "/bench/samples.csv": cohortCsv(25_000) });
  const parsed = parse(source);
  const { checked, diagnostics } = check(parsed.program, source, { host, baseDir: "/bench" });
  if (parsed.diagnostics.length + diagnostics.length > 0) throw new Error("the §1 program does not check");
  const once = (): { setup: number; total: number; runs: number } => {
    const t0 = performance.now();
    const x = expand(checked, { host, baseDir: "/bench" });
    const t1 = performance.now();
    let runs = 0;
    for (const _ of x.runs()) runs++;
    const t2 = performance.now();
    if (x.diagnostics.length > 0) throw new Error(x.diagnostics[0]?.message);
    return { setup: t1 - t0, total: t2 - t0, runs };
  };
  for (let i = 0; i < 5; i++) once();
  const times: number[] = [];
  let last = { setup: 0, total: 0, runs: 0 };
  for (let i = 0; i < 10; i++) {
    last = once();
    times.push(last.total);
  }
  times.sort((a, b) => a - b);
  const median = times[times.length >> 1] as number;
  console.log(
    `expanded ${last.runs} runs (25,000-row csv): median ${median.toFixed(1)} ms, best ${(times[0] as number).toFixed(1)} ms` +
      ` (set-up incl. csv ${last.setup.toFixed(1)} ms)`,
  );
}

if (process.argv[1]?.endsWith("bench-expand.ts")) main();
