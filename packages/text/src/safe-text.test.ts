import { describe, expect, it } from "vitest";
import { maskSecrets, safeCell, safeText } from "./safe-text.js";

describe("safeText", () => {
  it("escapes ANSI and OSC sequences, carriage returns, bidi controls, U+2028 and lone surrogates", () => {
    expect(safeText("boom \x1b]0;pwned\x07 \x1b[31mred\r\nx \u202eabc \u2028 \ud800 ok 😀")).toBe(
      "boom \\x1b]0;pwned\\x07 \\x1b[31mred\\x0d\\x0ax \\u202eabc \\u2028 \\ud800 ok 😀",
    );
    expect(safeText("line 1\nline 2\r", { multiline: true })).toBe("line 1\nline 2\\x0d");
  });

  it("cuts a 5 MB message with a note", () => {
    const s = safeText("x".repeat(5_000_000));
    expect(s).toBe(`${"x".repeat(2000)}… (cut: 5,000,000 characters in all)`);
  });
});

describe("maskSecrets", () => {
  it("masks access key ids, secret keys, session tokens and URL passwords wherever they appear", () => {
    const token = `IQoJb3JpZ2luX2VjE${"A1b2C3d4".repeat(20)}`;
    const text = `denied for AKIAIOSFODNN7EXAMPLE with wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, "SessionToken": "${token}", aws_secret_access_key=abc123 at https://user:hunter2@omics.local/x and ${token}`;
    const masked = maskSecrets(text);
    for (const secret of ["IOSFODNN7EXAMPLE", "wJalrXUtnFEMI", token, "abc123", "hunter2", "user:"]) expect(masked).not.toContain(secret);
    expect(masked).toContain("AKIA****************");
    expect(masked).toContain("https://****@omics.local/x");
  });

  it("leaves ordinary values alone (a SHA-1 in hex, run ids, S3 URIs)", () => {
    const text = "run S1-L001 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 s3://lab-results/x/ 1234567";
    expect(maskSecrets(text)).toBe(text);
  });
});

describe("safeCell", () => {
  it("is one line, escaped and clipped", () => {
    expect(safeCell("S\x1b[2J1\nnext")).toBe("S\\x1b[2J1\\x0anext");
    expect(safeCell("y".repeat(100), 10)).toBe(`${"y".repeat(9)}…`);
  });
});
