import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Exact names only: `@batchc/model/aws/…json` is a file of the package, not of its src/.
    alias: [
      { find: /^@batchc\/compiler$/, replacement: src("./packages/compiler/src/index.ts") },
      { find: /^@batchc\/language$/, replacement: src("./packages/language/src/index.ts") },
      { find: /^@batchc\/omics$/, replacement: src("./packages/omics/src/index.ts") },
      { find: /^@batchc\/model$/, replacement: src("./packages/model/src/index.ts") },
      { find: /^@batchc\/sandbox$/, replacement: src("./packages/sandbox/src/index.ts") },
      { find: /^@batchc\/text$/, replacement: src("./packages/text/src/index.ts") },
    ],
  },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/**/*.test.ts", "grammar/**/*.test.ts", "examples/**/*.test.ts"],
    globalSetup: ["./test/setup/global-setup.ts"],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", NO_COLOR: "1" },
    // The JSON report feeds the `N passed, N failed, N skipped` line that CI prints (scripts/test-summary.mjs).
    reporters: ["default", ["json", { outputFile: ".vitest-results.json" }]],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
