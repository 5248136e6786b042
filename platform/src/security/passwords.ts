import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { hash, verify, parseOptions } from '@node-rs/argon2';
import type { Algorithm, Options } from '@node-rs/argon2';
import type { FieldIssue } from '../errors';

/**
 * The one place the cost of a password hash is set: OWASP's argon2id baseline
 * (19 MiB, 2 passes, 1 lane). `algorithm` is the value of the package's const enum
 * `Algorithm.Argon2id`, which isolatedModules cannot read from a declaration file.
 */
export const passwordHashing = {
  algorithm: 2 as Algorithm.Argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

export const passwordLength = { min: 10, max: 128 } as const;

/** A PHC string such as `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`; the salt is random per call. */
export const hashPassword = (plain: string): Promise<string> => hash(plain, passwordHashing);

/** False for a wrong password; a stored hash that is not a PHC string is a bug and throws. */
export const verifyPassword = (passwordHash: string, plain: string): Promise<boolean> => verify(passwordHash, plain);

/** True when a stored hash was made with other parameters than today's: rehash it after a successful login. */
export function needsRehash(passwordHash: string): boolean {
  const used = parseOptions(passwordHash);
  return (
    used.algorithm !== passwordHashing.algorithm ||
    used.memoryCost !== passwordHashing.memoryCost ||
    used.timeCost !== passwordHashing.timeCost ||
    used.parallelism !== passwordHashing.parallelism
  );
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real verification and always answers false, so a login
 * for an unknown email takes as long as one with a wrong password.
 */
export async function verifyAgainstDummy(plain: string): Promise<false> {
  dummyHash ??= hash(randomBytes(32).toString('base64url'), passwordHashing);
  await verify(await dummyHash, plain);
  return false;
}

let commonPasswords: Set<string> | undefined;

/** The shipped list, lower-cased; read once, on first use. */
export function commonPasswordList(): ReadonlySet<string> {
  commonPasswords ??= new Set(
    fs
      .readFileSync(path.join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return commonPasswords;
}

/** `Password2024!` is `password` with a suffix; guessers try those first, so we check the stem too. */
const stemOf = (lowered: string): string => lowered.replace(/[\d\W_]+$/u, '');

/** Local parts shorter than this would forbid nearly every password (`a@x.org`). */
const minimumLocalPartLength = 3;

function localPartsOf(email: string): string[] {
  const local = email.trim().toLowerCase().split('@')[0] ?? '';
  const withoutTag = local.split('+')[0] ?? '';
  return [...new Set([local, withoutTag])].filter((part) => part.length >= minimumLocalPartLength);
}

/** Why a new password is refused (empty when it is acceptable), as field issues for a ValidationError. */
export function passwordPolicyIssues(password: string, email: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const length = [...password].length;
  if (length < passwordLength.min) issues.push({ field: 'password', message: `must be at least ${passwordLength.min} characters` });
  if (length > passwordLength.max) issues.push({ field: 'password', message: `must be at most ${passwordLength.max} characters` });
  const lowered = password.toLowerCase();
  if (localPartsOf(email).some((part) => lowered.includes(part))) issues.push({ field: 'password', message: 'must not contain your email address' });
  const common = commonPasswordList();
  if (common.has(lowered) || common.has(stemOf(lowered))) issues.push({ field: 'password', message: 'is too common' });
  return issues;
}
