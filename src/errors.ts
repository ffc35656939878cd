/**
 * The known error classes. The CLI prints them as one line (message + hint) and exits 2;
 * anything else is a bug and is re-thrown with its stack under --debug.
 */
export type ErrorCode = 'input' | 'config' | 'permission' | 'usage' | 'api';

export class KnownError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | null;
  constructor(code: ErrorCode, message: string, hint: string | null = null) {
    super(message);
    this.code = code;
    this.hint = hint;
  }
}

/** Bad input data: a file in no known format, a truncated file, an unreadable path. */
export class InputError extends KnownError {
  constructor(message: string, hint: string | null = null) {
    super('input', message, hint);
    this.name = 'InputError';
  }
}

/** A bad unattended.yaml or flag combination. */
export class ConfigError extends KnownError {
  constructor(message: string, hint: string | null = null) {
    super('config', message, hint);
    this.name = 'ConfigError';
  }
}

/** A live API refused us for want of a permission: reported as "unknown", never as a finding. */
export class PermissionError extends KnownError {
  readonly permission: string;
  constructor(message: string, permission: string, hint: string | null = null) {
    super('permission', message, hint);
    this.permission = permission;
    this.name = 'PermissionError';
  }
}

/**
 * Why a live API could not be read to the end. The name leads the message, so a failed collection says which of these
 * it met: retries ran out (throttled, 5xx or connection resets past the retry budget), the server sent back a nextLink
 * already followed, a response was cut short and stayed so, a request timed out every time, the request itself was
 * refused, or the token was refused again after a refresh.
 */
export type ApiFailure = 'RetriesExhausted' | 'NextLinkLoop' | 'TruncatedResponse' | 'Timeout' | 'BadRequest' | 'Unauthorized' | 'UnexpectedResponse';

export class ApiError extends KnownError {
  readonly failure: ApiFailure;
  constructor(failure: ApiFailure, message: string, hint: string | null = null) {
    super('api', `${failure}: ${message}`, hint);
    this.failure = failure;
    this.name = 'ApiError';
  }
}

export class UsageError extends KnownError {
  constructor(message: string, hint: string | null = null) {
    super('usage', message, hint);
    this.name = 'UsageError';
  }
}

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof KnownError;
}
