// The S3 client's read timeout as the HealthOmics transport has it (http-transport.ts): besides
// the SDK's socket inactivity timeout, the whole reply must arrive within `readMs` of the request
// being sent, so a server that trickles a byte now and then cannot hold a command forever. A
// wrapper around the SDK's own request handler: it passes the body on in chunks (so "sent" is when
// the socket took the last one, not when it was queued), starts the clock then (at the call for a
// request without a body, allowing `connectMs` for the connection), and fails the request with a
// `TimeoutError` when the reply, headers and body, is not complete in time.
import { Readable } from "node:stream";

/** The part of the SDK's HttpHandler that the wrapper uses. */
interface Handler {
  handle(request: HttpRequestLike, options?: { abortSignal?: AbortSignal; [k: string]: unknown }): Promise<{ response: { body?: unknown; [k: string]: unknown } }>;
  destroy?(): void;
  [k: string]: unknown;
}
interface HttpRequestLike {
  body?: unknown;
  [k: string]: unknown;
}

const CHUNK = 64 * 1024;

/** A body the socket reads piece by piece; `onEnd` runs when the last piece was taken. */
function chunkedBody(body: unknown, onEnd: () => void): unknown {
  let source: Readable;
  if (typeof body === "string" || body instanceof Uint8Array) {
    const bytes = typeof body === "string" ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    source = Readable.from(
      (function* () {
        for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
      })(),
      { objectMode: false },
    );
  } else if (body instanceof Readable) {
    source = body;
  } else {
    onEnd();
    return body;
  }
  source.once("end", onEnd);
  return source;
}

/** Wraps `inner` so that a reply not complete within `readMs` of sending fails with a TimeoutError. */
export function withReplyDeadline(inner: Handler, timeouts: { connectMs: number; readMs: number }): Handler {
  const wrapper: Handler = {
    destroy: () => inner.destroy?.(),
    async handle(request, options = {}) {
      const abort = new AbortController();
      const outer = options.abortSignal;
      if (outer) {
        if (outer.aborted) abort.abort(outer.reason);
        else outer.addEventListener("abort", () => abort.abort(outer.reason), { once: true });
      }
      let timer: NodeJS.Timeout | undefined;
      let fail: (err: Error) => void = () => {};
      const failed = new Promise<never>((_, reject) => (fail = reject));
      failed.catch(() => {});
      let body: { destroy?: (err?: Error) => void } | undefined;
      const timeoutError = (): Error =>
        Object.assign(new Error(`the reply was not complete within ${timeouts.readMs} ms of the request being sent`), { name: "TimeoutError" });
      // Once the reply is complete (or failed) no clock starts: a server may answer (a 412 to a
      // conditional PutObject) before the socket took the last piece of the body, whose end
      // would otherwise start a timer nobody clears, holding the process for `readMs`.
      let finished = false;
      const start = (ms: number): void => {
        if (finished) return;
        timer ??= setTimeout(() => {
          const err = timeoutError();
          abort.abort(err);
          body?.destroy?.(err);
          fail(err);
        }, ms);
      };
      const stop = (): void => {
        finished = true;
        clearTimeout(timer);
      };
      if (request.body !== undefined && request.body !== null) request.body = chunkedBody(request.body, () => start(timeouts.readMs));
      else start(timeouts.connectMs + timeouts.readMs);
      try {
        const result = await Promise.race([inner.handle(request, { ...options, abortSignal: abort.signal }), failed]);
        const stream = result.response.body;
        if (stream instanceof Readable && !stream.readableEnded) {
          body = stream;
          stream.once("close", stop);
          stream.once("end", stop);
        } else {
          stop();
        }
        return result;
      } catch (err) {
        stop();
        throw err;
      }
    },
  };
  // Everything else (the handler's config, metadata, updateHttpClientConfig) is the inner handler's.
  return new Proxy(wrapper, {
    get: (t, k) => {
      if (k in t) return t[k as string];
      const v = inner[k as string];
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(inner) : v;
    },
  });
}
