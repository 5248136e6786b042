import { createHash, randomUUID } from 'node:crypto';

/** RFC 4122 version 5 (SHA-1, name-based) UUID: the same cause always yields the same event id (DESIGN §4.4). */
export function uuidV5(name: string, namespace: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new Error(`namespace must be a UUID, got ${namespace}`);
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Namespace of every event id the platform derives. */
export const eventIdNamespace = '6f1c3c2e-4b7a-5d2e-9a51-0c6b3f9e8d10';

/** Event `index` caused by message `causeId`. */
export const deterministicEventId = (causeId: string, index: number): string => uuidV5(`${causeId}:${index}`, eventIdNamespace);

export const randomId = (): string => randomUUID();
