// The settings file's bytes leave the main thread here: a worker thread hashes each chunk
// (sha256) and, when there is a file, writes it at its position, so the main thread only
// encodes runs (hashing 40 MB is about 25 ms it no longer spends). The two share a ring of
// 1 MiB slots in shared memory: the main thread fills a slot and publishes its length, the
// worker takes it and marks it free. The memory is reused (a fresh buffer per chunk would
// cost a page fault per 4 KiB), and nothing is copied or sent per chunk. The worker starts with
// the second chunk: a file of one chunk (up to about 2,500 runs) is hashed and written here, at
// once, rather than wait for a thread to boot.
import { createHash } from "node:crypto";
import { writeSync } from "node:fs";
import { Worker } from "node:worker_threads";

/** Slots in the ring; the main thread waits only when all are full. */
const SLOTS = 4;
/** Indices in the shared state. */
const PRODUCED = 0; // slots filled by the main thread, in all
const TAKEN = 1; // slots hashed and written by the worker, in all
const LENGTHS = 2; // then one length per slot; -1 marks the end

/** The worker: `workerData` holds the file descriptor (-1: hash only), the ring and the state. */
const WORKER = `"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const { createHash } = require("node:crypto");
const { writeSync } = require("node:fs");
const { fd, ring, state, slots, size } = workerData;
const hash = createHash("sha256");
const memory = new Uint8Array(ring);
let at = 0;
let failure;
try {
  for (let taken = 0; ; taken++) {
    while (Atomics.load(state, ${PRODUCED}) === taken) Atomics.wait(state, ${PRODUCED}, taken);
    const slot = taken % slots;
    const length = state[${LENGTHS} + slot];
    if (length < 0) break;
    const data = memory.subarray(slot * size, slot * size + length);
    hash.update(data);
    if (fd >= 0 && failure === undefined) {
      try {
        let off = 0;
        while (off < length) off += writeSync(fd, data, off, length - off, at + off);
      } catch (e) {
        failure = e instanceof Error ? e.message : String(e);
      }
    }
    at += length;
    Atomics.store(state, ${TAKEN}, taken + 1);
    Atomics.notify(state, ${TAKEN});
  }
  parentPort.postMessage(failure === undefined ? { sha256: hash.digest("hex") } : { failure });
} catch (e) {
  parentPort.postMessage({ failure: e instanceof Error ? e.message : String(e) });
  Atomics.store(state, ${TAKEN}, 0x7fffffff);
  Atomics.notify(state, ${TAKEN});
}
`;

/**
 * Hashes a stream of bytes, and writes them to `fd` in order when one is given. Fill `current`
 * and `commit` it (or `append` bytes); `finish` with the last chunk's length gives the sha256;
 * `discard` stops it on failure.
 */
export class ChunkSink {
  /** The slot to fill next (`size` bytes). */
  current: Buffer;
  private worker: Worker | undefined;
  private readonly ring: Buffer;
  private readonly state = new Int32Array(new SharedArrayBuffer(4 * (LENGTHS + SLOTS)));
  private produced = 0;
  private done: Promise<{ sha256?: string; failure?: string }> | undefined;

  /** `fd`: an open file to write to from position 0, or -1 to hash only. `size`: bytes per slot. */
  constructor(
    private readonly fd: number,
    readonly size: number,
  ) {
    this.ring = Buffer.from(new SharedArrayBuffer(SLOTS * size));
    this.current = this.ring.subarray(0, size);
  }

  /** Whether the bytes went through the worker thread (more than one chunk). */
  get threaded(): boolean {
    return this.worker !== undefined;
  }

  /** Hands the first `length` bytes of `current` to the worker; `current` is then the next slot. */
  commit(length: number): void {
    if (this.worker === undefined) this.start();
    this.publish(length);
    const slot = this.produced % SLOTS;
    this.current = this.ring.subarray(slot * this.size, (slot + 1) * this.size);
  }

  /** Hands `data` (of any length) to the worker, through as many slots as it takes. */
  append(data: Uint8Array): void {
    for (let off = 0; off < data.length; off += this.size) {
      const piece = data.subarray(off, off + this.size);
      this.current.set(piece);
      this.commit(piece.length);
    }
  }

  /**
   * Takes the first `length` bytes of `current` as the last chunk and returns the sha256 (hex)
   * of all the bytes once every one is written; rejects if a write failed.
   */
  async finish(length: number): Promise<string> {
    if (this.worker === undefined) {
      // One chunk in all: hashed and written here.
      const data = this.current.subarray(0, length);
      for (let off = 0; this.fd >= 0 && off < length; ) off += writeSync(this.fd, data, off, length - off, off);
      return createHash("sha256").update(data).digest("hex");
    }
    if (length > 0) this.publish(length);
    this.publish(-1);
    const { sha256, failure } = await (this.done as Promise<{ sha256?: string; failure?: string }>);
    if (sha256 === undefined) throw new Error(failure ?? "the settings-file worker failed");
    return sha256;
  }

  /** Stops the worker; what it did not write is lost. */
  async discard(): Promise<void> {
    if (this.worker === undefined) return;
    // The end mark lets a worker waiting for a slot finish by itself.
    this.publish(-1);
    await this.worker.terminate();
  }

  private start(): void {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { fd: this.fd, ring: this.ring.buffer, state: this.state, slots: SLOTS, size: this.size },
    });
    this.worker = worker;
    this.done = new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the settings-file worker stopped (exit code ${code})`)));
    });
    // Until `finish` awaits it, a failure is kept, not reported as unhandled.
    this.done.catch(() => undefined);
  }

  /** Publishes the current slot's length, then waits (blocking) until the next slot is free. */
  private publish(length: number): void {
    Atomics.store(this.state, LENGTHS + (this.produced % SLOTS), length);
    this.produced++;
    Atomics.store(this.state, PRODUCED, this.produced);
    Atomics.notify(this.state, PRODUCED);
    if (length < 0) return;
    for (;;) {
      const taken = Atomics.load(this.state, TAKEN);
      if (this.produced - taken < SLOTS) return;
      Atomics.wait(this.state, TAKEN, taken);
    }
  }
}
