#!/usr/bin/env node
// The batchc executable: the bundled, compiled CLI (built by `pnpm build`).
import { run } from "../dist/bundle/batchc.mjs";

process.exitCode = await run(process.argv.slice(2));
