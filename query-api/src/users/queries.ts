import { ValidationError } from '@ecommerce/platform';
import type { Filter, ReadCollection, Sort } from '@ecommerce/platform';
import type { ListUsersQuery, MeView, UserDocument, UserView } from '@ecommerce/schemas';

type SortKey = ListUsersQuery['sort'];

const sorts: Record<SortKey, { field: 'createdAt' | 'email'; direction: 1 | -1 }> = {
  newest: { field: 'createdAt', direction: -1 },
  email: { field: 'email', direction: 1 },
};

interface Cursor {
  sort: SortKey;
  value: string;
  id: string;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const encodeUserCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string, sort: SortKey): Cursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (cursor.sort === sort && typeof cursor.id === 'string' && typeof cursor.value === 'string') return cursor;
  } catch {
    // reported below
  }
  throw new ValidationError('cursor is malformed or belongs to another sort order', [{ field: 'query.cursor', message: 'malformed cursor' }]);
}

/** Role, status, and `q` as a prefix of the email (stored normalized, lower-case) or of the name (any case). */
export function userFilterClauses(query: ListUsersQuery): Filter[] {
  const clauses: Filter[] = [];
  if (query.role) clauses.push({ role: query.role });
  if (query.status) clauses.push({ status: query.status });
  if (query.q) {
    const prefix = `^${escapeRegex(query.q)}`;
    clauses.push({ $or: [{ email: { $regex: `^${escapeRegex(query.q.normalize('NFC').toLowerCase())}` } }, { name: { $regex: prefix, $options: 'i' } }] });
  }
  return clauses;
}

/** One page by keyset pagination on (sort field, _id): stable under concurrent writes, no offsets. */
export async function findUserPage(users: ReadCollection<UserDocument>, query: ListUsersQuery): Promise<{ items: UserDocument[]; nextCursor: string | null }> {
  const { field, direction } = sorts[query.sort];
  const clauses = userFilterClauses(query);
  if (query.cursor) {
    const cursor = decodeCursor(query.cursor, query.sort);
    const beyond = direction === 1 ? '$gt' : '$lt';
    clauses.push({ $or: [{ [field]: { [beyond]: cursor.value } }, { [field]: cursor.value, _id: { [beyond]: cursor.id } }] });
  }
  // an empty $and is refused by MongoDB
  const filter: Filter = clauses.length > 0 ? { $and: clauses } : {};
  const sort: Sort = { [field]: direction, _id: direction };
  const found = await users.find(filter, { sort, limit: query.limit + 1 });
  const items = found.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = found.length > query.limit && last ? encodeUserCursor({ sort: query.sort, value: last[field], id: last._id }) : null;
  return { items, nextCursor };
}

/** Field by field, so nothing the document might gain later reaches a response by accident. */
export function toUserView(doc: UserDocument): UserView {
  return { id: doc._id, email: doc.email, name: doc.name, role: doc.role, status: doc.status, revision: doc.revision, createdAt: doc.createdAt, updatedAt: doc.updatedAt };
}

/** The caller's own profile: the user, the saved addresses and the preferences (defaults on documents projected before they existed). */
export function toMeView(doc: UserDocument): MeView {
  return {
    ...toUserView(doc),
    addresses: (doc.addresses ?? []).map(({ addressId, address }) => ({
      id: addressId, recipient: address.recipient, line1: address.line1, line2: address.line2, city: address.city, region: address.region, postalCode: address.postalCode, country: address.country,
    })),
    notificationPreferences: doc.notificationPreferences ?? { email: true, sms: false, phoneNumber: null },
  };
}
