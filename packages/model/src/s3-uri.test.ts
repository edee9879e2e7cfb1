import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixesS3Uri, isS3Uri, mayBeginS3Uri, s3UriProblem } from "./s3-uri.js";

describe("the S3 URI grammar", () => {
  it.each([
    ["s3://bucket", true],
    ["s3://bucket/", true],
    ["s3://my.bucket-1/a b/c//d", true],
    ["s3://abc/x", true],
    ["s3://ab/x", false],
    ["s3://-bad-/x/", false],
    ["s3://bad-/x/", false],
    ["s3://a..b/x/", false],
    ["s3://Bucket/x", false],
    ["s3:///x", false],
    ["s3://", false],
    ["S3://bucket/x", false],
    ["https://bucket/x", false],
    [`s3://${"a".repeat(63)}/`, true],
    [`s3://${"a".repeat(64)}/`, false],
  ])("%s: %s", (s, ok) => {
    expect(isS3Uri(s)).toBe(ok);
    expect(s3UriProblem(s) === undefined).toBe(ok);
  });

  it("says why", () => {
    expect(s3UriProblem("lab/out/")).toBe("it does not start with `s3://`");
    expect(s3UriProblem("s3:///x")).toBe("it names no bucket");
    expect(s3UriProblem("s3://a..b/")).toBe("the bucket name `a..b` has `..`");
    expect(s3UriProblem("s3://-bad-/x/")).toMatch(/^`-bad-` is not a bucket name/);
  });

  it("a head that fixes the bucket makes every continuation a URI; one that may begin one has one", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (head, tail) => {
        if (fixesS3Uri(head)) expect(isS3Uri(head + tail)).toBe(true);
        if (isS3Uri(head + tail)) expect(mayBeginS3Uri(head)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^s3:\/\/[a-z0-9.-]{0,66}(\/[a-z]{0,3})?$/), fc.stringMatching(/^[a-z0-9.\/-]{0,5}$/), (head, tail) => {
        if (fixesS3Uri(head)) expect(isS3Uri(head + tail)).toBe(true);
        if (isS3Uri(head + tail)) expect(mayBeginS3Uri(head)).toBe(true);
      }),
    );
  });
});
