import { ValidationError } from '../errors';

/** Stream revisions travel as strong ETags: `"7"`. */
export const etagOf = (revision: number): string => `"${revision}"`;

/** The revision an `If-Match` header demands, or undefined when absent. `*` means "any existing". */
export function parseIfMatch(header: string | undefined): number | 'stream_exists' | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (value === '*') return 'stream_exists';
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(value);
  if (!match?.[1]) throw new ValidationError('If-Match must be an ETag like "3"', [{ field: 'if-match', message: 'must be an ETag like "3"' }]);
  return Number(match[1]);
}
