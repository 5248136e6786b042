import type { Command } from 'commander';
import { createAccounts } from '@ecommerce/command-api';
import { createLoginThrottle } from '@ecommerce/platform';
import type { Logger, Settings } from '@ecommerce/platform';
import { openAdapters } from '../adapters';
import { loadSigningKeys, rotateSigningKeys } from '../keys';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function registerUserCommands(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  program
    .command('keys')
    .description('token signing keys')
    .command('rotate')
    .description('make a new signing key current; the previous one keeps verifying until its tokens expire (running processes reload within 30 s)')
    .action(async () => {
      const { settings } = boot();
      const { kid, retired } = await rotateSigningKeys(settings);
      process.stdout.write(`signing key ${kid} is current; ${retired} verifies until its tokens expire\n`);
    });

  const users = program.command('users').description('accounts');
  users
    .command('create-admin')
    .description('create an admin account (the password comes from ADMIN_PASSWORD or, with --password-stdin, from standard input; never from the command line)')
    .requiredOption('--email <email>', 'the admin\'s email')
    .option('--name <name>', 'display name', 'Administrator')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (options: { email: string; name: string; passwordStdin?: boolean }) => {
      const { settings, logger } = boot();
      const password = options.passwordStdin ? await readStdin() : settings.ADMIN_PASSWORD;
      if (!password) throw new Error('give the password with --password-stdin or ADMIN_PASSWORD');
      const adapters = await openAdapters(settings, logger, ['eventStore']);
      try {
        const keyRing = await loadSigningKeys(settings);
        const accounts = createAccounts({ eventStore: adapters.eventStore, clock: () => new Date() }, {
          keyRing: () => keyRing, throttle: createLoginThrottle(), accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS, refreshTokenTtlDays: settings.REFRESH_TOKEN_TTL_DAYS,
        });
        const result = await accounts.ensureAdmin({ email: options.email, password, name: options.name });
        process.stdout.write(result.created ? `admin ${options.email} created (${result.userId})\n` : `an account with ${options.email} already exists (${result.userId}); nothing changed\n`);
      } finally {
        await adapters.close();
      }
    });
}
