import { AppError } from '@ecommerce/platform';
import type { Logger, Principal } from '@ecommerce/platform';
import type { CatalogCommands } from '@ecommerce/command-api';
import { demoCatalog } from './demo-catalog';

const seeder: Principal = { sub: 'demo-seed', role: 'admin' };

/** Create the demo catalog through the same commands as the API; products whose SKU exists are skipped, so it can run again. */
export async function seedDemoCatalog(commands: CatalogCommands, logger: Logger, onProgress?: (done: number, total: number) => void): Promise<{ created: number; skipped: number }> {
  const products = demoCatalog();
  let created = 0;
  let skipped = 0;
  for (const product of products) {
    try {
      await commands.createProduct(product, seeder);
      created += 1;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'conflict') && !(error instanceof Error && error.name === 'DomainError' && (error as { code?: string }).code === 'conflict')) throw error;
      skipped += 1;
    }
    onProgress?.(created + skipped, products.length);
  }
  logger.info({ created, skipped }, 'demo catalog seeded');
  return { created, skipped };
}
