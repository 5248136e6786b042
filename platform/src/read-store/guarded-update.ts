/** The `$set` of a guarded partial update, applied with MongoDB semantics (through mingo). */
import { update } from 'mingo';
import { ValidationError } from '../errors';
import type { Document, GuardedUpdate } from './port';

/** `_id` and `_revisions` belong to the store; a partial update may not set them. */
export const assertSettable = (write: GuardedUpdate): void => {
  const reserved = Object.keys(write.set).filter((field) => field === '_id' || field === '_revisions' || field.startsWith('_revisions.'));
  if (reserved.length > 0) {
    throw new ValidationError(`a guarded update may not set ${reserved.join(', ')}`, reserved.map((field) => ({ field, message: 'managed by the read store' })));
  }
};

/**
 * Documents are JSON, and a JSON round trip makes plain objects of this realm: mingo tells
 * plain objects by their constructor, which `structuredClone` does not keep under jest's vm.
 */
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A copy of `base` (or a new document `{_id}`) with the update's fields set; dotted paths create nested objects. */
export const withFieldsSet = (id: string, base: Document | undefined, set: Record<string, unknown>): Document => {
  const doc: Document = base ? jsonCopy(base) : { _id: id };
  update(doc, { $set: jsonCopy(set) });
  return doc;
};
