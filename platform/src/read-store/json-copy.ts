/**
 * A copy of a value as a JSON round trip would give it (`JSON.parse(JSON.stringify(value))`),
 * made without the text in between when the value is plain data: plain objects, arrays, strings,
 * finite numbers, booleans and null. Anything else (a Date, a class instance, an object of another
 * realm, a `toJSON`, an own `__proto__` key) takes the round trip itself. The stores copy every
 * document a caller hands in or gets back; the text was most of what a write cost.
 */
const notPlain = Symbol('not plain');

const skippedInObjects = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

function copyPlain(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (typeof value !== 'object') return notPlain;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      const copied = skippedInObjects(item) ? null : copyPlain(item);
      if (copied === notPlain) return notPlain;
      copy[index] = copied;
    }
    return copy;
  }
  // Objects of another realm (jest's vm) come back as this realm's, as from JSON.parse: mingo tells plain objects by their constructor.
  if (Object.getPrototypeOf(value) !== Object.prototype || typeof (value as { toJSON?: unknown }).toJSON === 'function') return notPlain;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return notPlain;
    const field = (value as Record<string, unknown>)[key];
    if (skippedInObjects(field)) continue;
    const copied = copyPlain(field);
    if (copied === notPlain) return notPlain;
    copy[key] = copied;
  }
  return copy;
}

export function jsonCopy<T>(value: T): T {
  const copied = copyPlain(value);
  return (copied === notPlain ? JSON.parse(JSON.stringify(value)) : copied) as T;
}
