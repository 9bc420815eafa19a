import { isErrorCode, type ErrorBody, type ErrorCode, type FieldIssue } from '../../../shared/errors';

/** The API's codes, plus NETWORK for a server that could not be reached at all. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

/** Every failed call rejects with one of these, whatever the transport. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details?: unknown;

  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }

  /** From an `{code, message, details}` body; anything malformed becomes INTERNAL rather than a crash. */
  static fromBody(body: unknown, fallbackMessage: string): ApiError {
    const error = body as Partial<ErrorBody> | null | undefined;
    if (error && isErrorCode(error.code)) {
      const message = typeof error.message === 'string' && error.message ? error.message : fallbackMessage;
      return new ApiError(error.code, message, error.details);
    }
    return new ApiError('INTERNAL', fallbackMessage);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/** VALIDATION details by field path (`patch.role` → its message), for showing next to form fields. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!isApiError(error) || error.code !== 'VALIDATION' || !Array.isArray(error.details)) return {};
  const byPath: Record<string, string> = {};
  for (const issue of error.details as Partial<FieldIssue>[]) {
    if (typeof issue?.path === 'string' && typeof issue.message === 'string') byPath[issue.path] ??= issue.message;
  }
  return byPath;
}
