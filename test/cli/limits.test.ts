// Every limit has a bound and a clear error: programs that used to grow without end, overflow
// the stack or hit V8's own limits (exit 70, or a fatal error) end with a diagnostic and exit 1,
// or compile. The CLI runs in-process over in-memory files.
import { describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

const DEFAULTS = 'defaults { workflowId = "1234567", roleArn = "arn:aws:iam::123456789012:role/R", outputUri = "s3://lab-results/x/" }\n';
const SETTINGS = 'batch "big" { settings = "s3://lab-batches/p/" }\n';

/** `check` of the program: its exit code and everything it printed. */
async function check(program: string): Promise<{ code: number; stderr: string }> {
  const r = await runCli(["check", "main.batch"], { files: { "main.batch": DEFAULTS + program } });
  expect(r.stderr).not.toContain("internal error");
  return { code: r.code, stderr: r.stdout + r.stderr };
}

describe("the run count is capped while expanding", () => {
  it("a loop of 1,000,000,000 runs stops at 100,001: `more than 100,000 runs`", async () => {
    const r = await check('for i in 1..1000000000 { run "r${i}" {} }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[BC4020\]: the batch has more than 100,000 runs$/m);
  });

  it("a 1000³ cross product too", async () => {
    const r = await check('for a in 1..1000, b in 1..1000, c in 1..1000 { run "r${a}-${b}-${c}" {} }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error\[BC4020\]: the batch has more than 100,000 runs$/m);
  });

  it("a loop whose every run fails stops at the cap too", async () => {
    const r = await check('for i in 1..1000000000 { run "same" {} }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC3010]: duplicate run id");
  });

  it("exactly 100,000 runs are still a batch", async () => {
    const r = await check(`${SETTINGS}for i in 1..100000 { run "r\${i}" {} }\n`);
    expect(r.stderr).toBe("main.batch: ok, 100,000 runs\n");
    expect(r.code).toBe(0);
  });
});

describe("long programs and deep types", () => {
  it("30,000 `run` statements (over 125,000 tokens) compile", async () => {
    let text = SETTINGS;
    for (let i = 0; i < 30_000; i++) text += `run "r${i}" {}\n`;
    const r = await check(text);
    expect(r.stderr).toBe("main.batch: ok, 30,000 runs\n");
    expect(r.code).toBe(0);
  });

  it("a list literal of 70,000 numbers", async () => {
    const r = await check(`let xs = [${Array.from({ length: 70_000 }, (_, i) => i).join(", ")}]\nrun "a" { priority = len(xs) }\n`);
    expect(r.stderr).toBe("main.batch: ok, 1 run\n");
  });

  it("a chain of 5,000 type aliases resolves", async () => {
    let text = "type T0 = int\n";
    for (let i = 1; i <= 5000; i++) text += `type T${i} = [T${i - 1}]\n`;
    const r = await check(`${text}let x: T1 = [1]\nrun "a" { priority = len(x) }\n`);
    expect(r.stderr).toBe("main.batch: ok, 1 run\n");
  });

  it("a cycle of 2,000 aliases is one short BC2018", async () => {
    let text = "";
    for (let i = 0; i < 2000; i++) text += `type T${i} = T${(i + 1) % 2000}\n`;
    const r = await check(`${text}run "a" {}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC2018]: type `T0` refers to itself (`T0` -> `T1` -> `T2` -> `T3` -> `T4` -> ... (1994 more) -> `T1999` -> `T0`)");
    expect(r.stderr.length).toBeLessThan(5000);
  });
});

describe("oversized strings and lists are BC3046", () => {
  const cases: [string, string, string][] = [
    ["pad(1, 1000000000)", 'run "a" { name = pad(1, 1000000000) }\n', "this string would have 1,000,000,000 characters"],
    ["string doubling", `let s0 = "${"x".repeat(64)}"\n${Array.from({ length: 24 }, (_, i) => `let s${i + 1} = s${i} + s${i}\n`).join("")}run "a" { name = s24 }\n`, "this string would have 33,554,432 characters"],
    ["template doubling", `let s0 = "${"x".repeat(64)}"\n${Array.from({ length: 24 }, (_, i) => `let s${i + 1} = "\${s${i}}\${s${i}}"\n`).join("")}run "a" { name = s24 }\n`, "this string would have 33,554,432 characters"],
    ['replace(s, "", big)', 'let s = pad(1, 100000)\nrun "a" { name = replace(s, "", s) }\n', "this string would have 10,000,200,000 characters"],
    ["join", `let s = pad(1, 10000000)\nrun "a" { name = join([s, s], ",") }\n`, "this string would have 20,000,001 characters"],
    ["flatten of 20 lists of 9M", `let xs = range(0, 9000000)\nlet ys = flatten([${Array(20).fill("xs").join(", ")}])\nrun "a" { priority = len(ys) }\n`, "this list would have 180,000,000 elements"],
    ["list doubling", `let xs = range(0, 9000000)\nlet ys = xs + xs\nrun "a" { priority = len(ys) }\n`, "this list would have 18,000,000 elements"],
  ];
  for (const [name, program, message] of cases) {
    it(name, async () => {
      const r = await check(program);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`error[BC3046]: ${message}`);
    });
  }
});

describe("unique() on records", () => {
  it("keeps the first of 100,000 records with 1,000 distinct values, in order", async () => {
    const r = await runCli(["compile", "main.batch", "--dry-run", "--format", "jsonl"], {
      files: {
        "main.batch": `${SETTINGS}${DEFAULTS}let rs = unique([{ k: i % 1000, tag: "t\${i % 1000}" } for i in range(0, 100000)])\nfor r in rs { run r.tag { priority = r.k } }\n`,
      },
    });
    expect(r.code).toBe(0);
    const runs = r.stdout.trimEnd().split("\n");
    expect(runs).toHaveLength(1000);
    expect(runs[0]).toBe('{"runSettingId":"t0","outputUri":"s3://lab-results/x/","priority":0}');
    expect(runs[999]).toBe('{"runSettingId":"t999","outputUri":"s3://lab-results/x/","priority":999}');
  });
});

describe("regular expressions match in linear time", () => {
  it("the nested quantifier of the issue, from a CSV, on a 37-character sample id that does not match", async () => {
    const id = `${"A1b2C3d4E5".repeat(3)}f6G7h8!`;
    const r = await runCli(["compile", "main.batch", "--dry-run", "--format", "jsonl"], {
      files: {
        "main.batch": `${DEFAULTS}for s in csv("samples.csv") { run "r-\${s.n}" { name = if matches(s.id, s.pattern) then "ok" else "bad" } }\n`,
        "samples.csv": `n,id,pattern\n1,${id},^([A-Za-z0-9]+[-_]?)+$\n2,S1_L001,^([A-Za-z0-9]+[-_]?)+$\n`,
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{"runSettingId":"r-1","name":"bad","outputUri":"s3://lab-results/x/"}\n{"runSettingId":"r-2","name":"ok","outputUri":"s3://lab-results/x/"}\n');
  });

  it("a backreference or lookaround is BC3023 naming what RE2 leaves out", async () => {
    const r = await check('run "a" { name = if matches("aa", "(a)\\\\1") then "y" else "n" }\n');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC3023]: invalid regular expression");
    expect(r.stderr).toContain("help: regular expressions use RE2 syntax, matched in linear time: no backreferences");
  });
});

describe("text from data files is printed safe", () => {
  it("the --dry-run table escapes ANSI and OSC sequences and carriage returns from CSV cells", async () => {
    const r = await runCli(["compile", "main.batch", "--dry-run"], {
      files: {
        "main.batch": `${DEFAULTS}for s in csv("s.csv") { run s.id { params { label = s.name } } }\n`,
        "s.csv": 'id,name\nS1,"\u001b]0;owned\u0007\u001b[2Jx\rY"\n',
      },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("\\x1b]0;owned\\x07\\x1b[2Jx\\x0dY");
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});
