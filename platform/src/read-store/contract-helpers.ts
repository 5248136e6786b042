/**
 * What the read store contract's parts share. The parts (`contract-*.ts`) import only this file,
 * and `contract.ts` imports the parts: one way, no cycle.
 */
import type { Document, ReadCollection, ReadStore } from './port';

/** An adapter under test, as the suite's factory makes it. */
export interface ReadStoreUnderTest {
  store: ReadStore;
  cleanup(): Promise<void>;
}

/** What each part of the suite is given. */
export interface ContractContext {
  store(): ReadStore;
  /** A collection name no other test uses. */
  uniqueName(prefix?: string): string;
  freshCollection<T extends Document = Document>(prefix?: string): ReadCollection<T>;
}
