/**
 * Revision bookkeeping shared by both adapters. Stream ids become field names under
 * `_revisions`, and MongoDB forbids `.` and a leading `$` in field names, so both adapters
 * store them percent-encoded and hand them back decoded.
 */
import type { RevisionGuard } from './port';

export type Revisions = Record<string, number>;

const unsafeCharacter = /[%.$]/g;
const anyUnsafeCharacter = /[%.$]/;
const encodedCharacter = /%([0-9A-F]{2})/g;

/** The field name under `_revisions` for a stream id; identity for ids without `%`, `.` or `$`. */
export const revisionKey = (stream: string): string =>
  // Most stream ids need no encoding, and every guarded write asks twice: a test is cheaper than a replace.
  anyUnsafeCharacter.test(stream) ? stream.replace(unsafeCharacter, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`) : stream;

export const streamOfRevisionKey = (key: string): string =>
  key.replace(encodedCharacter, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** Dotted path of a stream's revision, for filters such as `{ [revisionPath(s)]: { $gte: 3 } }`. */
export const revisionPath = (stream: string): string => `_revisions.${revisionKey(stream)}`;

/**
 * An empty object for revisions by stream id. Each stream id is a property name few other objects
 * have, and V8 gives an object a new hidden class for each new name (2-3 µs each; a rebuild makes
 * tens of thousands): this one is put in dictionary mode first, by deleting a property that is not
 * its last, and takes the names as hash-table entries (0.2-0.5 µs). It is still a plain object
 * (`Object.prototype`, keys in insertion order), as the stores and mingo expect.
 */
export function emptyRevisions(): Revisions {
  const revisions: Revisions = { dictionary: 0, mode: 0 };
  delete revisions.dictionary;
  delete revisions.mode;
  return revisions;
}

const mapKeys = (revisions: Revisions, rename: (key: string) => string): Revisions => {
  const renamed = emptyRevisions();
  for (const [key, revision] of Object.entries(revisions)) renamed[rename(key)] = revision;
  return renamed;
};

export const encodeRevisions = (revisions: Revisions): Revisions => mapKeys(revisions, revisionKey);

export const decodeRevisions = (revisions: Revisions): Revisions =>
  Object.keys(revisions).some((key) => key.includes('%')) ? mapKeys(revisions, streamOfRevisionKey) : revisions;

/** Whether a guarded write is newer than what the stored (encoded) revisions have seen. */
export const isNewer = (stored: Revisions | undefined, guard: RevisionGuard): boolean => {
  const seen = stored?.[revisionKey(guard.stream)];
  return seen === undefined || seen < guard.revision;
};

/** Stored (encoded) revisions after applying a guarded write; other streams keep theirs. */
export const withRevision = (stored: Revisions | undefined, guard: RevisionGuard): Revisions => {
  const revisions = emptyRevisions();
  if (stored) for (const [key, revision] of Object.entries(stored)) revisions[key] = revision;
  revisions[revisionKey(guard.stream)] = guard.revision;
  return revisions;
};

/** A document handed to callers: `_revisions` keys decoded back to stream ids. */
export const withDecodedRevisions = <T extends { _revisions?: Revisions }>(doc: T): T =>
  doc._revisions === undefined ? doc : { ...doc, _revisions: decodeRevisions(doc._revisions) };

const needsEncoding = (revisions: Revisions): boolean => {
  for (const key in revisions) if (anyUnsafeCharacter.test(key)) return true;
  return false;
};

/** A document as stored: `_revisions` keys encoded (the document itself when none needs it: a rebuild inserts thousands). */
export const withEncodedRevisions = <T extends { _revisions?: Revisions }>(doc: T): T =>
  doc._revisions === undefined || !needsEncoding(doc._revisions) ? doc : { ...doc, _revisions: encodeRevisions(doc._revisions) };
