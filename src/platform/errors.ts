/**
 * One family for real failures. Expected outcomes (a row that fails validation, an ineligible person) are
 * returned as `Problem`s instead; only the server's error handler and the CLI's `fail()` render these.
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'DB_FAILED'
  | 'NOT_FOUND'
  | 'INPUT_INVALID'
  | 'FILE_UNREADABLE'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'POLICY_INVALID'
  | 'SERIES_TOO_SHORT'
  | 'RULE_INVALID'
  | 'INTERNAL';

const httpStatusByCode: Record<ErrorCode, number> = {
  CONFIG_INVALID: 500,
  DB_FAILED: 500,
  NOT_FOUND: 404,
  INPUT_INVALID: 400,
  FILE_UNREADABLE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CONFLICT: 409,
  POLICY_INVALID: 500,
  SERIES_TOO_SHORT: 422,
  RULE_INVALID: 400,
  INTERNAL: 500,
};

export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly zh: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, message: Bilingual, options: { cause?: unknown; details?: unknown } = {}) {
    super(message.en, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.zh = message.zh;
    this.details = options.details;
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }

  toJSON(): { code: ErrorCode; message: string; messageZh: string; details?: unknown } {
    return { code: this.code, message: this.message, messageZh: this.zh, details: this.details };
  }
}

/** An expected outcome with a stable code, e.g. a quarantined row's reason. */
export interface Problem {
  code: string;
  zh: string;
  en: string;
  field?: string;
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
