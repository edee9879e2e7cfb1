// The error answers of the HealthOmics endpoint: the eight modeled errors of the run-batch
// operations with their HTTP statuses, and the one error type the operations throw.

/** The eight errors of the run-batch operations, with their HTTP status codes. */
export const OMICS_ERRORS = {
  ValidationException: 400,
  ServiceQuotaExceededException: 402,
  AccessDeniedException: 403,
  ResourceNotFoundException: 404,
  RequestTimeoutException: 408,
  ConflictException: 409,
  ThrottlingException: 429,
  InternalServerException: 500,
} as const;

/** One of the eight modeled error names. */
export type OmicsErrorName = keyof typeof OMICS_ERRORS;

/** An error answer to inject: any `error` name (the status defaults from {@link OMICS_ERRORS}, else 400). */
export interface FaultSpec {
  error: OmicsErrorName | (string & {});
  status?: number;
  /** The `message` of the body; a default names the operation. */
  message?: string;
}

/** An error answer: restJson1 puts the name in `x-amzn-ErrorType` and `{ message }` in the body. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status: number = (OMICS_ERRORS as Record<string, number>)[type] ?? 400,
  ) {
    super(message);
  }
}
