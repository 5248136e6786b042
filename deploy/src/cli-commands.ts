import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every `.command('name'` the CLI registers (cli/src/main.ts and cli/src/commands): what a
 * container's command may start with. Read from the source, so a renamed subcommand breaks
 * the deployment checks instead of a container at start.
 */
export function cliSubcommands(repoRoot: string): Set<string> {
  const commandsDir = join(repoRoot, 'cli/src/commands');
  const files = [
    join(repoRoot, 'cli/src/main.ts'),
    ...readdirSync(commandsDir).filter((file) => file.endsWith('.ts') && !file.includes('.test.')).map((file) => join(commandsDir, file)),
  ];
  return new Set(files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\.command\('([a-z-]+)/g)].map((match) => match[1] ?? '')));
}

/** The setting holding the port each HTTP role listens on. */
export const listeningPortSetting: Record<string, 'PORT' | 'COMMAND_API_PORT' | 'QUERY_API_PORT'> = {
  start: 'PORT',
  gateway: 'PORT',
  'command-api': 'COMMAND_API_PORT',
  'query-api': 'QUERY_API_PORT',
};
