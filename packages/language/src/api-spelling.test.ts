// Every member of DefaultRunSetting and InlineSetting, and the request's own batchName, requestId
// and tags, walked through the spelling table: the language accepts each in its block and
// rejects it, saying where it belongs, in the others.
import { requestFields, runSettingFields, shapeSpec, shapes, type FieldFact } from "@batchc/model";
import { describe, expect, it } from "vitest";
import { BATCH_NAME_MEMBER, LANGUAGE_FIELDS, RUN_ID_MEMBER, apiName, languageName, type BlockKeyword } from "./api-spelling.js";
import { checkSource, expectValid } from "../test/check-harness.js";

/** An entry setting the member, as a `.batch` line. */
function entry(name: string, fact: FieldFact): string {
  switch (fact.kind) {
    case "enum": {
      const spec = shapeSpec(fact.target);
      return `${name} = ${JSON.stringify(spec?.type === "string" ? spec.enum?.[0] : "")}`;
    }
    case "integer":
      return `${name} = 1`;
    case "string":
      return `${name} = ${name === "outputUri" ? '"s3://bucket/out/"' : '"123456789012"'}`;
    case "map":
      return `${name} { project = "p" }`;
    case "document":
      return `${name} { syntaxVersion = "v1", nested = { a: [1, 2], b: { c: 2.5, d: null, e: [{ f: true }] } } }`;
  }
}

/** A program with `line` in `block`, and the required settings elsewhere. */
function program(block: BlockKeyword, line: string, name: string): string {
  const defaults = [name === "workflowId" && block === "defaults" ? "" : 'workflowId = "1"', name === "roleArn" && block === "defaults" ? "" : 'roleArn = "arn:aws:iam::1:role/r"'];
  if (block === "defaults") defaults.push(line);
  return [
    `batch "b" {\n  ${block === "batch" ? line : ""}\n}`,
    `defaults {\n  ${defaults.filter(Boolean).join("\n  ")}\n}`,
    `run "a" {\n  ${block === "run" ? line : 'outputUri = "s3://bucket/out/"'}\n}`,
  ].join("\n");
}

const lineOf = (src: string, line: string): number => src.slice(0, src.indexOf(line)).split("\n").length;

describe("the spelling table between the language and the API", () => {
  it("covers all 23 DefaultRunSetting members, the 8 of InlineSetting, and batchName, requestId and tags", () => {
    expect(runSettingFields).toHaveLength(23);
    const members = new Set([...LANGUAGE_FIELDS.map((f) => f.fact.name), BATCH_NAME_MEMBER, RUN_ID_MEMBER]);
    for (const f of runSettingFields) expect(members.has(f.name)).toBe(true);
    for (const m of shapes.InlineSetting.members) expect(members.has(m.name)).toBe(true);
    for (const f of requestFields) expect(members.has(f.name)).toBe(true);
    expect(shapes.InlineSetting.members).toHaveLength(8);
  });

  it("spells `parameters` as `params`, and every other member by its API name", () => {
    expect(languageName("parameters")).toBe("params");
    expect(apiName("params")).toBe("parameters");
    for (const f of LANGUAGE_FIELDS.filter((x) => x.fact.name !== "parameters")) expect(f.entry).toBe(f.fact.name);
  });

  it("takes the batch's name as `batchName` and the run's expression as `runSettingId`", () => {
    expectValid('batch "nightly" { }\ndefaults { workflowId = "1", roleArn = "arn:x" }\nrun "id-1" { outputUri = "s3://bucket/o/" }\n');
    expect([BATCH_NAME_MEMBER, RUN_ID_MEMBER]).toEqual(["batchName", "runSettingId"]);
  });

  const cases = LANGUAGE_FIELDS.flatMap((f) =>
    (["batch", "defaults", "run"] as const).map((block) => ({ f, block, accept: f.blocks.includes(block) })),
  );
  it.each(cases.map((c) => [`${c.f.entry} in \`${c.block}\`: ${c.accept ? "accepted" : "rejected"}`, c] as const))("%s", (_, { f, block, accept }) => {
    const line = entry(f.entry, f.fact);
    const src = program(block, line, f.entry);
    const result = checkSource(src);
    expect(result.syntax).toEqual([]);
    if (accept) {
      expect(result.diagnostics.map((d) => d.message)).toEqual([]);
      return;
    }
    expect(result.diagnostics.map((d) => d.code)).toEqual(["BC2060"]);
    const d = result.diagnostics[0]!;
    expect(src.slice(d.span.start, d.span.end)).toBe(f.entry);
    expect(result.source.position(d.span.start).line).toBe(lineOf(src, line));
    const expected =
      block === "run" && f.blocks.includes("defaults")
        ? `\`${f.entry}\` is shared by every run of a batch; set it in \`defaults\``
        : f.blocks.includes("batch")
          ? `\`${f.entry}\` belongs to the batch itself; set it in \`batch\``
          : `\`${f.entry}\` is a run setting; set it in ${f.blocks.map((b) => `\`${b}\``).join(" or ")}`;
    expect(d.message).toBe(expected);
  });
});
