// Expansion despite checker errors (faults.ts): the data files and runs of a program with static
// errors are still read and walked, so their problems and the number of runs come in the same
// run, without a cascade from the places the checker already reported.
import { describe, expect, it } from "vitest";
import { checkAll } from "../../test/expand-harness.js";

const HEAD = `defaults {\n  workflowId = "1"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n  outputUri = "s3://lab-results/out/"\n}\n`;
const SHEET = "sample,reads\nS1,s3://lab-reads/1.bam\nS2,s3://lab-reads/2.bam\nS3,s3://lab-reads/3.bam\n";

describe("expansion despite checker errors", () => {
  it("a type error in one `let` does not stop the reading of a data file another statement needs", () => {
    const out = checkAll(`${HEAD}let z: int = "x"\nlet rows = csv("sample.csv")\nfor r in rows { run r.sample { name = "\${z}" } }`, { "samples.csv": SHEET });
    expect(out.codes).toEqual(["BC2020", "BC3013"]);
    expect(out.lines[1]).toBe("BC3013 7:16-7:28 cannot read `sample.csv`: file not found | help: did you mean `samples.csv`?");
    expect(out.counted).toBeUndefined();
  });

  it("a run reading a faulty `let` is counted but given no run, with no error of its own", () => {
    const out = checkAll(`${HEAD}let z: int = "x"\nfor r in csv("samples.csv") { run r.sample { name = "\${z}" } }`, { "samples.csv": SHEET });
    expect(out.codes).toEqual(["BC2020"]);
    expect(out.ids).toEqual([]);
    expect(out.counted).toBe(3);
  });

  it("a faulty expression in a run is not evaluated; the run's other problems are still found", () => {
    const out = checkAll(`${HEAD}for r in csv("samples.csv") { run r.sample { name = 5 - "a", priority = int(r.sample) } }`, { "samples.csv": SHEET });
    expect(out.codes).toEqual(["BC2028", "BC3004"]);
    expect(out.lines[1]).toContain('cannot convert "S1" to `int`');
    expect(out.lines[1]).toContain("and 2 more iterations");
    expect(out.ids).toEqual([]);
    expect(out.counted).toBe(3);
  });

  it("a faulty run still takes its id: duplicates are found", () => {
    const out = checkAll(`${HEAD}for r in ["a", "b", "a"] { run r { name = 5 - "a" } }`);
    expect(out.codes).toEqual(["BC2028", "BC3010"]);
    expect(out.counted).toBe(3);
  });

  it("a checker error in a `for` header: its list is not read and nothing is counted or warned about", () => {
    const out = checkAll(`${HEAD}for (a, b, c) in enumerate(csv("samples.csv")) where a > 0 { run "x\${a}" {} }`, { "samples.csv": SHEET });
    expect(out.codes.filter((c) => !c.startsWith("BC2052"))).toEqual(["BC2034"]);
    expect(out.counted).toBeUndefined();
  });

  it("a checker error in `defaults` gives no runs and no API check of the defaults, but the runs are counted", () => {
    const out = checkAll(`defaults {\n  workflowId = 5 - "a"\n  roleArn = "arn:aws:iam::123456789012:role/R"\n}\nfor r in csv("samples.csv") { run r.sample { priority = int(r.sample) } }`, { "samples.csv": SHEET });
    expect(out.codes).toEqual(["BC2028", "BC3004"]);
    expect(out.setupComplete).toBe(false);
    expect(out.ids).toEqual([]);
    expect(out.counted).toBe(3);
  });

  it("a checker error in the `batch` block leaves the number of runs unjudged", () => {
    const out = checkAll(`batch "b" { settings = 5 - "a" }\n${HEAD}for r in csv("samples.csv") { run r.sample {} }`, { "samples.csv": SHEET });
    expect(out.codes).toEqual(["BC2028"]);
    expect(out.counted).toBeUndefined();
  });

  it("a program with a syntax error is not expanded", () => {
    const out = checkAll(`${HEAD}let rows = csv("missing.csv")\nfor r in rows { run r.sample { name = } }`);
    expect(out.ids).toBeUndefined();
    expect(out.codes.every((c) => c.startsWith("BC1"))).toBe(true);
  });

  it("a template that cannot be read is not a fault: the runs are given and checked", () => {
    const out = checkAll(`${HEAD}params from "t.json" {}\nfor r in csv("samples.csv") { run r.sample { params { reads = r.reads } } }`, { "samples.csv": SHEET });
    expect(out.codes).toEqual(["BC2038"]);
    expect(out.ids).toEqual(["S1", "S2", "S3"]);
    expect(out.setupComplete).toBe(true);
  });
});
