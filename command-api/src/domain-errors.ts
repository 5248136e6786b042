import type { ErrorRequestHandler } from 'express';
import { AppError } from '@ecommerce/platform';
import type { ErrorCode } from '@ecommerce/platform';
import { DomainError } from '@ecommerce/domain';

/** Domain errors are pure; here, at the API's edge, they become platform errors with an HTTP status and the field they name. */
export const domainErrorsToProblems: ErrorRequestHandler = (error, _req, _res, next) => {
  if (!(error instanceof DomainError)) return next(error);
  const code: ErrorCode = error.code;
  next(new AppError(code, error.message, { issues: error.field ? [{ field: error.field, message: error.message }] : [], cause: error }));
};
