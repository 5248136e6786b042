import { ValidationError } from '../errors';

/** Where a command's last event landed: a query carrying it waits until the read model has caught up (DESIGN §7). */
export interface ConsistencyToken {
  stream: string;
  revision: number;
  position: number;
}

export const consistencyHeader = 'x-consistency-token';

/**
 * `<position>.<revision>.<stream>`: plain enough for the OpenAPI document to state exactly
 * which tokens are accepted (a pattern), so any token of that form is waited for, within the bound.
 */
const tokenPattern = /^([0-9]{1,15})\.([0-9]{1,15})\.([\x21-\x7e]{1,200})$/;

export const encodeConsistencyToken = (token: ConsistencyToken): string => `${token.position}.${token.revision}.${token.stream}`;

export function decodeConsistencyToken(value: string): ConsistencyToken {
  const match = tokenPattern.exec(value.trim());
  if (!match?.[1] || !match[2] || !match[3]) {
    throw new ValidationError('malformed consistency token', [{ field: consistencyHeader, message: 'must be a consistency token a command answered' }]);
  }
  return { position: Number(match[1]), revision: Number(match[2]), stream: match[3] };
}
