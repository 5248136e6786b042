import type { Command } from 'commander';
import type { Logger, Settings } from '@ecommerce/platform';
import { openAdapters } from '../adapters';
import { verifyEventStore } from '../verify/verify-store';

export function registerVerifyCommand(program: Command, boot: () => { settings: Settings; logger: Logger }): void {
  program
    .command('verify')
    .description('refold the whole event store and check the stock ledger of every SKU, every order total against its lines and every payment against its refunds; exits 1 on any finding')
    .action(async () => {
      const { settings, logger } = boot();
      const adapters = await openAdapters(settings, logger, ['eventStore']);
      try {
        const report = await verifyEventStore(adapters.eventStore);
        for (const finding of report.findings) process.stdout.write(`${finding.stream}${finding.revision === null ? '' : `@${finding.revision}`}\t${finding.problem}\n`);
        const summary = `${report.events} events: ${report.skus} SKUs, ${report.orders} orders, ${report.payments} payments; ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}`;
        process.stdout.write(`${summary}\n`);
        if (report.findings.length > 0) process.exitCode = 1;
      } finally {
        await adapters.close();
      }
    });
}
