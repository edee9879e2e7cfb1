// The settings file of a batch above 100 runs, streamed: a JSON array of runs written in 1 MiB
// chunks and hashed while written.
import { randomUUID } from "node:crypto";
import { open, unlink, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { ChunkSink } from "./chunk-sink.js";

/** Size at which the settings file is written out (1 MiB of text). */
const CHUNK = 1 << 20;

/**
 * Writes the JSON array of runs in 1 MiB chunks: runs are encoded into a chunk on this thread,
 * and each full chunk goes to a `ChunkSink`, which hashes and writes it.
 */
export class SettingsWriter {
  private buf: Buffer;
  private off = 1;
  private first = true;
  private readonly sink: ChunkSink;
  /** Bytes handed to the file so far (its size once finished). */
  bytes = 0;

  private constructor(
    readonly path: string,
    /** The file; undefined when the bytes are only hashed and counted. */
    private readonly fh: FileHandle | undefined,
  ) {
    this.sink = new ChunkSink(fh?.fd ?? -1, CHUNK);
    this.buf = this.sink.current;
    this.buf[0] = 0x5b; // [
  }

  /** A writer into a new file in `dir`, or (without `dir`) one that only hashes and counts. */
  static async create(dir: string | undefined): Promise<SettingsWriter> {
    if (dir === undefined) return new SettingsWriter("", undefined);
    const path = join(dir, `batchc-settings-${randomUUID()}.json`);
    return new SettingsWriter(path, await open(path, "wx"));
  }

  /** Appends one run's JSON text. */
  add(json: string): void {
    // A UTF-16 unit takes at most 3 bytes of UTF-8; plus the comma.
    const room = json.length * 3 + 1;
    if (this.off + room > this.buf.length) {
      this.flush();
      if (room > this.buf.length) {
        // A run larger than a chunk goes on its own.
        const data = Buffer.from(this.first ? json : `,${json}`, "utf8");
        this.first = false;
        this.bytes += data.length;
        this.sink.append(data);
        this.buf = this.sink.current;
        return;
      }
    }
    if (!this.first) this.buf[this.off++] = 0x2c; // ,
    this.first = false;
    this.off += this.buf.write(json, this.off, "utf8");
  }

  /** Hands the filled part of the chunk to the sink and starts the next. */
  private flush(): void {
    if (this.off === 0) return;
    this.bytes += this.off;
    this.sink.commit(this.off);
    this.buf = this.sink.current;
    this.off = 0;
  }

  /** Writes the closing `]`, closes the file and returns its sha256. */
  async finish(): Promise<string> {
    if (this.off + 1 > this.buf.length) this.flush();
    this.buf[this.off++] = 0x5d; // ]
    this.bytes += this.off;
    const sha256 = await this.sink.finish(this.off);
    await this.fh?.close();
    return sha256;
  }

  /** Closes and removes the file (on any failure). */
  async discard(): Promise<void> {
    await this.sink.discard().catch(() => undefined);
    if (this.fh === undefined) return;
    await this.fh.close().catch(() => undefined);
    await unlink(this.path).catch(() => undefined);
  }
}

