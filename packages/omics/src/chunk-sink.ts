// The settings file's bytes, chunk by chunk: each chunk is hashed (sha256) and, when there is a
// file, written at its position, on this thread. (A worker thread did this before, from code
// given as a string. At 100,000 runs the file is 42 MB; its sha256 takes about 70 ms here, on
// the 2-core bench machine while shared, part of the cost of making no code from text.)
import { createHash, type Hash } from "node:crypto";
import { writeSync } from "node:fs";

/**
 * Hashes a stream of bytes, and writes them to `fd` in order when one is given. Fill `current`
 * and `commit` it (or `append` bytes); `finish` with the last chunk's length gives the sha256;
 * `discard` stops it on failure.
 */
export class ChunkSink {
  /** The buffer to fill next (`size` bytes). */
  readonly current: Buffer;
  private readonly hash: Hash = createHash("sha256");
  private at = 0;
  private failure: Error | undefined;

  /** `fd`: an open file to write to from position 0, or -1 to hash only. `size`: bytes per chunk. */
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {
    this.current = Buffer.allocUnsafe(size);
  }

  /** Takes the first `length` bytes of `current`; `current` may then be filled again. */
  commit(length: number): void {
    this.take(this.current.subarray(0, length));
  }

  /** Takes `data` (of any length). */
  append(data: Uint8Array): void {
    this.take(data);
  }

  private take(data: Uint8Array): void {
    this.hash.update(data);
    if (this.fd >= 0 && this.failure === undefined) {
      try {
        for (let off = 0; off < data.length; ) off += writeSync(this.fd, data, off, data.length - off, this.at + off);
      } catch (e) {
        this.failure = e instanceof Error ? e : new Error(String(e));
      }
    }
    this.at += data.length;
  }

  /**
   * Takes the first `length` bytes of `current` as the last chunk and returns the sha256 (hex)
   * of all the bytes; rejects if a write failed.
   */
  async finish(length: number): Promise<string> {
    if (length > 0) this.commit(length);
    if (this.failure !== undefined) throw this.failure;
    return this.hash.digest("hex");
  }

  /** Stops; what was not written is lost. */
  async discard(): Promise<void> {
    this.failure ??= new Error("discarded");
  }
}
