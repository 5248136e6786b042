/** The `$set` of a guarded partial update, applied with MongoDB semantics (through mingo when paths are dotted). */
import { update } from 'mingo';
import { ValidationError } from '../errors';
import { jsonCopy } from './json-copy';
import type { Document, GuardedUpdate } from './port';

/** `_id` and `_revisions` belong to the store; a partial update may not set them. */
export const assertSettable = (write: GuardedUpdate): void => {
  const reserved = Object.keys(write.set).filter((field) => field === '_id' || field === '_revisions' || field.startsWith('_revisions.'));
  if (reserved.length > 0) {
    throw new ValidationError(`a guarded update may not set ${reserved.join(', ')}`, reserved.map((field) => ({ field, message: 'managed by the read store' })));
  }
};


/**
 * A top-level field that `$set` simply assigns: no path, no operator, nothing an object
 * spread would treat differently (`__proto__` would set the prototype instead).
 */
const isPlainField = (field: string): boolean => !field.includes('.') && !field.startsWith('$') && field !== '__proto__';

/**
 * A new document: `base` (or `{_id}`) with the update's fields set; dotted paths create nested
 * objects. The result is plain JSON as long as `base` is. With top-level fields only it is a
 * shallow merge (mingo's query setup costs more than the update itself), so it shares nested
 * values with `base`: stored documents are never changed in place, only replaced.
 */
export const withFieldsSet = (id: string, base: Document | undefined, set: Record<string, unknown>): Document => {
  const fields = jsonCopy(set);
  if (Object.keys(fields).every(isPlainField)) return { ...(base ?? { _id: id }), ...fields };
  const doc: Document = base ? jsonCopy(base) : { _id: id };
  update(doc, { $set: fields });
  return doc;
};
