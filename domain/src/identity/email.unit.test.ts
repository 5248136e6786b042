import { assertNormalizedEmail, normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each([
    ['ada@example.com', 'ada@example.com'],
    ['  Ada.Lovelace@Example.COM \n', 'ada.lovelace@example.com'],
    // "é" decomposed (e + combining acute) and composed are one address.
    ['Rene\u0301@example.com', 'ren\u00e9@example.com'],
    ['ren\u00e9@example.com', 'ren\u00e9@example.com'],
    ['ÉLODIE@EXAMPLE.FR', 'élodie@example.fr'],
    ['a+tag@sub.example.co.uk', 'a+tag@sub.example.co.uk'],
  ])('normalizes %p to %p', (raw, normalized) => {
    expect(normalizeEmail(raw)).toBe(normalized);
  });

  it('is idempotent', () => {
    for (const raw of ['  X@Y.z', 'Rene\u0301@EXAMPLE.com']) expect(normalizeEmail(normalizeEmail(raw))).toBe(normalizeEmail(raw));
  });

  it.each([
    ['', 'exactly one @'],
    ['ada', 'exactly one @'],
    ['ada@@example.com', 'exactly one @'],
    ['a@b@example.com', 'exactly one @'],
    ['ada lovelace@example.com', 'spaces'],
    ['ada@exa\tmple.com', 'spaces'],
    ['ada\u00a0@example.com', 'spaces'],
    ['ada\u200b@example.com', 'invisible'],
    ['ada\u0000@example.com', 'invisible'],
    ['@example.com', 'name before'],
    ['ada@', 'domain after'],
    [`${'a'.repeat(250)}@x.io`, 'at most 254'],
  ])('refuses %p', (raw, message) => {
    expect(() => normalizeEmail(raw)).toThrow(expect.objectContaining({ name: 'DomainError', code: 'validation', field: 'email' }));
    expect(() => normalizeEmail(raw)).toThrow(message);
  });

  it('refuses what is not text', () => {
    expect(() => normalizeEmail(42 as unknown as string)).toThrow(expect.objectContaining({ code: 'validation', field: 'email' }));
  });
});

describe('assertNormalizedEmail', () => {
  it('accepts only the normalized spelling', () => {
    expect(() => assertNormalizedEmail('ada@example.com')).not.toThrow();
    expect(() => assertNormalizedEmail('Ada@example.com')).toThrow(expect.objectContaining({ code: 'validation', field: 'email' }));
    expect(() => assertNormalizedEmail('Rene\u0301@example.com'.toLowerCase())).toThrow(/normalized/);
  });
});
