/** The refusals a decider can give; the command API maps each to an HTTP status. */
export type DomainErrorCode = 'validation' | 'not_found' | 'conflict' | 'precondition_failed';

/**
 * A decider's refusal. Pure on purpose (the domain imports no platform code):
 * the command API translates it into the platform's AppError and problem+json.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Dotted path of the command field at fault, e.g. `price.amount`, when one is. */
  readonly field?: string;

  constructor(code: DomainErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }

  static validation(message: string, field?: string): DomainError {
    return new DomainError('validation', message, field);
  }

  static notFound(message: string, field?: string): DomainError {
    return new DomainError('not_found', message, field);
  }

  static conflict(message: string, field?: string): DomainError {
    return new DomainError('conflict', message, field);
  }

  static preconditionFailed(message: string, field?: string): DomainError {
    return new DomainError('precondition_failed', message, field);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
