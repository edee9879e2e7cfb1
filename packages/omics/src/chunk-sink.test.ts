import { createHash } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChunkSink } from "./chunk-sink.js";

const dir = mkdtempSync(join(tmpdir(), "batchc-sink-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (b: Uint8Array): string => createHash("sha256").update(b).digest("hex");

/** Deterministic bytes: `n` of them, from a seed. */
function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
  }
  return b;
}

/** Feeds `pieces` through `sink`: each piece filled into `current` and committed when it fits, else appended. */
function feed(sink: ChunkSink, pieces: Buffer[]): void {
  for (const p of pieces) {
    if (p.length <= sink.size) {
      p.copy(sink.current);
      sink.commit(p.length);
    } else sink.append(p);
  }
}

describe("ChunkSink", () => {
  it("hashes what it is given, over many chunks", async () => {
    const pieces = Array.from({ length: 500 }, (_, i) => bytes(1 + (i % 16), i + 1));
    const sink = new ChunkSink(-1, 16);
    feed(sink, pieces);
    expect(await sink.finish(0)).toBe(sha256(Buffer.concat(pieces)));
  });

  it("writes the bytes to the file in order, including pieces larger than a slot", async () => {
    const path = join(dir, "out.bin");
    const fd = openSync(path, "wx");
    const pieces = [bytes(10, 1), bytes(100, 2), bytes(0, 3), bytes(64, 4), bytes(65, 5), bytes(7, 6)];
    const sink = new ChunkSink(fd, 64);
    feed(sink, pieces);
    bytes(9, 7).copy(sink.current);
    const digest = await sink.finish(9);
    pieces.push(bytes(9, 7));
    closeSync(fd);
    const all = Buffer.concat(pieces);
    expect(readFileSync(path)).toEqual(all);
    expect(digest).toBe(sha256(all));
  });

  it("hashes nothing to the sha256 of no bytes", async () => {
    const sink = new ChunkSink(-1, 1024);
    expect(await sink.finish(0)).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });

  it("hashes and writes a single chunk", async () => {
    const path = join(dir, "one-chunk.bin");
    const fd = openSync(path, "wx");
    const sink = new ChunkSink(fd, 64);
    const data = bytes(40, 9);
    data.copy(sink.current);
    const digest = await sink.finish(40);
    closeSync(fd);
    expect(readFileSync(path)).toEqual(data);
    expect(digest).toBe(sha256(data));
  });

  it("reports a failed write when finishing", async () => {
    const path = join(dir, "read-only.bin");
    writeFileSync(path, "");
    const fd = openSync(path, "r"); // writes to it fail (EBADF)
    const sink = new ChunkSink(fd, 8);
    feed(sink, [bytes(8, 1), bytes(8, 2), bytes(3, 3)]);
    await expect(sink.finish(0)).rejects.toThrow(/EBADF|bad file descriptor/i);
    closeSync(fd);
    expect(readFileSync(path)).toHaveLength(0);
  });

  it("reports a failed write of a single chunk too", async () => {
    const path = join(dir, "read-only-2.bin");
    writeFileSync(path, "");
    const fd = openSync(path, "r");
    const sink = new ChunkSink(fd, 8);
    await expect(sink.finish(0)).resolves.toBe(sha256(Buffer.alloc(0)));
    const other = new ChunkSink(fd, 8);
    bytes(5, 1).copy(other.current);
    await expect(other.finish(5)).rejects.toThrow(/EBADF|bad file descriptor/i);
    closeSync(fd);
  });

  it("is discarded without finishing, and does not keep the process waiting", async () => {
    const sink = new ChunkSink(-1, 8);
    feed(sink, [bytes(8, 1), bytes(5, 2)]);
    await expect(sink.discard()).resolves.toBeUndefined();
  });
});
