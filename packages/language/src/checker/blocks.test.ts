// Top-level statements and the fields of `batch`, `defaults` and `run` (docs/language.md §3).
import { describe, it } from "vitest";
import { expectErrors, expectValid } from "../../test/check-harness.js";

const DEFAULTS = `defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
}
`;

describe("one-of-each-block (BC2001)", () => {
  it("accepts one block of each kind", () => {
    expectValid(`batch "b" { }\n${DEFAULTS}params { a: string = "x" }\n`);
  });
  it("rejects a second defaults block, pointing at the first", () => {
    expectErrors(`${DEFAULTS}defaults { name = "x" }\n`, [
      {
        code: "BC2001",
        line: 5,
        col: 1,
        message: "only one `defaults` block is allowed",
        help: "merge it into the first `defaults` block",
        labels: [{ line: 1, col: 1, text: "first `defaults` block" }],
      },
    ]);
  });
  it("rejects a second batch and a second params block", () => {
    expectErrors(`batch "a" { }\nbatch "b" { }\nparams { }\nparams { }\n`, [
      { code: "BC2001", line: 2, col: 1, message: "only one `batch` block is allowed" },
      { code: "BC2001", line: 4, col: 1, message: "only one `params` block is allowed" },
    ]);
  });
});

describe("top-level-only (BC2002)", () => {
  it("accepts type, batch, defaults and params at the top level", () => {
    expectValid(`type T = string\nbatch { }\n${DEFAULTS}params { }\nfor x in [1] { let y = x }\n`);
  });
  it("rejects them inside for and if", () => {
    expectErrors(`for x in [1] {\n  type T = string\n  batch "b" { }\n}\nif true {\n  params { }\n} else {\n  defaults { }\n}\n`, [
      {
        code: "BC2002",
        line: 2,
        col: 3,
        message: "`type` is only allowed at the top level",
        help: "move it out of the `for` or `if` block",
      },
      { code: "BC2002", line: 3, col: 3, message: "`batch` is only allowed at the top level" },
      { code: "BC2002", line: 6, col: 3, message: "`params` is only allowed at the top level" },
      { code: "BC2002", line: 8, col: 3, message: "`defaults` is only allowed at the top level" },
    ]);
  });
});

describe("the batch name", () => {
  it("accepts a string or a template", () => {
    expectValid(`let cohort = "a"\nbatch "wgs-\${cohort}" { }\n`);
  });
  it("rejects a name that is not a string", () => {
    expectErrors(`batch 42 { }\n`, [{ code: "BC2020", line: 1, col: 7, message: "expected `string`, found `int`" }]);
  });
});

describe("required-defaults (BC2005)", () => {
  it("accepts defaults with workflowId and roleArn", () => {
    expectValid(DEFAULTS);
  });
  it("rejects defaults without roleArn", () => {
    expectErrors(`defaults {\n  workflowId = "1234567"\n}\n`, [
      {
        code: "BC2005",
        line: 1,
        col: 1,
        message: "`defaults` is missing required field `roleArn`",
        help: 'add `roleArn = "..."`',
      },
    ]);
  });
  it("names both missing fields", () => {
    expectErrors(`defaults { name = "x" }\n`, [
      {
        code: "BC2005",
        line: 1,
        col: 1,
        message: "`defaults` is missing required fields `workflowId` and `roleArn`",
        help: 'add `workflowId = "..."` and `roleArn = "..."`',
      },
    ]);
  });
});

describe("known-fields (BC2006, BC2007, BC2008, BC2060)", () => {
  it("accepts every documented field of defaults, run and batch", () => {
    expectValid(`batch "b" {
  settings  = "s3://bucket/prefix/"
  requestId = "r-1"
  tags { project = "p", "cost-center" = "1234" }
}
defaults {
  workflowId = "1234567"
  roleArn = "arn:aws:iam::123456789012:role/R"
  workflowType = "PRIVATE"
  name = "n"
  cacheId = "123"
  cacheBehavior = "CACHE_ALWAYS"
  runGroupId = "456"
  priority = 1
  storageCapacity = 1200
  outputUri = "s3://bucket/out/"
  logLevel = "ALL"
  retentionMode = "REMOVE"
  storageType = "STATIC"
  workflowOwnerId = "123456789012"
  outputBucketOwnerId = "123456789012"
  workflowVersionName = "v1"
  networkingMode = "VPC"
  configurationName = "c"
  runTags { a = "b" }
  params { x = 1 }
}
run "a" {
  name = "n"
  outputUri = "s3://bucket/a/"
  priority = 2
  outputBucketOwnerId = "123456789012"
  params { y = [1, 2] }
  runTags { c = "d" }
}
`);
  });
  it("rejects an unknown field with did-you-mean over the block's names", () => {
    expectErrors(`run "a" {\n  outputURI = "s3://b/x"\n}\n`, [
      { code: "BC2006", line: 2, col: 3, message: "unknown field `outputURI` in `run`", help: "did you mean `outputUri`?" },
    ]);
  });
  it("rejects a defaults-only field in run, and a run field in batch", () => {
    expectErrors(`run "a" { storageType = "STATIC" }\nbatch { name = "x" }\ndefaults { workflowId = "1", roleArn = "arn:x", requestId = "r" }\n`, [
      { code: "BC2060", line: 1, col: 11, message: "`storageType` is shared by every run of a batch; set it in `defaults`", help: "move this line into `defaults`" },
      { code: "BC2060", line: 2, col: 9, message: "`name` is a run setting; set it in `defaults` or `run`", help: "move this line into `defaults` or `run`" },
      { code: "BC2060", line: 3, col: 49, message: "`requestId` belongs to the batch itself; set it in `batch`", help: "move this line into `batch`" },
    ]);
  });
  it("rejects a field written as a block", () => {
    expectErrors(`run "a" {\n  name { x = "y" }\n}\n`, [
      { code: "BC2007", line: 2, col: 3, message: "`name` is a field, not a block", help: "write `name = ...`" },
    ]);
  });
  it("rejects a block written as a field", () => {
    expectErrors(`run "a" {\n  runTags = "x"\n}\n`, [
      { code: "BC2008", line: 2, col: 3, message: "`runTags` is a block, not a field", help: 'write `runTags { key = "value" }`' },
    ]);
  });
  it("still resolves names inside a rejected entry", () => {
    expectErrors(`run "a" {\n  nmae = smaple\n}\n`, [
      { code: "BC2006", line: 2, col: 3, message: "unknown field `nmae` in `run`", help: "did you mean `name`?" },
      { code: "BC2010", line: 2, col: 10, message: "unknown name `smaple`" },
    ]);
  });
});

describe("unique-keys (BC2009)", () => {
  it("accepts distinct fields and tag keys", () => {
    expectValid(`run "a" {\n  name = "x"\n  runTags { a = "1", b = "2" }\n}\n`);
  });
  it("rejects a field set twice, pointing at the first", () => {
    expectErrors(`run "a" {\n  name = "x"\n  name = "y"\n}\n`, [
      {
        code: "BC2009",
        line: 3,
        col: 3,
        message: "`name` is set more than once",
        help: "remove one of them",
        labels: [{ line: 2, col: 3, text: "first set here" }],
      },
    ]);
  });
  it("rejects a repeated tag key, quoted or not", () => {
    expectErrors(`run "a" {\n  runTags { sample = "x", "sample" = "y" }\n}\n`, [
      { code: "BC2009", line: 2, col: 27, message: "`sample` is set more than once", labels: [{ line: 2, col: 13, text: "first set here" }] },
    ]);
  });
});

describe("field types (BC2020, BC2021, BC2022)", () => {
  it("rejects a value of the wrong type", () => {
    expectErrors(`run "a" { priority = "high" }\n`, [
      { code: "BC2020", line: 1, col: 22, message: "expected `int`, found `string`", help: "convert it with `int(...)`" },
    ]);
  });
  it("suggests dropping the quotes of a quoted number", () => {
    expectErrors(`run "a" { priority = "90" }\n`, [
      { code: "BC2020", line: 1, col: 22, message: "expected `int`, found `string`", help: "write the number without quotes: `90`" },
    ]);
  });
  it("rejects a number where an id string is expected", () => {
    expectErrors(`defaults {\n  workflowId = 1234567\n  roleArn = "arn:aws:iam::1:role/R"\n}\n`, [
      { code: "BC2020", line: 2, col: 16, message: "expected `string`, found `int`", help: 'write it as a string: `"1234567"`' },
    ]);
  });
  it("accepts an int where a float is expected and a string where an s3uri is", () => {
    expectValid(`let p = "s3://b/x/"\nrun "a" { outputUri = p }\n`);
  });
  it("rejects a scratchStorageMode typo with did-you-mean over the model's values", () => {
    expectErrors(`${DEFAULTS.replace("}\n", '  scratchStorageMode = "SHRED"\n}\n')}`, [
      {
        code: "BC2021",
        line: 4,
        col: 24,
        message: '`"SHRED"` is not one of `"LOCAL" | "SHARED"`',
        help: 'did you mean `"SHARED"`?',
      },
    ]);
  });
  it("rejects an enum typo with did-you-mean over the API values", () => {
    expectErrors(`${DEFAULTS.replace("}\n", '  storageType = "DYNAMC"\n}\n')}`, [
      {
        code: "BC2021",
        line: 4,
        col: 17,
        message: '`"DYNAMC"` is not one of `"STATIC" | "DYNAMIC"`',
        help: 'did you mean `"DYNAMIC"`?',
      },
    ]);
  });
  it("accepts a string-typed value for an enum field (checked during expansion)", () => {
    expectValid(`let level = lower("ALL")\n${DEFAULTS.replace("}\n", "  logLevel = level\n}\n")}`);
  });
  it("rejects a literal that is not an S3 URI", () => {
    expectErrors(`run "a" { outputUri = "s3:/bucket/x" }\n`, [
      {
        code: "BC2022",
        line: 1,
        col: 23,
        message: '`"s3:/bucket/x"` is not an S3 URI',
        help: "it does not start with `s3://`; an S3 URI starts with `s3://` and a bucket name, as in `s3://my-bucket/path/`",
      },
    ]);
  });
  it("rejects a template whose leading text cannot start an S3 URI", () => {
    expectErrors(`let s = "x"\nrun "a" { outputUri = "lab/\${s}/" }\nrun "b" { outputUri = "s3://Lab/\${s}/" }\n`, [
      { code: "BC2022", line: 2, col: 23, message: '`"lab/${s}/"` is not an S3 URI' },
      { code: "BC2022", line: 3, col: 23, message: '`"s3://Lab/${s}/"` is not an S3 URI' },
    ]);
  });
  it("accepts templates that may still produce an S3 URI", () => {
    expectValid(`let s = "x"\nrun "a" { outputUri = "s3://lab-results/\${s}/" }\nrun "b" { outputUri = "s3://lab-\${s}/x" }\nrun "c" { outputUri = "\${s}/x" }\n`);
  });
});

describe("tag-values (BC2036)", () => {
  it("accepts strings, templates and string-typed values", () => {
    expectValid(`let n = 3\nrun "a" { runTags { lane = "\${n}", s = str(n) } }\nbatch { tags { x = "y" } }\n`);
  });
  it("rejects a number, suggesting a template", () => {
    expectErrors(`let lane = 3\nrun "a" {\n  runTags { lane = lane }\n}\n`, [
      {
        code: "BC2036",
        line: 3,
        col: 20,
        message: "a tag value must be a string, found `int`",
        help: 'convert it with a template: `"${lane}"`',
      },
    ]);
  });
  it("rejects a bool in batch tags", () => {
    expectErrors(`batch { tags { urgent = true } }\n`, [{ code: "BC2036", line: 1, col: 25, message: "a tag value must be a string, found `bool`" }]);
  });
});

describe("run-ids (BC2037)", () => {
  it("accepts strings and templates", () => {
    expectValid(`for i in 1..3 { run "r\${i}" { } }\nrun "x" { }\n`);
  });
  it("rejects an int", () => {
    expectErrors(`for i in 1..3 { run i { } }\n`, [
      {
        code: "BC2037",
        line: 1,
        col: 21,
        message: "a run id must be a string, found `int`",
        help: 'convert it with a template: `"${i}"`',
      },
    ]);
  });
  it("rejects null without suggesting a template, which would make the id \"null\"", () => {
    expectErrors(`run null { }\n`, [
      {
        code: "BC2037",
        line: 1,
        col: 5,
        message: "a run id must be a string, found `null`",
        help: 'a run id is a non-empty string: write one, such as `"S1"`, or make it from the loop variables (`"${s.sample_id}-${ref}"`)',
      },
    ]);
  });
});
