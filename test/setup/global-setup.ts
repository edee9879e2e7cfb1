// vitest global setup: starts the services the integration tests talk to, on 127.0.0.1.
// One moto S3 server (see moto.ts) for the whole run; its URL is provided to the tests as
// `inject("s3Endpoint")`, and it is stopped with SIGTERM in teardown.
import type { TestProject } from "vitest/node";
import { startMoto, type Moto } from "./moto.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** `http://127.0.0.1:PORT` of the moto S3 server. */
    s3Endpoint: string;
    /** The python3 that has moto (and with it botocore). */
    python: string;
  }
}

let moto: Moto | undefined;

export async function setup(project: TestProject): Promise<void> {
  moto = await startMoto();
  project.provide("s3Endpoint", moto.url);
  project.provide("python", moto.python);
}

export async function teardown(): Promise<void> {
  const server = moto;
  moto = undefined;
  await server?.stop();
}
