import { describe, expect, it } from "vitest";
import { anchor, committedText, generatedText, generateModelModule } from "../../../scripts/model.js";
import { inlineOutputOrder, runSettingFields, requestFields, shapes } from "./index.js";

describe("the generated model module", () => {
  it("is what `pnpm model` makes from the committed AWS model file", () => {
    expect(committedText()).toBe(generatedText());
  });

  it("holds every member of DefaultRunSetting (23) and InlineSetting (8)", () => {
    expect(runSettingFields.map((f) => f.name)).toHaveLength(23);
    expect(shapes.InlineSetting.members).toHaveLength(8);
    expect(runSettingFields.filter((f) => f.perRun).map((f) => f.name).sort()).toEqual(
      shapes.InlineSetting.members.map((m) => m.name).filter((n) => n !== "runSettingId").sort(),
    );
    expect(requestFields.map((f) => f.name)).toEqual(["batchName", "requestId", "tags"]);
    expect(inlineOutputOrder).toEqual(["runSettingId", "name", "outputUri", "priority", "outputBucketOwnerId", "parameters", "runTags", "engineSettings"]);
  });

  it("says how each per-run member merges: parameters and runTags key by key, engineSettings replaces", () => {
    const merge = Object.fromEntries(runSettingFields.filter((f) => f.perRun).map((f) => [f.name, f.merge]));
    expect(merge).toEqual({ name: "replace", outputUri: "replace", priority: "replace", parameters: "merge", outputBucketOwnerId: "replace", runTags: "merge", engineSettings: "replace" });
  });

  it("anchors botocore's patterns so they match whole values", () => {
    expect(anchor("[0-9]{12}")).toBe("^[0-9]{12}$");
    expect(anchor("a|b")).toBe("^(?:a|b)$");
    expect(anchor("[a|b]+")).toBe("^[a|b]+$");
    expect(anchor("^x$")).toBe("^x$");
    const owner = new RegExp(shapes.WorkflowOwnerId.pattern, "u");
    expect(owner.test("123456789012")).toBe(true);
    expect(owner.test("x123456789012x")).toBe(false);
    expect(new RegExp(shapes.WorkflowId.pattern, "u").test("abc")).toBe(false);
  });

  it("fails on a model it cannot read (a new shape type) instead of guessing", () => {
    const model = JSON.parse(generatedTextSource());
    model.shapes.RunName = { type: "blob" };
    expect(() => generateModelModule(JSON.stringify(model))).toThrow(/RunName: type blob/);
  });
});

function generatedTextSource(): string {
  // The committed AWS file, read as the generator reads it.
  return JSON.stringify({
    shapes: {
      StartRunBatchRequest: { type: "structure", members: { batchName: { shape: "RunName" } } },
      RunName: { type: "string" },
    },
  });
}
