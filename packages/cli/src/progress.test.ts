import { describe, expect, it } from "vitest";
import { fit, ProgressLine } from "./progress.js";

describe("fit", () => {
  it("keeps text that fits and shortens the middle part of text that does not", () => {
    expect(fit("up ", "s3://b/k.json", " 50%", 40)).toBe("up s3://b/k.json 50%");
    expect(fit("up ", "s3://bucket/some/long/key.json", " 50%", 20)).toBe("up s3://b…y.json 50%");
    expect([...fit("up ", "s3://bucket/some/long/key.json", " 50%", 20)]).toHaveLength(20);
    expect(fit("[--] ", "batch 5000001 INPROGRESS: 3/6 submitted", "", 24, "end")).toBe("[--] batch 5000001 INPR…");
    expect(fit("a very long left part", "middle", " right", 10)).toBe("a very lon");
  });
});

describe("ProgressLine", () => {
  const io = (isTTY: boolean, columns?: number, env: Record<string, string> = {}) => {
    let out = "";
    return { io: { stdout: { write: () => true }, stderr: { write: (s: string) => (out += s), isTTY, ...(columns !== undefined ? { columns } : {}) }, env, cwd: "/" }, out: () => out };
  };

  it("exists only on a terminal that is not dumb", () => {
    expect(ProgressLine.open(io(false, 80).io)).toBeUndefined();
    expect(ProgressLine.open(io(true, 80, { TERM: "dumb" }).io)).toBeUndefined();
    expect(ProgressLine.open(io(true, 80).io)).toBeDefined();
  });

  it("redraws in place within the width, and clears or finishes the line", () => {
    const t = io(true, 12);
    const line = ProgressLine.open(t.io) as ProgressLine;
    line.draw("x ", "abcdefghijklmnop", "", "end");
    line.draw("y ", "short");
    line.clear();
    line.finish("done, a longer final line");
    expect(t.out()).toBe("\r\u001b[2Kx abcdefgh…\r\u001b[2Ky short\r\u001b[2K\r\u001b[2Kdone, a longer final line\n");
  });
});
