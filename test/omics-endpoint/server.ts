// The HealthOmics endpoint the tests start in-process: the one in packages/sandbox (which
// `batchc sandbox` also runs), with `s3Endpoint` to read `s3UriSettings` files from an S3 server
// (moto, in the tests) through @aws-sdk/client-s3.
import { startOmicsEndpoint as startEndpoint, type OmicsEndpoint, type OmicsEndpointOptions as EndpointOptions } from "../../packages/sandbox/src/index.js";
import { makeTestS3 } from "./sdk.js";

export * from "../../packages/sandbox/src/index.js";

/** Options of {@link startOmicsEndpoint}. */
export interface OmicsEndpointOptions extends EndpointOptions {
  /** The S3 server that holds `s3UriSettings` files (path-style, any credentials). */
  s3Endpoint?: string;
}

/** Starts an endpoint on 127.0.0.1 (a free port). */
export async function startOmicsEndpoint(options: OmicsEndpointOptions = {}): Promise<OmicsEndpoint> {
  const { s3Endpoint, ...rest } = options;
  if (s3Endpoint === undefined) return startEndpoint(rest);
  const s3 = makeTestS3(s3Endpoint);
  return startEndpoint({
    ...rest,
    settings: { get: (bucket, key) => s3.getObject(bucket, key), head: (bucket, key) => s3.headObject(bucket, key) },
    onClose: () => s3.destroy(),
  });
}
