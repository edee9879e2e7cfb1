// A forwarding HTTP proxy for tests that change a signed request on its way to the endpoint.
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";

/** Forwards every request to `target`, with `rewrite` applied to the body (the headers are kept). */
export async function tamperingProxy(target: string, rewrite: (body: string) => string): Promise<{ url: string; close(): Promise<void> }> {
  const to = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.from(rewrite(Buffer.concat(chunks).toString("utf-8")), "utf-8");
      const headers = { ...req.headers, "content-length": String(body.length) };
      const out = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      });
      out.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
