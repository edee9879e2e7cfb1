// Property: `compile` writes the same bytes, and reports the same diagnostics, with the fast
// per-statement encoders as with the full path alone (which `compileRequest` takes when given
// a `select`), and `check`, which takes the encoders too, reports what the full path reports:
// random data rows with unicode, quotes, backslashes, control characters, long text, numbers
// at the range edges, unset (`null`) parameters and record parameters.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { compileFile, memoryHost } from "@batchc/language";
import { describe, expect, it } from "vitest";
import { checkCommand } from "./commands/check.js";
import { compileRequest } from "./commands/compile.js";
import { fastEncoders, type RunEncoders } from "./fast-encode.js";
import type { Io } from "./io.js";

const program = (copies: number, ownUri: boolean): string => `batch "b" {
  settings = "s3://lab-batches/x/"
}
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/R"
  outputUri  = "s3://lab-results/x/"
  runTags { project = "p" }
  params { ref = "r" }
}
params {
  ref: string
  a: string
  n?: int
  meta?: { k: string }
}
type Row = { a: string, b: string, n: int, o: string }
let rows: [Row] = json("rows.json")
for r in rows, i in range(0, ${copies}) {
  if i % 7 == 2 {
    run "\${r.a}-\${i}" {
      name = "\${r.b} \${i}"
      params {
        a    = r.a
        meta = { k: r.b }
      }
    }
  } else {
    run "\${r.a}-\${i}" {
      name      = "\${r.b} \${i}"
      outputUri = ${ownUri ? "r.o" : '"s3://lab-results/\${r.a}/"'}
      priority  = r.n + i
      params {
        a = r.a
        n = if i % 5 == 1 then null else r.n
      }
      runTags { t = r.b, u = "\${r.a}\${i}" }
    }
  }
}
`;

/** The outputs of one compile: the request and settings file, or the diagnostics. */
async function outputs(files: Record<string, string>, fast: boolean): Promise<[number, string, string | undefined, string]> {
  let stderr = "";
  const io: Io = {
    stdout: { write: () => true, isTTY: false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    env: {},
    cwd: "/",
    host: memoryHost(files),
  };
  const compiled = await compileRequest("p.batch", {}, io, fast ? undefined : () => true);
  if (typeof compiled === "number") return [compiled, "", undefined, stderr];
  try {
    const file = compiled.emitted.settingsFile;
    return [0, compiled.emitted.json, file === undefined ? undefined : readFileSync(file.path, "utf8"), stderr];
  } finally {
    await compiled.dispose();
  }
}

/** `check`'s exit code and what it printed. */
async function checked(files: Record<string, string>): Promise<[number, string, string]> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (s: string) => ((stdout += s), true), isTTY: false },
    stderr: { write: (s: string) => ((stderr += s), true), isTTY: false },
    env: {},
    cwd: "/",
    host: memoryHost(files),
  };
  return [await checkCommand(["p.batch"], {}, io), stdout, stderr];
}

const plain = fc.stringMatching(/^[A-Za-z0-9 ._-]{1,12}$/);
const odd = fc.oneof(
  fc.constantFrom("café", "東京", "😀", 'say "hi"', "back\\slash", "tab\there", "nl\nx", "\u0001", "\u007f", "", " ", "x".repeat(300), "y".repeat(129)),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "grapheme", maxLength: 4 }),
);
const text = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: odd });
const row = fc.record({
  a: fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/) }, { weight: 1, arbitrary: odd }),
  b: text,
  n: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-1, 0, 99_990, 100_000, 100_001)),
  o: fc.oneof(fc.constantFrom("s3://lab-out/a/", "s3://lab-out/b c/", "s3://x/", "s3://lab-out/é/"), fc.stringMatching(/^s3:\/\/lab-[a-z]{1,5}\/[a-z0-9/]{0,10}$/)),
});

describe("the fast encoders", () => {
  it("give compile's bytes and diagnostics exactly as the full path does", async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 4 }), fc.constantFrom(2, 30, 60), fc.boolean(), async (rows, copies, ownUri) => {
        const files = { "p.batch": program(copies, ownUri), "rows.json": JSON.stringify(rows) };
        const fast = await outputs(files, true);
        const full = await outputs(files, false);
        expect(fast).toEqual(full);
        // `check` takes the fast encoders too, and reports what the full path reports.
        const [code, stdout, stderr] = await checked(files);
        expect([code, stderr]).toEqual([full[0], full[3]]);
        if (code === 0) expect(stdout).toMatch(/^p\.batch: ok, \d+ runs\n$/);
        if (fast[0] === 0) written++;
      }),
      { numRuns: 40 },
    );
    // Both outcomes were seen.
    expect(written).toBeGreaterThan(3);
    expect(written).toBeLessThan(37);
  });

  it("take exactly the runs with only plain values set", () => {
    const rows = [
      { a: "s1", b: "plain", n: 3, o: "s3://lab-out/a/" },
      { a: "s2", b: 'café "q"', n: 7, o: "s3://lab-out/b/" },
    ];
    const files = { "p.batch": program(60, true), "rows.json": JSON.stringify(rows) };
    const expansion = compileFile("p.batch", files["p.batch"], { host: memoryHost(files) }).expansion!;
    const taken: string[] = [];
    for (const run of expansion.runs(fastEncoders(expansion.defaults))) {
      if (run.json === undefined) continue;
      taken.push(run.runSettingId);
      expect(run.fields).toEqual({});
      expect(JSON.parse(run.json)).toMatchObject({ runSettingId: run.runSettingId, name: `plain ${run.runSettingId.slice(3)}` });
    }
    // Row s1 but for i % 5 == 1 (`n` unset) and i % 7 == 2 (`meta` a record); no run of s2 (not plain text).
    const expected = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 5 !== 1 && i % 7 !== 2).map((i) => `s1-${i}`);
    expect(taken).toEqual(expected);
    expect(taken).toHaveLength(41);
  });

  it("skip the S3 URI test of an outputUri whose template starts with s3://bucket/ only", () => {
    for (const ownUri of [false, true]) {
      const files = { "p.batch": program(2, ownUri), "rows.json": JSON.stringify([{ a: "s1", b: "b", n: 1, o: "s3://lab-out/a/" }]) };
      const expansion = compileFile("p.batch", files["p.batch"], { host: memoryHost(files) }).expansion!;
      const flags: boolean[] = [];
      const runs = [...expansion.runs((plan) => (flags.push(...plan.scalars.filter((x) => x.key === "outputUri").map((x) => x.s3uri)), undefined))];
      expect(runs).toHaveLength(2);
      // The second statement sets outputUri: `"s3://lab-results/${r.a}/"`, or `r.o` read from the data.
      expect(flags).toEqual([!ownUri]);
    }
  });

  it("write a settings file above 100 runs, byte for byte as the full path", async () => {
    const rows = [
      { a: "s1", b: "plain", n: 3, o: "s3://lab-out/a/" },
      { a: "s2", b: 'café "q"', n: 7, o: "s3://lab-out/b/" },
    ];
    const files = { "p.batch": program(60, true), "rows.json": JSON.stringify(rows) };
    const fast = await outputs(files, true);
    expect(fast[0]).toBe(0);
    expect(JSON.parse(fast[2] as string)).toHaveLength(120);
    expect(fast).toEqual(await outputs(files, false));
  });
});

describe("a statement's fast encoder", () => {
  /** A plan setting only `name`, read from the environment's first slot; counts its reads. */
  const namePlan = (): { plan: Parameters<RunEncoders>[0]; reads: () => number } => {
    let reads = 0;
    const plan = {
      statement: {} as never,
      scalars: [{ key: "name" as const, value: (env: unknown[]) => (reads++, env[0] as string), s3uri: false }],
      parameters: undefined,
      runTags: undefined,
      engineSettings: undefined,
    };
    return { plan, reads: () => reads };
  };

  it("stops trying after 256 runs it did not take when it took almost none", () => {
    const { plan, reads } = namePlan();
    const encode = fastEncoders({ outputUri: "s3://ooo/" })(plan)!;
    expect(encode("r0", ["fine"])).toBe('{"runSettingId":"r0","name":"fine"}');
    const out = Array.from({ length: 400 }, (_, i) => encode(`r${i + 1}`, ["café"]));
    expect(out.every((x) => x === undefined)).toBe(true);
    expect(reads()).toBe(1 + 256);
    expect(encode("r999", ["fine"])).toBeUndefined();
    expect(reads()).toBe(1 + 256);
  });

  it("keeps trying while it takes more than one run in nine", () => {
    const { plan, reads } = namePlan();
    const encode = fastEncoders({ outputUri: "s3://ooo/" })(plan)!;
    let taken = 0;
    for (let i = 0; i < 3000; i++) if (encode(`r${i}`, [i % 8 === 0 ? "fine" : "café"]) !== undefined) taken++;
    expect([taken, reads()]).toEqual([375, 3000]);
  });
});
