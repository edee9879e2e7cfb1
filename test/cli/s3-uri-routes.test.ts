// One S3 URI grammar, whatever route a string takes into a program: a string literal, a typed
// CSV cell, a `--var` value, or the batch's settings prefix. Each gives the same verdict, and a
// string that is not an S3 URI the same code (BC2022), with the same reason.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const DEFAULTS = 'defaults {\n  workflowId = "1234567"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n';

/** A `.batch` string literal of `s`. */
const literal = (s: string): string => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\$/g, "\\$")}"`;
/** A quoted CSV cell of `s`. */
const cell = (s: string): string => `"${s.replace(/"/g, '""')}"`;

interface Verdict {
  ok: boolean;
  codes: string[];
  help: string[];
}

async function verdict(argv: string[], files: Record<string, string>): Promise<Verdict> {
  const r = await runCli(["check", "p.batch", "--format", "json", ...argv], { files });
  const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: { code: string; help?: string }[] };
  expect(r.code).toBe(out.ok ? 0 : 1);
  // The reason is the part of the help before the general advice.
  return { ok: out.ok, codes: out.diagnostics.map((d) => d.code), help: out.diagnostics.map((d) => (d.help ?? "").split("; ")[0] as string) };
}

/** The four routes of one string. */
async function routes(s: string): Promise<Record<"literal" | "csv" | "var" | "settings", Verdict>> {
  return {
    literal: await verdict([], { "p.batch": `${DEFAULTS}  outputUri = ${literal(s)}\n}\nrun "a" { }\n` }),
    csv: await verdict([], {
      "p.batch": `${DEFAULTS}}\ntype Row = { u: s3uri }\nlet rows: [Row] = csv("d.csv")\nfor r in rows {\n  run "a" { outputUri = r.u }\n}\n`,
      "d.csv": `u\n${cell(s)}\n`,
    }),
    var: await verdict(["--var", `u=${s}`], { "p.batch": `let u: s3uri = var("u")\n${DEFAULTS}}\nrun "a" { outputUri = u }\n` }),
    settings: await verdict([], {
      "p.batch": `batch "b" { settings = ${literal(s)} }\n${DEFAULTS}  outputUri = "s3://lab-results/x/"\n}\nrun "a" { }\n`,
    }),
  };
}

/** Strings near the grammar's edges, without surrounding blanks (a CSV reader trims cells). */
const candidates = fc
  .oneof(
    fc.stringMatching(/^(s3:\/\/|s3:\/|S3:\/\/|s3:|https:\/\/|)[-a-zA-Z0-9._]{0,8}(\/[-a-z0-9 .é]{0,4}){0,2}$/),
    fc.string({ unit: fc.constantFrom(..."s3:/abcXY.-_ é$\"\\{}0") , maxLength: 14 }),
    fc.constantFrom("s3://-bad-/x/", "s3://bad-/x/", "s3://ab/x", "s3://a..b/x/", "s3://lab-results/x/", "s3://lab.results", "s3:///x", ""),
  )
  .filter((s) => s === s.trim());

describe("the S3 URI grammar on every route", () => {
  it('`outputUri = "s3://-bad-/x/"` is BC2022 as a literal and from a typed CSV cell', async () => {
    const r = await routes("s3://-bad-/x/");
    expect(r.literal).toEqual({ ok: false, codes: ["BC2022"], help: [expect.stringContaining("`-bad-` is not a bucket name")] });
    expect(r.csv).toEqual(r.literal);
  });

  it("random strings: the same verdict, code and reason as a literal, a CSV cell, a --var value and a settings prefix", async () => {
    const seen = { ok: 0, bad: 0 };
    await fc.assert(
      fc.asyncProperty(candidates, async (s) => {
        const r = await routes(s);
        seen[r.literal.ok ? "ok" : "bad"]++;
        expect(r.literal.codes.every((c) => c === "BC2022")).toBe(true);
        expect(r.csv).toEqual(r.literal);
        expect(r.var).toEqual(r.literal);
        expect(r.settings).toEqual(r.literal);
      }),
      { numRuns: 60 },
    );
    // Both verdicts were tried.
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.bad).toBeGreaterThan(0);
  });
});
