// The bench's latency proxy in a process of its own (so that it does not share the measuring
// process's one thread): `tsx bench/latency-proxy.ts TARGET DELAY_MS` prints
// `Proxy on http://127.0.0.1:PORT` and forwards until standard input closes.
import { startS3Proxy } from "../test/live/s3-proxy.js";

const [target, delay] = process.argv.slice(2);
const proxy = await startS3Proxy(target as string, { delayMs: Number(delay) });
proxy.requests.length = 0;
// the requests are not kept: a bench run makes tens of thousands
proxy.requests.push = () => 0;
console.log(`Proxy on ${proxy.url}`);
process.stdin.resume();
process.stdin.on("end", () => {
  void proxy.close().then(() => process.exit(0));
});
