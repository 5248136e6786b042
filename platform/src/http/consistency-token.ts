import { ValidationError } from '../errors';

/** Where a command's last event landed: a query carrying it waits until the read model has caught up (DESIGN §7). */
export interface ConsistencyToken {
  stream: string;
  revision: number;
  position: number;
}

export const consistencyHeader = 'x-consistency-token';

export const encodeConsistencyToken = (token: ConsistencyToken): string =>
  Buffer.from(JSON.stringify([token.stream, token.revision, token.position])).toString('base64url');

export function decodeConsistencyToken(value: string): ConsistencyToken {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 3) {
      const [stream, revision, position] = parsed as unknown[];
      if (typeof stream === 'string' && Number.isSafeInteger(revision) && Number.isSafeInteger(position)) {
        return { stream, revision: revision as number, position: position as number };
      }
    }
  } catch {
    // fall through to the validation error
  }
  throw new ValidationError('malformed consistency token', [{ field: consistencyHeader, message: 'malformed consistency token' }]);
}
