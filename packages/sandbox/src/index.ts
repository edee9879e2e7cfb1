// @batchc/sandbox: a local HealthOmics run-batch service that checks SigV4 and validates bodies
// against AWS's model file with its own code, and a folder-backed S3 store for settings files.
// `batchc sandbox` runs both on one port; the tests start the endpoint in-process.
export { startOmicsEndpoint, type OmicsEndpoint, type OmicsEndpointOptions } from "./endpoint.js";
export { createOmicsService, type OmicsService, type ServiceRequest, type ServiceResponse } from "./service.js";
export { TEST_CREDENTIALS, emptyState, type OmicsServiceOptions, type SettingsReader } from "./context.js";
export { OMICS_ERRORS, ServiceError, type FaultSpec, type OmicsErrorName } from "./errors.js";
export { failureCount, shareFailures, runFailurePredicate, type RunFailureSpec } from "./failures.js";
export { batchView } from "./views.js";
export { startSandbox, SANDBOX_CREDENTIALS, SANDBOX_REGION, DEFAULT_PORT, type Sandbox, type SandboxOptions } from "./sandbox.js";
export { readConfig, parseConfig, DEFAULT_CONFIG, ConfigError, type SandboxConfig } from "./config.js";
export { StateFileError } from "./state-file.js";
export { ObjectStore } from "./object-store.js";
export { verifySigV4, type EndpointCredentials, type ReceivedRequest, type SigV4Result } from "./sigv4.js";
export { validateStartRunBatch, validateInlineSettings, type Validation } from "./validate.js";
export type {
  BatchRecord,
  BatchStatus,
  EndpointState,
  LoggedRequest,
  OperationName,
  RequestIdRecord,
  RunFailure,
  RunRecord,
  RunStatus,
  SubmissionStatus,
  WorkflowParameter,
  WorkflowSpec,
} from "./records.js";
