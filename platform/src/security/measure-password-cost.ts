// What one hash and one verify cost on this machine with `passwordHashing`:
//   npx tsx platform/src/security/measure-password-cost.ts [rounds]
// OWASP suggests keeping a login's hash under about a second; ours should be tens of ms.
import { hashPassword, verifyPassword, passwordHashing } from './passwords';

async function timeMs(rounds: number, work: (round: number) => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) await work(round);
  return Number(process.hrtime.bigint() - started) / 1e6 / rounds;
}

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 20);
  const stored = await hashPassword('warm-up-password-1'); // loads the native module and warms the allocator
  const hashMs = await timeMs(rounds, (round) => hashPassword(`correct horse battery ${round}`));
  const verifyMs = await timeMs(rounds, () => verifyPassword(stored, 'warm-up-password-1'));
  process.stdout.write(`${JSON.stringify({ parameters: passwordHashing, rounds, hashMs: hashMs.toFixed(1), verifyMs: verifyMs.toFixed(1) })}\n`);
}

void main();
