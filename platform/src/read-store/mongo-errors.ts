/** Translation of MongoDB driver errors into ours, at the adapter boundary. */
import type { Collection } from 'mongodb';
import { AppError } from '../errors';

const duplicateKeyCode = 11000;
const namespaceNotFoundCode = 26;
const indexConflictCodes = new Set([85, 86]); // IndexOptionsConflict, IndexKeySpecsConflict

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * FerretDB reports an update or replace that breaks a unique index as an internal error (code 1)
 * carrying its backend's message, not as a duplicate key (its inserts do say 11000).
 */
const backendUniqueViolation = /UNIQUE constraint failed|duplicate key value violates unique constraint/;

export const isDuplicateKey = (error: unknown): boolean => codeOf(error) === duplicateKeyCode || (codeOf(error) === 1 && backendUniqueViolation.test(messageOf(error)));

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

const valueAt = (doc: Record<string, unknown>, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);

/**
 * The same conflict, with the index named even where the server's message does not name it
 * (FerretDB says only "duplicate key"): the unique index under which another document already
 * has the written document's key.
 */
export async function duplicateKeyConflictOf(
  main: Collection<never>,
  collection: string,
  error: unknown,
  doc?: Record<string, unknown>,
): Promise<AppError> {
  if (/index: \S+/.test(messageOf(error)) || !doc) return duplicateKeyConflict(collection, error);
  const indexes = (await main.listIndexes().toArray()) as Array<{ name: string; key: Record<string, unknown>; unique?: boolean }>;
  for (const index of indexes) {
    if (!index.unique || index.name === '_id_') continue;
    const key = Object.fromEntries(Object.keys(index.key).map((field) => [field, valueAt(doc, field) ?? null]));
    if (await main.findOne({ ...key, _id: { $ne: doc._id } } as never)) {
      return duplicateKeyConflict(collection, { code: duplicateKeyCode, errmsg: `${messageOf(error)} index: ${index.name}` });
    }
  }
  return duplicateKeyConflict(collection, error);
}
