import { Command } from 'commander';
import { ConfigError, createLogger, loadSettings } from '@ecommerce/platform';
import type { Logger, Settings } from '@ecommerce/platform';
import { runComponents } from './components';
import { registerProjectionCommands } from './commands/projections';
import { registerSeedCommand } from './commands/seed';
import { registerBenchCommand } from './commands/bench';
import { registerTortureCommand } from './torture/command';
import { registerUserCommands } from './commands/users';
import { registerDlqCommands } from './commands/dlq';
import { registerVerifyCommand } from './commands/verify';

/** Settings are read once, here; a bad one stops the process with its name (DESIGN §4.9). */
function boot(): { settings: Settings; logger: Logger } {
  try {
    const settings = loadSettings();
    return { settings, logger: createLogger({ level: settings.LOG_LEVEL, name: 'ecommerce' }) };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`ecommerce: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

function serve(parts: Parameters<typeof runComponents>[2]) {
  return async () => {
    const { settings, logger } = boot();
    const running = await runComponents(settings, logger, parts);
    let stopping = false;
    // Stop taking work, finish or hand back the batch, commit, close; past SHUTDOWN_TIMEOUT_MS exit 1 whatever is left.
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      logger.info({ signal, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
      setTimeout(() => {
        logger.error({ signal, timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutdown did not finish in time: exiting with what is left open');
        process.exit(1);
      }, settings.SHUTDOWN_TIMEOUT_MS).unref();
      running.stop().then(
        () => {
          logger.info({ ms: Date.now() - started }, 'stopped cleanly');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  };
}

const program = new Command('ecommerce').description('Event-sourced e-commerce platform').showHelpAfterError();

program.command('start').description('everything in one process on PORT (default 8080): gateway, APIs, mirror, projections; seeds the demo catalog on an empty store')
  .action(serve({ gateway: true, mirror: true, projections: true, processors: true, seedIfEmpty: true }));
program.command('gateway').description('the public entry point; proxies to COMMAND_API_URL and QUERY_API_URL when both are set').action(serve({ gateway: true }));
program.command('command-api').description('the write API alone on COMMAND_API_PORT').action(serve({ commandApi: true }));
program.command('query-api').description('the read API alone on QUERY_API_PORT').action(serve({ queryApi: true }));
program.command('mirror').description('event store $all → log event topics, exactly once').action(serve({ mirror: true }));
program.command('processors').description('the router, the inventory and order actors, and the timers: stock reservation and the order lifecycle').action(serve({ processors: true }));

program.command('schema-registry').description('the Confluent-compatible schema registry alone on SCHEMA_REGISTRY_PORT (8085); its state is the _schemas topic of the log (Kafka when KAFKA_BROKERS is set)')
  .action(serve({ schemaRegistry: true }));
registerProjectionCommands(program, boot, serve({ projections: true }));
registerSeedCommand(program, boot);
registerUserCommands(program, boot);
registerDlqCommands(program, boot);
registerVerifyCommand(program, boot);
registerBenchCommand(program, boot);
registerTortureCommand(program, boot);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`ecommerce: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`ecommerce: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
