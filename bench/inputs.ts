// `--live` input checks: the HeadObject rate of @batchc/omics' pool (32 at a time) and one at a
// time, against the moto S3 server and through a local proxy (a process of its own) that adds
// 30 ms to every request (S3 over a real network). The pool checks 10,000 objects; one at a time is measured on 1,000.
// Run alone with `tsx bench/inputs.ts`; `pnpm bench` adds its rows to bench/results.md.
import { HEAD_CONCURRENCY, headObjects, makeS3Client, type S3ObjectRef } from "@batchc/omics";
import { startSeededMoto } from "../test/live/seeded-moto.js";
import { spawn } from "node:child_process";
import * as path from "node:path";

export interface InputRate {
  label: string;
  objects: number;
  concurrency: number;
  seconds: number;
  /** HeadObject answers per second. */
  rate: number;
}

export interface InputRates {
  rows: InputRate[];
  /** Pool rate / one-at-a-time rate through the 30 ms proxy. */
  latencyRatio: number;
}

const BUCKET = "bench-inputs";
const POOL_OBJECTS = 10_000;
const SERIAL_OBJECTS = 1_000;
const LATENCY_MS = 30;

async function measure(endpoint: string, refs: readonly S3ObjectRef[], concurrency: number, label: string): Promise<InputRate> {
  const client = await makeS3Client({ region: "us-east-1", endpointUrl: endpoint, credentials: { accessKeyId: "bench", secretAccessKey: "bench" } });
  try {
    const start = performance.now();
    const out = await headObjects(client, refs, { concurrency });
    const seconds = (performance.now() - start) / 1000;
    const found = out.filter((o) => o.status === "found").length;
    if (found !== refs.length) throw new Error(`${label}: ${found} of ${refs.length} objects found`);
    return { label, objects: refs.length, concurrency, seconds, rate: refs.length / seconds };
  } finally {
    client.destroy();
  }
}

export async function inputCheckRates(): Promise<InputRates> {
  const keys = Array.from({ length: POOL_OBJECTS }, (_, i) => `reads/S${String(i).padStart(5, "0")}.fastq.gz`);
  const moto = await startSeededMoto({ [BUCKET]: keys });
  try {
    const all = keys.map((key) => ({ bucket: BUCKET, key }));
    const some = all.slice(0, SERIAL_OBJECTS);
    const rows: InputRate[] = [];
    rows.push(await measure(moto.url, all, HEAD_CONCURRENCY, "moto, pool"));
    rows.push(await measure(moto.url, some, 1, "moto, one at a time"));
    const proxy = await latencyProxy(moto.url);
    try {
      rows.push(await measure(proxy.url, all, HEAD_CONCURRENCY, `moto + ${LATENCY_MS} ms, pool`));
      rows.push(await measure(proxy.url, some, 1, `moto + ${LATENCY_MS} ms, one at a time`));
    } finally {
      await proxy.close();
    }
    const [, , pool, serial] = rows as [InputRate, InputRate, InputRate, InputRate];
    return { rows, latencyRatio: pool.rate / serial.rate };
  } finally {
    await moto.stop();
  }
}

/** bench/latency-proxy.ts in a process of its own, in front of `target`. */
async function latencyProxy(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "latency-proxy.ts"), target, String(LATENCY_MS)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let log = "";
    child.stdout.on("data", (b: Buffer) => {
      log += b.toString();
      const m = /Proxy on (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (m?.[1] !== undefined) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`the latency proxy exited with ${String(code)}: ${log}`)));
  });
  return {
    url,
    close: async () => {
      const done = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      await done;
    },
  };
}

/** The Markdown lines of the results. */
export function inputRateLines(r: InputRates): string[] {
  return [
    "`--live` input checks: HeadObject through @batchc/omics' pool against the moto S3 server, directly and through a",
    `local proxy (a process of its own) that adds ${LATENCY_MS} ms to every request; the pool checks ${POOL_OBJECTS.toLocaleString("en-US")} objects, one at a time ${SERIAL_OBJECTS.toLocaleString("en-US")}:`,
    "",
    "| S3 | requests in flight | objects | seconds | HeadObject/s |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...r.rows.map((x) => `| ${x.label} | ${x.concurrency} | ${x.objects.toLocaleString("en-US")} | ${x.seconds.toFixed(2)} | ${x.rate.toFixed(0)} |`),
    "",
    `With ${LATENCY_MS} ms of latency the pool checks ${r.latencyRatio.toFixed(1)}× as many inputs per second as one at a time (target ≥ 10×: ${r.latencyRatio >= 10 ? "met" : "missed"}).`,
    "",
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
  console.log(inputRateLines(await inputCheckRates()).join("\n"));
}
