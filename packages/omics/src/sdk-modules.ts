// Loads the AWS SDK's S3 client on first use, so commands that never call AWS don't pay for them.
// Bundled, a CommonJS package imported dynamically arrives as `{ default: exports }` rather
// than with named exports; `namedExports` accepts both shapes.

export type S3Sdk = typeof import("@aws-sdk/client-s3");

/** The module itself when it has `probe` as a named export, else its default export. */
export function namedExports<T extends object>(mod: T | { default: T }, probe: keyof T): T {
  return probe in mod ? (mod as T) : (mod as { default: T }).default;
}

let s3: Promise<S3Sdk> | undefined;

/** `@aws-sdk/client-s3`, imported once. */
export function loadS3Sdk(): Promise<S3Sdk> {
  s3 ??= import("@aws-sdk/client-s3").then((m) => namedExports<S3Sdk>(m, "S3Client"));
  return s3;
}

/** The fields batchc reads from the errors the SDK and Node's network layer throw. */
export interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  hostname?: unknown;
  address?: unknown;
  port?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: number };
}
