// The did-you-mean of a missing data or template file: files of the same kind by the project's
// one did-you-mean, and a file of another kind only for a slip in the extension, a missing
// extension or spaces around the name, never for a merely similar stem.
import { describe, expect, it } from "vitest";
import { memoryHost } from "./host.js";
import { similarFile } from "./similar-file.js";

const host = memoryHost({
  "data/meta.json": "{}",
  "data/samples.csv": "id\n",
  "data/Runs.tsv": "id\n",
  "data/notes.txt": "",
  "data/README": "",
  "sheet.csv": "id\n",
  "sheet.tsv": "id\n",
  "cohort.json": "{}",
  "cohort.v2.json": "{}",
});

/** The help for the path `shown`, resolved from the folder of the program. */
const help = (shown: string): string | undefined => similarFile(host, shown, shown);

describe("similarFile", () => {
  it("names a file of the same kind with a close name, as before", () => {
    expect(help("data/sample.csv")).toBe("did you mean `data/samples.csv`?");
    expect(help("data/META.json")).toBe("did you mean `data/meta.json`?");
  });

  it("names the file with a slip in its extension", () => {
    expect(help("data/meta.jsn")).toBe("did you mean `data/meta.json`?");
    expect(help("data/meta.jsonn")).toBe("did you mean `data/meta.json`?");
    expect(help("data/samples.cvs")).toBe("did you mean `data/samples.csv`?");
    expect(help("data/metajson")).toBe("did you mean `data/meta.json`?");
    expect(help("data/samples.tsv")).toBe("did you mean `data/samples.csv`?");
  });

  it("names the file whose extension was left out", () => {
    expect(help("data/meta")).toBe("did you mean `data/meta.json`?");
    expect(help("data/runs")).toBe("did you mean `data/Runs.tsv`?");
    // Two files of that stem: the first by name.
    expect(help("sheet")).toBe("did you mean `sheet.csv`?");
    // A name with dots of its own.
    expect(help("cohort.v2")).toBe("did you mean `cohort.v2.json`?");
    expect(help("sheet.csv.gz")).toBeUndefined();
  });

  it("names the file written with spaces around its name", () => {
    expect(help("data/samples.csv ")).toBe("did you mean `data/samples.csv`?");
    expect(help("data/ samples.csv")).toBe("did you mean `data/samples.csv`?");
    expect(help("data/Samples.csv ")).toBe("did you mean `data/samples.csv`?");
    expect(help("cohort.json\t")).toBe("did you mean `cohort.json`?");
  });

  it("does not name a file of another kind whose stem is merely similar", () => {
    expect(help("data/samples.json")).toBeUndefined();
    expect(help("data/meta.csv")).toBeUndefined();
    expect(help("data/runs.jsonl")).toBeUndefined();
    expect(help("data/note.csv")).toBeUndefined();
    expect(help("data/sample.tsv")).toBeUndefined();
    expect(help("data/README.md")).toBeUndefined();
  });

  it("says nothing when the folder cannot be listed or holds nothing close", () => {
    const failing = { ...host, listFiles: () => { throw new Error("EACCES"); } };
    expect(similarFile(failing, "data/meta.jsn", "data/meta.jsn")).toBeUndefined();
    expect(help("data/unrelated-file.json")).toBeUndefined();
  });
});
