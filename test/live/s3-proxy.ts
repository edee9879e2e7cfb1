// A forwarding HTTP proxy in front of the moto S3 server, for what moto does not do: answer 403
// for some requests (an object the caller may not read, a bucket of another account under
// ExpectedBucketOwner), and add latency to every request (the bench's remote-S3 figures). It
// records what passes, so tests can count the requests.
import { Agent, createServer, request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ProxyRequest {
  method: string;
  /** The path and query, as sent (path-style: `/bucket/key`). */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface S3ProxyOptions {
  /** Milliseconds to wait before forwarding each request. */
  delayMs?: number;
  /** A status to answer instead of forwarding (with an empty body), or undefined to forward. */
  answer?: (req: ProxyRequest) => number | undefined;
}

export interface S3Proxy {
  url: string;
  /** Every request received, in order. */
  requests: ProxyRequest[];
  close(): Promise<void>;
}

/** The account moto gives every bucket. */
export const MOTO_ACCOUNT = "123456789012";

/** Answers 403 for HeadBucket with an `ExpectedBucketOwner` other than moto's account, as S3 does. */
export function expectedOwner(req: ProxyRequest): number | undefined {
  const owner = req.headers["x-amz-expected-bucket-owner"];
  return typeof owner === "string" && owner !== MOTO_ACCOUNT ? 403 : undefined;
}

export async function startS3Proxy(target: string, options: S3ProxyOptions = {}): Promise<S3Proxy> {
  const to = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const requests: ProxyRequest[] = [];
  const server = createServer((req, res) => {
    const seen: ProxyRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers };
    requests.push(seen);
    const forward = (): void => {
      const status = options.answer?.(seen);
      if (status !== undefined) {
        req.resume();
        res.writeHead(status, { "content-length": "0" });
        res.end();
        return;
      }
      const out = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers, agent }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      out.on("error", () => res.destroy());
      req.pipe(out);
    };
    if (options.delayMs !== undefined && options.delayMs > 0) setTimeout(forward, options.delayMs);
    else forward();
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
