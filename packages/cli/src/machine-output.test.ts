import { describe, expect, it } from "vitest";
import { noteToJson } from "./machine-output.js";

describe("noteToJson", () => {
  it("gives a note that names a place in a file its file, line and column", () => {
    expect(noteToJson("in rows.csv, line 3, column 5")).toEqual({ message: "in rows.csv, line 3, column 5", file: "rows.csv", line: 3, column: 5 });
    expect(noteToJson("in crams.txt, line 7")).toEqual({ message: "in crams.txt, line 7", file: "crams.txt", line: 7 });
    expect(noteToJson("at meta.json:2:14")).toEqual({ message: "at meta.json:2:14", file: "meta.json", line: 2, column: 14 });
    expect(noteToJson('in iteration s = { id: "S1", r: "x" } (samples.csv:4), ref = "hg38"')).toMatchObject({ file: "samples.csv", line: 4 });
    expect(noteToJson("the header (samples.tsv:1) is: id, r1, r2")).toMatchObject({ file: "samples.tsv", line: 1 });
  });

  it("leaves other notes as a message only", () => {
    expect(noteToJson("and 3 more iterations")).toEqual({ message: "and 3 more iterations" });
    expect(noteToJson("runs 1 and 2 (counting from 1) have it")).toEqual({ message: "runs 1 and 2 (counting from 1) have it" });
    expect(noteToJson("sha256 of the local file 0a1b")).toEqual({ message: "sha256 of the local file 0a1b" });
  });
});
