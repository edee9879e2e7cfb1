// More than one batch on the command line (docs/language.md §8b): `maxRunsPerBatch` in `check`,
// `compile -o FOLDER --settings-out FOLDER`, stdout refused, `--dry-run` summaries per part.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./harness.js";

function program(batch: string, n = 10): string {
  return `batch ${batch}
defaults {
  workflowId = "1234567"
  roleArn    = "arn:aws:iam::123456789012:role/OmicsRunRole"
  outputUri  = "s3://lab-results/split/"
}
for i in 1..${n} {
  run "r\${i}" { params { sample = "S\${i}" } }
}
`;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "batchc-parts-cli-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The program from memory; the outputs go to the real folder `dir`. */
const cli = (args: string[], text: string) => runCli(args, { cwd: dir, files: { "split.batch": text } });

describe("check with maxRunsPerBatch", () => {
  it("a program over 100,000 runs is fine once cut into parts", async () => {
    const r = await runCli(["check", "big.batch"], {
      files: { "big.batch": program('"big" { settings = "s3://lab-batches/big/", maxRunsPerBatch = 100000 }', 100_001) },
    });
    expect(r).toEqual({ code: 0, stdout: "big.batch: ok, 100,001 runs\n", stderr: "" });
  });

  it("without it, more than 100,000 runs names the setting", async () => {
    const r = await runCli(["check", "big.batch"], { files: { "big.batch": program('"big" { settings = "s3://lab-batches/big/" }', 100_001) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "help: a run batch holds at most 100,000 runs; set `maxRunsPerBatch = 100000` in the `batch` block to cut the runs into several batches",
    );
  });

  it("maxRunsPerBatch out of range: BC3047 at its value", async () => {
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": program('"p" { maxRunsPerBatch = 0 }') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error[BC3047]: \`maxRunsPerBatch\` is out of range
 --> p.batch:1:31
  |
1 | batch "p" { maxRunsPerBatch = 0 }
  |                               ^ not from 1 to 100000
help: it is from 1 to 100,000; this one is 0; a run batch holds at most 100,000 runs

1 error
`);
  });

  it("maxRunsPerBatch must be an int, and belongs in `batch`", async () => {
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": program('"p" { maxRunsPerBatch = "5" }').replace("defaults {", "defaults {\n  maxRunsPerBatch = 5") } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC2020]: expected `int`, found `string`\n --> p.batch:1:31");
    expect(r.stderr).toContain("error[BC2060]: `maxRunsPerBatch` belongs to the batch itself; set it in `batch`\n --> p.batch:3:3");
  });

  it("expansion stops after 1,000 parts: BC4023 at the batch block", async () => {
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": program('"p" { maxRunsPerBatch = 2 }', 1_000_000_000) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC4023]: the program has more than 1,000 parts of 2 runs\n --> p.batch:1:1");
    expect(r.stderr).toContain("it has more than 2,000 runs");
  });

  it("a part name over 64 characters: BC4024 at the batch name", async () => {
    const name = "x".repeat(53);
    const r = await runCli(["check", "p.batch"], { files: { "p.batch": program(`"${name}" { maxRunsPerBatch = 1 }`, 10) } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error[BC4024]: the batch name of the last part would be 67 characters, more than 64\n --> p.batch:1:7");
  });
});

describe("compile with maxRunsPerBatch", () => {
  const text = program('"split" { requestId = "split-2026", maxRunsPerBatch = 4 }');

  it("--dry-run prints one summary per part, then the runs", async () => {
    const r = await cli(["compile", "split.batch", "--dry-run", "--limit", "2"], text);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`batch      split-part-1-of-3
runs       4, inline in the request (batchRunSettings.inlineSettings)
requestId  split-2026-1

batch      split-part-2-of-3
runs       4, inline in the request (batchRunSettings.inlineSettings)
requestId  split-2026-2

batch      split-part-3-of-3
runs       2, inline in the request (batchRunSettings.inlineSettings)
requestId  split-2026-3

#  runSettingId  outputUri                params.sample
1  r1            s3://lab-results/split/  S1
2  r2            s3://lab-results/split/  S2
… 8 more
`);
  });

  it("--dry-run --format json adds every part's summary", async () => {
    const r = await cli(["compile", "split.batch", "--dry-run", "--format", "json"], text);
    const doc = JSON.parse(r.stdout);
    expect(doc.parts.map((p: { batchName: string; runCount: number; requestId: string }) => [p.batchName, p.runCount, p.requestId])).toEqual([
      ["split-part-1-of-3", 4, "split-2026-1"],
      ["split-part-2-of-3", 4, "split-2026-2"],
      ["split-part-3-of-3", 2, "split-2026-3"],
    ]);
    expect(doc.summary).toEqual(doc.parts[0]);
    expect(doc.runs).toHaveLength(10);
  });

  it("standard output is refused: exit 2, nothing written", async () => {
    for (const args of [[], ["-o", "-"]]) {
      const r = await cli(["compile", "split.batch", ...args], text);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        "error: with `maxRunsPerBatch`, the requests are written to a folder, not to standard output\nhelp: give a folder with `-o out/`: it gets one `NAME-part-K-of-P.json` per part\n",
      );
    }
  });

  it("-o names a folder of NAME-part-K-of-P.json, even for one part; a stale part of an earlier compile goes", async () => {
    const r = await cli(["compile", "split.batch", "-o", "out"], text);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "out"))).toEqual(["split-part-1-of-3.json", "split-part-2-of-3.json", "split-part-3-of-3.json"]);
    const third = JSON.parse(readFileSync(path.join(dir, "out", "split-part-3-of-3.json"), "utf8"));
    expect(third).toEqual({
      batchName: "split-part-3-of-3",
      requestId: "split-2026-3",
      defaultRunSetting: {
        workflowId: "1234567",
        roleArn: "arn:aws:iam::123456789012:role/OmicsRunRole",
        outputUri: "s3://lab-results/split/",
      },
      batchRunSettings: { inlineSettings: [{ runSettingId: "r9", parameters: { sample: "S9" } }, { runSettingId: "r10", parameters: { sample: "S10" } }] },
    });
    expect(r.stderr).toBe(`split.batch: 10 runs in 3 parts, requests written to out
  split-part-1-of-3.json: 4 runs, inline settings
  split-part-2-of-3.json: 4 runs, inline settings
  split-part-3-of-3.json: 2 runs, inline settings
`);
    const one = await cli(["compile", "split.batch", "-o", "out"], program('"split" { maxRunsPerBatch = 100 }'));
    expect(one.code).toBe(0);
    expect(readdirSync(path.join(dir, "out"))).toEqual(["split-part-1-of-1.json"]);
    expect(one.stderr).toContain("removed out/split-part-1-of-3.json, a part of an earlier compile\n");
  });

  it("-o naming a file is refused", async () => {
    writeFileSync(path.join(dir, "taken"), "x");
    const r = await cli(["compile", "split.batch", "-o", "taken"], text);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot write the parts to");
    expect(readFileSync(path.join(dir, "taken"), "utf8")).toBe("x");
  });

  it("--settings-out names a folder of the parts' settings files", async () => {
    const big = program('"big" { settings = "s3://lab-batches/big/", maxRunsPerBatch = 150 }', 400);
    const r = await cli(["compile", "split.batch", "-o", "out", "--no-upload", "--settings-out", "settings"], big);
    expect(r.code).toBe(0);
    expect(readdirSync(path.join(dir, "settings"))).toEqual(["big-part-1-of-3.json", "big-part-2-of-3.json"]);
    const first = JSON.parse(readFileSync(path.join(dir, "out", "big-part-1-of-3.json"), "utf8"));
    expect(first.batchRunSettings.s3UriSettings).toMatch(/^s3:\/\/lab-batches\/big\/big-part-1-of-3-[0-9a-f]{8}\.json$/);
    const settings = JSON.parse(readFileSync(path.join(dir, "settings", "big-part-2-of-3.json"), "utf8"));
    expect(settings.map((s: { runSettingId: string }) => s.runSettingId)).toEqual(Array.from({ length: 150 }, (_, i) => `r${151 + i}`));
    expect(r.stderr).toContain("  big-part-3-of-3.json: 100 runs, inline settings\n");
  });

  it("compile --help says what the tests above show: -o and --settings-out name folders", async () => {
    const r = await runCli(["compile", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "With `maxRunsPerBatch = N` in the `batch` block, the runs are cut in order into parts of at most N\n" +
        "runs, each its own request: -o and --settings-out then name folders, which get one\n" +
        "NAME-part-K-of-P.json per part (even for one part; --settings-out only for parts above 100 runs),\n" +
        "and the requests are never written to standard output.\n",
    );
    expect(r.stdout).toMatch(/\n  -o, --output FILE +write the request body to FILE \(default, or `-`: stdout\); with maxRunsPerBatch, a folder\n/);
    expect(r.stdout).toMatch(/\n      --settings-out FILE +also write the per-run settings array \(above 100 runs\) to FILE; with maxRunsPerBatch, a folder\n/);
  });
});
