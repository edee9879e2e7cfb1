// Server-side SigV4 verification for the sandbox's HealthOmics endpoint: re-sign the received request
// with the expected secret and compare signatures. The payload hash is bound to the bytes that
// actually arrived, so a body changed after signing never verifies.
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Hash } from "@smithy/hash-node";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";

/** Credentials the endpoint accepts. */
export interface EndpointCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** When set, requests must carry it in `x-amz-security-token`. */
  sessionToken?: string;
}

/** A received request, as the verifier needs it. */
export interface ReceivedRequest {
  method: string;
  /** The request target: percent-encoded path plus query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * The outcome of a check. The error names are the ones AWS JSON services answer with:
 * `MissingAuthenticationTokenException` (403, no `authorization` header),
 * `IncompleteSignatureException` (400, malformed header or unsigned `host`/`x-amz-date`),
 * `UnrecognizedClientException` (403, unknown access key or session token) and
 * `InvalidSignatureException` (403, wrong secret, tampered request, wrong scope).
 */
export type SigV4Result =
  | { ok: true; accessKeyId: string }
  | { ok: false; status: number; error: string; message: string };

const AUTH = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

/** Verifies the SigV4 signature of `req` against `credentials`, for `service` in `region`. */
export async function verifySigV4(
  req: ReceivedRequest,
  credentials: EndpointCredentials,
  scope: { region: string; service: string },
): Promise<SigV4Result> {
  const authorization = req.headers.authorization;
  if (authorization === undefined) {
    return { ok: false, status: 403, error: "MissingAuthenticationTokenException", message: "Missing Authentication Token" };
  }
  const m = AUTH.exec(authorization);
  const dateHeader = req.headers["x-amz-date"];
  if (!m || typeof dateHeader !== "string" || !/^\d{8}T\d{6}Z$/.test(dateHeader)) {
    return { ok: false, status: 400, error: "IncompleteSignatureException", message: "Authorization header requires 'Credential', 'Signature', 'SignedHeaders' and a valid 'X-Amz-Date'." };
  }
  const [, accessKeyId = "", day = "", region = "", service = "", list = "", signature = ""] = m;
  const signed = list.split(";");
  if (!signed.includes("host") || !signed.includes("x-amz-date")) {
    return { ok: false, status: 400, error: "IncompleteSignatureException", message: "'Host' and 'X-Amz-Date' must be signed headers." };
  }
  if (accessKeyId !== credentials.accessKeyId) {
    return { ok: false, status: 403, error: "UnrecognizedClientException", message: "The security token included in the request is invalid." };
  }
  if (credentials.sessionToken !== undefined && req.headers["x-amz-security-token"] !== credentials.sessionToken) {
    return { ok: false, status: 403, error: "UnrecognizedClientException", message: "The security token included in the request is invalid." };
  }
  if (service !== scope.service) {
    return { ok: false, status: 403, error: "InvalidSignatureException", message: `Credential should be scoped to correct service: '${scope.service}'.` };
  }
  if (region !== scope.region) {
    return { ok: false, status: 403, error: "InvalidSignatureException", message: `Credential should be scoped to a valid region, not '${region}'.` };
  }
  if (day !== dateHeader.slice(0, 8)) {
    return { ok: false, status: 403, error: "InvalidSignatureException", message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP." };
  }

  // Only the signed headers take part; the payload hash is recomputed from the received body.
  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = req.headers[name];
    headers[name] = Array.isArray(value) ? value.join(",") : String(value ?? "");
  }
  // A client that signed `x-amz-content-sha256` (the JavaScript SDK does) gets it bound to the
  // bytes that arrived; one that did not (botocore) has the payload hashed by the signer itself.
  if (signed.includes("x-amz-content-sha256")) headers["x-amz-content-sha256"] = createHash("sha256").update(req.body).digest("hex");
  const url = new URL(req.url, "http://endpoint.invalid");
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    query[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  const d = dateHeader;
  const signingDate = new Date(`${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`);
  const signer = new SignatureV4({
    credentials: { accessKeyId, secretAccessKey: credentials.secretAccessKey },
    region,
    service,
    sha256: Hash.bind(null, "sha256"),
    // Sign exactly the headers the client signed: no `x-amz-content-sha256` of our own.
    applyChecksum: false,
  });
  const resigned = await signer.sign(
    new HttpRequest({ method: req.method, protocol: "http:", hostname: "127.0.0.1", path: url.pathname, query, headers, body: req.body }),
    { signingDate, signableHeaders: new Set(signed) },
  );
  if (!String(resigned.headers.authorization).endsWith(`Signature=${signature}`)) {
    return {
      ok: false,
      status: 403,
      error: "InvalidSignatureException",
      message: "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    };
  }
  return { ok: true, accessKeyId };
}
