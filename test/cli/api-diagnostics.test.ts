// Every API constraint on the effective runs is reported at the source expression that
// produced the value (docs/language.md §8.3), with the iteration and the data-file
// row where the value came from a loop, and nothing is written.
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

interface JsonDiagnostic {
  code: string;
  message: string;
  line: number;
  column: number;
  notes?: { message: string; file?: string; line?: number; column?: number }[];
  help?: string;
}

const DEFAULTS = `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/x/"
}
`;

async function diagnostics(program: string, files: Record<string, string> = {}): Promise<JsonDiagnostic[]> {
  const r = await runCli(["check", "p.batch", "--format", "json"], { files: { "p.batch": program, ...files } });
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { ok: boolean; diagnostics: JsonDiagnostic[] };
  expect(out.ok).toBe(false);
  return out.diagnostics;
}

function only(list: JsonDiagnostic[]): JsonDiagnostic {
  expect(list.map((d) => d.code)).toHaveLength(1);
  return list[0] as JsonDiagnostic;
}

describe("API constraints at their source", () => {
  it("a run name over 128 characters built from a CSV cell points at `name =` and the row", async () => {
    const sheet = `sample_id,desc\nS1,ok\nS2,${"x".repeat(140)}\n`;
    const d = only(
      await diagnostics(
        `${DEFAULTS}type Row = { sample_id: string, desc: string }
let rows: [Row] = csv("s.csv")
for r in rows {
  run r.sample_id {
    name = "wgs \${r.desc}"
  }
}
`,
        { "s.csv": sheet },
      ),
    );
    expect(d).toMatchObject({ code: "BC4001", message: "`name` is longer than 128 characters", line: 10, column: 12 });
    expect(d.help).toBe("a run name is at most 128 characters; this one has 144");
    expect(d.notes?.[0]?.message).toMatch(/^in iteration r = \{ sample_id: "S2", .*\(s\.csv:3\)$/);
    expect(d.notes?.[0]).toMatchObject({ file: "s.csv", line: 3 });
  });

  it("a control character in a name (pattern)", async () => {
    const d = only(await diagnostics(`${DEFAULTS}run "a" { name = "line\\nbreak" }\n`));
    expect(d).toMatchObject({ code: "BC4003", line: 6, column: 18 });
    expect(d.help).toMatch(/^U\+000A \(line feed\) at character 5 is not allowed/);
  });

  it("priority out of range, with the count of repeated iterations", async () => {
    const d = only(await diagnostics(`${DEFAULTS}for i in 1..3 {\n  run "r\${i}" { priority = 100000 + i }\n}\n`));
    expect(d).toMatchObject({ code: "BC4006", message: "`priority` is out of range", line: 7, column: 28 });
    expect(d.notes).toEqual([{ message: "in iteration i = 1" }, { message: "and 2 more iterations" }]);
  });

  it("outputBucketOwnerId of the wrong length (in the defaults)", async () => {
    const d = only(await diagnostics(DEFAULTS.replace("}", '  outputBucketOwnerId = "12345"\n}') + 'run "a" {}\n'));
    expect(d).toMatchObject({ code: "BC4002", message: "`outputBucketOwnerId` is shorter than 12 characters", line: 5, column: 25 });
  });

  it("a run without any outputUri", async () => {
    const program = DEFAULTS.replace('  outputUri  = "s3://lab-results/x/"\n', "") + 'run "a" {}\n';
    const d = only(await diagnostics(program));
    expect(d).toMatchObject({ code: "BC4012", line: 5, column: 1 });
  });

  it("an outputUri that is not s3:// at run time", async () => {
    const d = only(await diagnostics(`${DEFAULTS}let base = "https://lab"\nrun "a" { outputUri = "\${base}/x/" }\n`));
    expect(d.line).toBe(7);
    expect(d.column).toBe(23);
    expect(d.code).toBe("BC2022");
  });

  it("more than 50 run tags after merging the defaults", async () => {
    const tags = Array.from({ length: 51 }, (_, i) => `t${i} = "v"`).join(", ");
    const d = only(await diagnostics(`${DEFAULTS}run "a" {\n  runTags { ${tags} }\n}\n`));
    expect(d).toMatchObject({ code: "BC4014", line: 7, column: 3 });
  });

  it("parameters over 50 KB", async () => {
    const d = only(await diagnostics(`${DEFAULTS}run "a" {\n  params { blob = replace(pad(0, 60000), "0", "a") }\n}\n`));
    expect(d).toMatchObject({ code: "BC4015", message: "the run's parameters take 60,011 bytes of JSON", line: 7, column: 3 });
  });

  it("READY2RUN and cacheBehavior without cacheId (in the defaults)", async () => {
    const list = await diagnostics(DEFAULTS.replace("}", '  workflowType = "READY2RUN"\n  cacheBehavior = "CACHE_ALWAYS"\n}') + 'run "a" {}\n');
    expect(list.map((d) => [d.code, d.line, d.column])).toEqual([
      ["BC4016", 5, 18],
      ["BC4017", 6, 19],
    ]);
  });

  it("a batch name over 64 characters", async () => {
    const d = only(await diagnostics(`batch "${"b".repeat(65)}" {}\n${DEFAULTS}run "a" {}\n`));
    expect(d).toMatchObject({ code: "BC4001", message: "`batchName` is longer than 64 characters", line: 1, column: 7 });
  });

  it("a tag value over 256 characters", async () => {
    const d = only(await diagnostics(`${DEFAULTS}run "a" { runTags { note = "\${pad(0, 257)}" } }\n`));
    expect(d).toMatchObject({ code: "BC4001", line: 6, column: 28 });
  });

  it("duplicate runSettingIds name both runs", async () => {
    const d = only(await diagnostics(`${DEFAULTS}for _i in 1..2 {\n  run "r1" {}\n}\n`));
    expect(d).toMatchObject({ code: "BC3010", line: 7, column: 7 });
    expect(d.message).toBe('duplicate run id "r1"');
  });
});
