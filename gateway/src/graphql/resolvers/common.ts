import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function safeInteger(value: unknown): number {
  const number = typeof value === 'string' && /^-?[0-9]{1,16}$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number)) throw new GraphQLError(`SafeInt must be a whole number between ${Number.MIN_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`, { extensions: { code: 'BAD_USER_INPUT' } });
  return number;
}

/** Integers JSON carries exactly (JavaScript's safe range): money up to 10^10 minor units does not fit GraphQL's 32-bit Int. */
export const safeIntScalar = new GraphQLScalarType({
  name: 'SafeInt',
  description: "An integer beyond GraphQL's 32-bit Int: money in minor units (up to 10^10) and log positions; a JSON number.",
  serialize: safeInteger,
  parseValue: (value) => (typeof value === 'number' ? safeInteger(value) : safeInteger(undefined)),
  parseLiteral: (node) => (node.kind === Kind.INT ? safeInteger(node.value) : safeInteger(undefined)),
});

/** A page as the REST lists answer it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const toConnection = <T>(page: Page<T>) => ({ nodes: page.items, pageInfo: { hasNextPage: page.nextCursor !== null, endCursor: page.nextCursor } });

/** Cursor arguments as the REST lists take them. */
export const pageQuery = (args: { first?: number | null; after?: string | null }) => ({ limit: args.first, cursor: args.after });

/**
 * One path segment from an argument: encoded, and never `.` or `..`, which a URL would resolve
 * into another route.
 */
export function segment(name: string, value: string): string {
  if (value === '.' || value === '..' || value === '') throw new GraphQLError(`${name} is not a valid identifier`, { extensions: { code: 'BAD_USER_INPUT', status: 400, errors: [{ field: name, message: 'invalid' }] } });
  return encodeURIComponent(value);
}

/** The arguments given, without the ones left out or null: the REST bodies refuse null where they mean "absent". */
export const given = (values: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== null));
