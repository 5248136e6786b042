import { commonPasswordList, hashPassword, needsRehash, passwordHashing, passwordPolicyIssues, verifyAgainstDummy, verifyPassword } from './passwords';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP baseline and verifies the same password only', async () => {
    const hash = await hashPassword('tangerine-lighthouse-42');
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    await expect(verifyPassword(hash, 'tangerine-lighthouse-42')).resolves.toBe(true);
    await expect(verifyPassword(hash, 'tangerine-lighthouse-43')).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    const [first, second] = await Promise.all([hashPassword('same password here'), hashPassword('same password here')]);
    expect(first).not.toBe(second);
  });

  it('flags hashes made with weaker parameters for rehashing', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash('tangerine-lighthouse-42', { ...passwordHashing, memoryCost: 4096 });
    await expect(verifyPassword(weak, 'tangerine-lighthouse-42')).resolves.toBe(true);
    expect(needsRehash(weak)).toBe(true);
  });

  it('verifies against the dummy hash, answering false whatever the password', async () => {
    await expect(verifyAgainstDummy('anything at all')).resolves.toBe(false);
    await expect(verifyAgainstDummy('')).resolves.toBe(false);
  });
});

describe('password policy', () => {
  const messages = (password: string, email = 'jane.doe@example.com') => passwordPolicyIssues(password, email).map((issue) => issue.message);

  it('accepts a long, unusual password', () => {
    expect(passwordPolicyIssues('violet-harbor-sextant-9', 'jane.doe@example.com')).toEqual([]);
  });

  it('refuses passwords shorter than 10 or longer than 128 characters', () => {
    expect(messages('short-pw1')).toEqual(['must be at least 10 characters']);
    expect(messages('x'.repeat(10))).toEqual([]);
    expect(messages('y'.repeat(128))).toEqual([]);
    expect(messages('z'.repeat(129))).toEqual(['must be at most 128 characters']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(messages('🔑'.repeat(9) + 'k')).toEqual([]);
    expect(messages('🔑'.repeat(9))).toEqual(['must be at least 10 characters']);
  });

  it('refuses a password containing the email local part, in any case, with or without a +tag', () => {
    expect(messages('my-JANE.DOE-secret-7')).toEqual(['must not contain your email address']);
    expect(messages('sailing-with-jane-99', 'Jane+shop@example.com')).toEqual(['must not contain your email address']);
    // a two-letter local part would forbid too much
    expect(messages('fireworks-over-the-bay', 'th@example.com')).toEqual([]);
  });

  it('refuses common passwords case-insensitively, also with a trailing run of digits or symbols', () => {
    expect(messages('qwertyuiop')).toEqual(['is too common']);
    expect(messages('QwertyUIOP')).toEqual(['is too common']);
    expect(messages('1234567890')).toEqual(['is too common']);
    expect(messages('Password2024!')).toEqual(['is too common']);
    expect(messages('password')).toEqual(['must be at least 10 characters', 'is too common']);
  });

  it('ships a list of at least 200 lower-case entries', () => {
    const list = commonPasswordList();
    expect(list.size).toBeGreaterThanOrEqual(200);
    expect(list.has('password')).toBe(true);
    expect(list.has('123456789')).toBe(true);
    expect([...list].every((entry) => entry === entry.toLowerCase() && !entry.startsWith('#'))).toBe(true);
  });
});
