/**
 * The known error classes. The CLI prints them as one line (message + hint) and exits 2;
 * anything else is a bug and is re-thrown with its stack under --debug.
 */
export type ErrorCode = 'input' | 'config' | 'permission' | 'usage';

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

export class UsageError extends KnownError {
  constructor(message: string, hint: string | null = null) {
    super('usage', message, hint);
    this.name = 'UsageError';
  }
}

export function isKnownError(error: unknown): error is KnownError {
  return error instanceof KnownError;
}
