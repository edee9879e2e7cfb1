// `null` in a run (docs/language.md §8a) and the checker's warnings: a run's `null` over a
// default (BC2051) and unused `let`s and loop variables (BC2052).
import { describe, expect, it } from "vitest";
import { checkSource, expectErrors, expectValid } from "../../test/check-harness.js";
import { outcome } from "../../test/expand-harness.js";

const DEFAULTS = `defaults {
  workflowId = "1234567"
  roleArn = "arn:aws:iam::123456789012:role/OmicsRunRole"
  name = "default name"
  params { intervals = "s3://refs/exome.bed" }
  runTags { project = "p" }
}
`;
const HELP =
  "this run inherits the default; to leave it out for some runs, set it per run instead of in `defaults` (values shared by every run are moved into `defaultRunSetting` by the compiler anyway)";

describe("literal null", () => {
  it("is accepted for optional fields, tags and parameters", () => {
    expectValid(`params {\n  a: string\n  b?: int\n}\nrun "x" {\n  name = null\n  priority = null\n  outputUri = "s3://out-bucket/x/"\n  runTags { t = null }\n  params { a = "v", b = null }\n}\n`);
  });

  it("is an error for a required parameter without a default, and for a required defaults field", () => {
    expectErrors(`params { a: string }\nrun "x" { params { a = null } }\n`, [
      { code: "BC2020", line: 2, col: 24, message: "expected `string`, found `null`" },
    ]);
    expectErrors(`defaults {\n  workflowId = null\n  roleArn = "arn:aws:iam::123456789012:role/R"\n}\n`, [
      { code: "BC2020", line: 2, col: 16, message: "expected `string`, found `null`" },
    ]);
  });

  it("leaves the value unset in the run: the default is inherited", () => {
    const o = outcome(`${DEFAULTS}params {\n  intervals?: s3uri\n  wgs: bool\n}\nfor wgs in [true, false] {\n  run "r${"${wgs}"}" {\n    outputUri = "s3://out-bucket/x/"\n    params { wgs = wgs, intervals = if wgs then null else "s3://refs/panel.bed" }\n  }\n}\n`);
    expect(o).toEqual({ ids: ["rtrue", "rfalse"], diagnostics: [] });
    // a required parameter with a default may be set to null too: the run inherits the default
    const req = outcome(`${DEFAULTS}params { intervals: s3uri }\nrun "x" {\n  outputUri = "s3://out-bucket/x/"\n  params { intervals = null }\n}\n`);
    expect(req).toEqual({ ids: ["x"], diagnostics: [] });
  });
});

describe("BC2051: null over a default", () => {
  it("warns where a run writes null for a parameter, tag or field that defaults set", () => {
    const r = expectErrors(
      `${DEFAULTS}params {\n  intervals?: s3uri\n  threads: int = 8\n}\nrun "x" {\n  name = null\n  outputUri = "s3://out-bucket/x/"\n  params { intervals = if true then null else "s3://refs/b.bed", threads = null }\n  runTags { project = null, other = null }\n}\n`,
      [
        { code: "BC2051", line: 13, col: 10, message: "field `name` is set to `null`, but the run still gets the default value", help: HELP },
        { code: "BC2051", line: 15, col: 24, message: "parameter `intervals` is set to `null`, but the run still gets the default value" },
        { code: "BC2051", line: 15, col: 76, message: "parameter `threads` is set to `null`, but the run still gets the default value" },
        { code: "BC2051", line: 16, col: 23, message: "tag `project` is set to `null`, but the run still gets the default value" },
      ],
    );
    expect(r.diagnostics.every((d) => d.severity === "warning")).toBe(true);
  });

  it("says nothing when no default exists", () => {
    expectValid(`params { intervals?: string }\nrun "x" {\n  outputUri = "s3://out-bucket/x/"\n  params { intervals = null }\n}\n`);
  });
});

describe("BC2052: unused names", () => {
  it("warns about a let, a loop variable and a comprehension variable nobody reads", () => {
    expectErrors(
      `let refs = ["hg38"]\nlet used = [1, 2]\nfor (i, n) in enumerate(used) {\n  run "r${"${n}"}" { name = str(len([1 for x in used])) }\n}\n`,
      [
        { code: "BC2052", line: 1, col: 5, message: "`let` `refs` is never used", help: "remove it, or start its name with `_` (`_refs`) to keep it unused" },
        { code: "BC2052", line: 3, col: 6, message: "loop variable `i` is never used" },
        { code: "BC2052", line: 4, col: 39, message: "loop variable `x` is never used" },
      ],
      {},
      true,
    );
  });

  it("accepts names that start with `_`", () => {
    const r = checkSource(`let _unused = 1\nfor (_i, n) in enumerate([1]) { run "r${"${n}"}" { } }\n`, {}, true);
    expect(r.diagnostics).toEqual([]);
  });
});
