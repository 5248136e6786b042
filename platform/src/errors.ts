/**
 * The error taxonomy shared by every layer: a code that maps to an HTTP status
 * and a `retriable` flag that processors read (as kafkajs's KafkaJSError does).
 */
export type ErrorCode =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'unavailable'
  | 'internal';

export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  unavailable: 503,
  internal: 500,
};

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `price.amount`. */
  field: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;
  readonly issues: FieldIssue[];
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retriable?: boolean; issues?: FieldIssue[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
    this.issues = options.issues ?? [];
    this.details = options.details ?? {};
  }
}

export class ValidationError extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super('validation', message, { issues });
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('not_found', message, { details });
  }
}

/** Optimistic concurrency failure: carries both revisions, as DESIGN §4 asks. */
export class ConcurrencyError extends AppError {
  readonly streamId: string;
  readonly expectedRevision: string;
  readonly actualRevision: string;

  constructor(streamId: string, expected: unknown, actual: unknown, cause?: unknown) {
    super('conflict', `stream ${streamId}: expected revision ${String(expected)}, actual ${String(actual)}`, {
      retriable: true,
      details: { streamId, expectedRevision: String(expected), actualRevision: String(actual) },
      cause,
    });
    this.streamId = streamId;
    this.expectedRevision = String(expected);
    this.actualRevision = String(actual);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('precondition_failed', message, { details });
  }
}

export class ConfigError extends AppError {
  readonly setting: string;
  constructor(setting: string, message: string) {
    super('validation', `invalid configuration ${setting}: ${message}`, { details: { setting } });
    this.setting = setting;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
