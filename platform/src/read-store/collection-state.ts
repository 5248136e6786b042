/**
 * One embedded collection held in memory: live documents, tombstones (revisions of deleted
 * documents, so an older redelivered write cannot resurrect them) and indexes, with unique
 * indexes enforced through a key → owner map. Persistence is the caller's concern.
 */
import { AppError } from '../errors';
import type { Document, IndexSpec } from './port';
import type { Revisions } from './revisions';

export type Entry = { live: Document } | { tombstone: Revisions } | undefined;

interface UniqueIndex {
  fields: string[];
  owners: Map<string, string>;
}

/** MongoDB's default index name: `field_1_other_-1`. */
export const indexNameOf = (spec: IndexSpec): string =>
  spec.name ?? Object.entries(spec.keys).map(([field, direction]) => `${field}_${direction}`).join('_');

const valueAt = (doc: Document, path: string): unknown => {
  let value: unknown = doc;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
};

// As in MongoDB, a missing field indexes as null, so two documents without it collide.
const indexKeyOf = (doc: Document, fields: string[]): string =>
  JSON.stringify(fields.map((field) => valueAt(doc, field) ?? null));

export class CollectionState {
  readonly docs = new Map<string, Document>();
  readonly tombstones = new Map<string, Revisions>();
  readonly indexes = new Map<string, IndexSpec>();
  private readonly unique = new Map<string, UniqueIndex>();

  constructor(readonly name: string) {}

  entry(id: string): Entry {
    const live = this.docs.get(id);
    if (live) return { live };
    const tombstone = this.tombstones.get(id);
    return tombstone ? { tombstone } : undefined;
  }

  /**
   * Candidate ids for a filter with a plain equality on every field of a unique index
   * (`{ sku: 'X' }`): at most one document can match, found without a scan. Undefined when
   * no unique index covers the filter.
   */
  candidatesByUniqueIndex(filter: Record<string, unknown>): string[] | undefined {
    for (const index of this.unique.values()) {
      const values = index.fields.map((field) => filter[field]);
      if (!values.every((value) => typeof value === 'string' || typeof value === 'number')) continue;
      const owner = index.owners.get(JSON.stringify(values));
      return owner === undefined ? [] : [owner];
    }
    return undefined;
  }

  /** Revisions the guarded writes compare against: the live document's, else the tombstone's. */
  revisionsOf(id: string): Revisions | undefined {
    return this.docs.get(id)?._revisions ?? this.tombstones.get(id);
  }

  /** Sets an entry; throws a conflict (changing nothing) when a unique index would break. */
  set(id: string, next: Entry, checkUnique = true): void {
    if (next && 'live' in next && checkUnique) this.assertUnique(next.live);
    this.unindex(id);
    this.docs.delete(id);
    this.tombstones.delete(id);
    if (!next) return;
    if ('live' in next) {
      this.docs.set(id, next.live);
      this.index(next.live);
    } else {
      this.tombstones.set(id, next.tombstone);
    }
  }

  addIndex(spec: IndexSpec): void {
    const name = indexNameOf(spec);
    const existing = this.indexes.get(name);
    if (existing) {
      if (JSON.stringify(existing.keys) === JSON.stringify(spec.keys) && !existing.unique === !spec.unique) return;
      throw new AppError('conflict', `index ${name} of ${this.name} already exists with other options`, {
        details: { collection: this.name, index: name },
      });
    }
    if (spec.unique) {
      const index: UniqueIndex = { fields: Object.keys(spec.keys), owners: new Map() };
      for (const doc of this.docs.values()) {
        const key = indexKeyOf(doc, index.fields);
        if (index.owners.has(key)) throw this.duplicateKey(name, key);
        index.owners.set(key, doc._id);
      }
      this.unique.set(name, index);
    }
    this.indexes.set(name, { ...spec, name });
  }

  private assertUnique(doc: Document): void {
    for (const [name, index] of this.unique) {
      const key = indexKeyOf(doc, index.fields);
      const owner = index.owners.get(key);
      if (owner !== undefined && owner !== doc._id) throw this.duplicateKey(name, key);
    }
  }

  private index(doc: Document): void {
    for (const index of this.unique.values()) index.owners.set(indexKeyOf(doc, index.fields), doc._id);
  }

  private unindex(id: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    for (const index of this.unique.values()) {
      const key = indexKeyOf(doc, index.fields);
      if (index.owners.get(key) === id) index.owners.delete(key);
    }
  }

  private duplicateKey(index: string, key: string): AppError {
    return new AppError('conflict', `duplicate key ${key} in collection ${this.name}, unique index ${index}`, {
      details: { collection: this.name, index, key },
    });
  }
}
