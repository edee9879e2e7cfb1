// AWS SDK modules for the test endpoint and its tests. `@aws-sdk/client-s3` and `@smithy/core`
// are dependencies of `@batchc/omics`, not of the workspace root, so code under `test/` cannot
// import them by name; this file loads them the way `@batchc/omics` itself resolves them.
import { createRequire } from "node:module";
import type * as S3Module from "../../packages/omics/node_modules/@aws-sdk/client-s3/dist-types/index.js";
import type { OmicsClientConfig } from "../../packages/omics/src/client.js";

const fromOmicsPackage = createRequire(new URL("../../packages/omics/package.json", import.meta.url));

/** `@aws-sdk/client-s3`, as `@batchc/omics` resolves it. */
export const s3Sdk = fromOmicsPackage("@aws-sdk/client-s3") as typeof S3Module;

/** A retry strategy accepted by the Omics client's `retryStrategy` option. */
export type OmicsRetryStrategy = NonNullable<OmicsClientConfig["retryStrategy"]>;

type ConfiguredRetryStrategyClass = new (maxAttempts: number, computeNextBackoffDelay: (attempt: number) => number) => OmicsRetryStrategy;

/**
 * The SDK's standard retry strategy with no back-off delay: `ConfiguredRetryStrategy` from the very
 * `@smithy/core/retry` the Omics client uses (reached through the client's own dependencies).
 */
export function fastRetries(maxAttempts = 3): OmicsRetryStrategy {
  const fromClient = createRequire(fromOmicsPackage.resolve("@aws-sdk/client-omics"));
  const { ConfiguredRetryStrategy } = fromClient("@smithy/core/retry") as { ConfiguredRetryStrategy: ConfiguredRetryStrategyClass };
  return new ConfiguredRetryStrategy(maxAttempts, () => 0);
}
