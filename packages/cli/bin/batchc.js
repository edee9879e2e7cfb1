#!/usr/bin/env node
// The batchc executable: the bundled, compiled CLI (built by `pnpm build`).
// The AWS SDK warns on every process that Node 20 support ends in 2027; batchc supports
// Node >= 20 and pins the SDK, so the warning is only noise in its output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
const { run } = await import("../dist/bundle/batchc.mjs");

process.exitCode = await run(process.argv.slice(2));
