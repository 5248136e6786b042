/**
 * The read store contract: the same behaviour asked of every adapter (DESIGN §4.10).
 * Call it from an adapter's int test with a factory; each test works in collections of its own.
 */
import { guardedWritesContract } from './contract-guarded-writes';
import { queriesContract } from './contract-queries';
import { storeContract } from './contract-store';
import type { ContractContext, ReadStoreUnderTest } from './contract-helpers';
import type { Document } from './port';

export type { ContractContext, ReadStoreUnderTest } from './contract-helpers';

export function readStoreContract(name: string, factory: () => Promise<ReadStoreUnderTest>): void {
  describe(`read store contract: ${name}`, () => {
    let underTest: ReadStoreUnderTest | undefined;
    let counter = 0;
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

    beforeAll(async () => {
      underTest = await factory();
    });
    afterAll(async () => {
      await underTest?.cleanup();
    });

    const context: ContractContext = {
      store: () => {
        if (!underTest) throw new Error('the read store factory has not run');
        return underTest.store;
      },
      uniqueName: (prefix = 'c') => `${prefix}_${run}_${(counter += 1)}`,
      freshCollection: <T extends Document>(prefix?: string) => context.store().collection<T>(context.uniqueName(prefix)),
    };

    guardedWritesContract(context);
    queriesContract(context);
    storeContract(context);
  });
}
