/** Translation of MongoDB driver errors into ours, at the adapter boundary. */
import { AppError } from '../errors';

const duplicateKeyCode = 11000;
const namespaceNotFoundCode = 26;
const indexConflictCodes = new Set([85, 86]); // IndexOptionsConflict, IndexKeySpecsConflict

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

export const isDuplicateKey = (error: unknown): boolean => codeOf(error) === duplicateKeyCode;

export const isNamespaceNotFound = (error: unknown): boolean => codeOf(error) === namespaceNotFoundCode;

export const isIndexConflict = (error: unknown): boolean => indexConflictCodes.has(codeOf(error) as number);

const messageOf = (error: unknown): string => {
  if (typeof error !== 'object' || error === null) return String(error);
  const { errmsg, message } = error as { errmsg?: unknown; message?: unknown };
  return String(errmsg ?? message ?? '');
};

/** A duplicate key on a unique secondary index, as our 'conflict' naming the index. */
export const duplicateKeyConflict = (collection: string, error: unknown): AppError => {
  const message = messageOf(error);
  const index = /index: (\S+)/.exec(message)?.[1] ?? 'unknown';
  return new AppError('conflict', `duplicate key in collection ${collection}, unique index ${index}`, {
    details: { collection, index, driverMessage: message },
    cause: error,
  });
};
