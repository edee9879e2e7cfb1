import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      "@batchc/compiler": src("./packages/compiler/src/index.ts"),
      "@batchc/language": src("./packages/language/src/index.ts"),
      "@batchc/omics": src("./packages/omics/src/index.ts"),
      "@batchc/model": src("./packages/model/src/index.ts"),
      "@batchc/text": src("./packages/text/src/index.ts"),
    },
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
