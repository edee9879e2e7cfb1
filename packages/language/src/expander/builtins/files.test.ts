import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordFieldInfo, Type } from "../../checker/types.js";
import { memoryHost } from "../../host.js";
import type { Value } from "../../values.js";
import { BuiltinError } from "../errors.js";
import { createContext, type CallSite } from "./context.js";
import { arrayElementLines, csv, glob, json, jsonErrorOffset, lines, offsetToLineColumn, splitLines, tsv } from "./files.js";
import { convertVar, varBuiltin } from "./var.js";

const files = {
  "/p/samples.csv": "id,n\nA,1\nB,2\n",
  "/p/data/t.tsv": "id\tpath\nA\ts3://bkt/a b\n",
  "/p/cfg.json": '{ "refs": ["s3://refs/hg38"], "threads": 8 }',
  "/p/bad.json": '{\n  "a": [1, 2,,]\n}',
  "/p/uris.txt": "s3://bkt/a\r\n\r\ns3://bkt/b\n",
  "/p/fastq/S1_R1.fastq.gz": "",
  "/p/fastq/S1_R2.fastq.gz": "",
  "/p/fastq/deep/S2_R1.fq.gz": "",
  "/p/fastq/.hidden_R1.fq.gz": "",
  "/p/fastq/.cache/S3_R1.fq.gz": "",
  "/shared/refs/a.fa": "",
};

function site(expected?: Type, vars: Record<string, string> = {}): CallSite {
  return { ctx: createContext(memoryHost(files), "/p", vars), expected, expectedKey: expected === undefined ? "" : JSON.stringify(expected) };
}

function err(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof BuiltinError) {
      return [`${e.message.code} ${e.message.message}`, ...(e.message.notes ?? []).map((n) => `note: ${n}`)].join(" | ");
    }
    throw e;
  }
  return "no error";
}

const list = (t: Type): Type => ({ kind: "list", element: t });
const rec = (fields: [string, Type][]): Type => ({
  kind: "record",
  fields: new Map<string, RecordFieldInfo>(fields.map(([k, t]) => [k, { type: t, optional: false }])),
});

describe("data-file built-ins", () => {
  it("csv and tsv read relative to the .batch folder", () => {
    expect(csv(["samples.csv"], site())).toEqual([
      { id: "A", n: "1" },
      { id: "B", n: "2" },
    ]);
    expect(csv(["samples.csv"], site(list(rec([["n", { kind: "int" }]]))))).toEqual([
      { id: "A", n: 1 },
      { id: "B", n: 2 },
    ]);
    expect(tsv(["data/t.tsv"], site())).toEqual([{ id: "A", path: "s3://bkt/a b" }]);
  });

  it("a file that cannot be read is BC3013", () => {
    expect(err(() => csv(["nope.csv"], site()))).toBe("BC3013 cannot read `nope.csv`: file not found");
  });

  it("each file is read once per expansion, errors included", () => {
    const s = site();
    const a = csv(["samples.csv"], s);
    expect(csv(["samples.csv"], s)).toBe(a);
    let reads = 0;
    const host = memoryHost(files);
    const counting = { ...host, readFile: (p: string) => (reads++, host.readFile(p)) };
    const t: CallSite = { ctx: createContext(counting, "/p"), expected: undefined, expectedKey: "" };
    err(() => csv(["missing.csv"], t));
    err(() => csv(["missing.csv"], t));
    expect(reads).toBe(1);
  });

  it("json parses and, with a declared type, checks the value", () => {
    expect(json(["cfg.json"], site())).toEqual({ refs: ["s3://refs/hg38"], threads: 8 });
    const ok = rec([
      ["refs", list({ kind: "s3uri" })],
      ["threads", { kind: "int" }],
    ]);
    expect(json(["cfg.json"], site(ok))).toEqual({ refs: ["s3://refs/hg38"], threads: 8 });
    const bad = rec([
      ["refs", list({ kind: "int" })],
      ["threads", { kind: "int" }],
    ]);
    expect(err(() => json(["cfg.json"], site(bad)))).toBe('BC3021 `cfg.json`: `$.refs[0]` must be `int`, found a string ("s3://refs/hg38")');
  });

  it("a top-level JSON array keeps the line of each element", () => {
    const text = '[\n  {"id": "a, [b]", "n": [1, 2]},\r\n  "x\\"]"\r,\n\n  3 ,\n[[]], {}\n]\n';
    expect(JSON.parse(text)).toHaveLength(5);
    expect([...arrayElementLines(text)]).toEqual([2, 3, 6, 7, 7]);
    expect([...arrayElementLines("[]")]).toEqual([]);
    expect([...arrayElementLines(' [ 1 ] ')]).toEqual([1]);
    // Each element's line is where offsetToLineColumn puts its first character.
    const value = fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 6 });
    const space = fc.constantFrom("", " ", "\n", "\r\n", "\r", "\t", "\n\n ");
    fc.assert(
      fc.property(value, fc.array(space, { minLength: 20, maxLength: 20 }), (items, ws) => {
        let t = `${ws[0]}[`;
        const starts: number[] = [];
        items.forEach((item, i) => {
          t += `${i > 0 ? "," : ""}${ws[(2 * i + 1) % 20]}`;
          starts.push(t.length);
          t += `${JSON.stringify(item, null, i % 2 === 0 ? 2 : undefined)}${ws[(2 * i + 2) % 20]}`;
        });
        t += "]";
        expect([...arrayElementLines(t)]).toEqual(starts.map((at) => offsetToLineColumn(t, at).line));
      }),
      { numRuns: 500 },
    );
  });

  it("invalid JSON is BC3020 with the place of the error", () => {
    expect(err(() => json(["bad.json"], site()))).toBe('BC3020 `bad.json` is not valid JSON: unexpected "," | note: at bad.json:2:14');
    expect(jsonErrorOffset('{"a": ')).toBe(6);
    const deep: CallSite = { ctx: createContext(memoryHost({ "/p/deep.json": "[".repeat(5000) + "]".repeat(5000) }), "/p"), expected: undefined, expectedKey: "" };
    expect(err(() => json(["deep.json"], deep))).toBe("BC3020 `deep.json` is not valid JSON: values nest deeper than 1000 levels");
    expect(jsonErrorOffset('"\\x"')).toBe(1);
  });

  it("lines keeps inner empty lines and drops the final empty one", () => {
    const s = site();
    const v = lines(["uris.txt"], s) as Value[];
    expect(v).toEqual(["s3://bkt/a", "", "s3://bkt/b"]);
    expect(s.ctx.listOrigins.get(v)).toEqual({ file: "uris.txt", firstLine: 1 });
    expect(splitLines("")).toEqual([]);
    expect(splitLines("a")).toEqual(["a"]);
    expect(splitLines("a\n\n")).toEqual(["a", ""]);
    expect(err(() => lines(["uris.txt"], site(list({ kind: "s3uri" }))))).toBe(
      'BC2022 `""` is not an S3 URI (for line 2 of `uris.txt`) | note: in uris.txt, line 2',
    );
  });

  it("glob matches like a shell, relative to the .batch folder, sorted", () => {
    expect(glob(["fastq/*.fastq.gz"], site())).toEqual(["fastq/S1_R1.fastq.gz", "fastq/S1_R2.fastq.gz"]);
    expect(glob(["fastq/**/*_R1.f*q.gz"], site())).toEqual(["fastq/S1_R1.fastq.gz", "fastq/deep/S2_R1.fq.gz"]);
    expect(glob(["./fastq/S1_R?.fastq.gz"], site())).toEqual(["fastq/S1_R1.fastq.gz", "fastq/S1_R2.fastq.gz"]);
    expect(glob(["fastq/.*"], site())).toEqual(["fastq/.hidden_R1.fq.gz"]);
    expect(glob(["../shared/refs/*.fa"], site())).toEqual(["../shared/refs/a.fa"]);
    expect(glob(["samples.csv"], site())).toEqual(["samples.csv"]);
  });

  it("no glob match is BC3022", () => {
    expect(err(() => glob(["fastq/*.bam"], site()))).toBe('BC3022 no file matches "fastq/*.bam"');
    expect(err(() => glob(["nowhere/**"], site()))).toBe('BC3022 no file matches "nowhere/**"');
  });
});

describe("var", () => {
  it("converts to the declared type", () => {
    expect(convertVar("n", "42", { kind: "int" })).toBe(42);
    expect(convertVar("x", "1.5", { kind: "float" })).toBe(1.5);
    expect(convertVar("b", "Yes", { kind: "bool" })).toBe(true);
    expect(convertVar("u", "s3://bkt/p", { kind: "s3uri" })).toBe("s3://bkt/p");
    expect(convertVar("e", "gatk", { kind: "enum", values: ["gatk", "deepvariant"] })).toBe("gatk");
    expect(convertVar("l", "[1,2]", list({ kind: "int" }))).toEqual([1, 2]);
    expect(convertVar("s", " as is ", undefined)).toBe(" as is ");
  });

  it("a missing var is BC3011 with --var help; a bad one BC3012", () => {
    let thrown: unknown;
    try {
      varBuiltin(["tag"], site(undefined, {}));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(BuiltinError);
    expect((thrown as BuiltinError).message).toEqual({
      code: "BC3011",
      severity: "error",
      message: 'no value for `var("tag")`',
      label: "not supplied",
      help: "pass it with `--var tag=VALUE`",
    });
    expect(varBuiltin(["tag"], site(undefined, { tag: "v1" }))).toBe("v1");
    expect(err(() => varBuiltin(["n"], site({ kind: "int" }, { n: "ten" })))).toBe('BC3012 the value "ten" of `--var n` is not a valid `int`');
    expect(err(() => convertVar("c", "gatkk", { kind: "enum", values: ["gatk", "deepvariant"] }))).toBe(
      'BC3012 the value "gatkk" of `--var c` is not a valid `"gatk" | "deepvariant"`',
    );
    expect(err(() => convertVar("u", "bucket/x", { kind: "s3uri" }))).toBe('BC2022 `"bucket/x"` is not an S3 URI (the value of `--var u`)');
  });
});
