import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { AppError, openEmbeddedReadStore } from '@ecommerce/platform';
import { readStoreContract } from '@ecommerce/platform/src/read-store/contract';
import { answerReadCall, createThreadReadStore } from './thread-read-store';
import type { ReadAnswer, ReadCall } from './thread-read-store';

/** The owning side on one end of a channel, the asking side on the other: every call and answer is structured-cloned, as between threads. */
function openOverChannel() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thread-read-store-'));
  const owned = openEmbeddedReadStore(path.join(dir, 'read.db'));
  const { port1, port2 } = new MessageChannel();
  port2.on('message', (call: ReadCall) => void answerReadCall(owned, call).then((answer) => port2.postMessage(answer)));
  const store = createThreadReadStore(port1);
  port1.on('message', (answer: ReadAnswer) => store.settle(answer));
  return {
    store,
    cleanup: async () => {
      port1.close();
      port2.close();
      await owned.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

readStoreContract('embedded, asked from another thread', async () => openOverChannel());

describe('read store asked from another thread', () => {
  it('keeps an AppError code across the port (a unique index conflict stays a 409), and fails fast once the owner is gone', async () => {
    const { store, cleanup } = openOverChannel();
    try {
      const products = store.collection('products_unique');
      await products.createIndex({ keys: { sku: 1 }, unique: true, name: 'sku_unique' });
      await products.upsert({ _id: 'p1', sku: 'S-1' });
      const clash = await products.upsert({ _id: 'p2', sku: 'S-1' }).catch((error: unknown) => error);
      expect(clash).toBeInstanceOf(AppError);
      expect((clash as AppError).code).toBe('conflict');

      store.failAll('the projections thread exited');
      const refused = await products.findOne({ _id: 'p1' }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'unavailable', retriable: true });
      expect(await store.health()).toEqual({ ok: false, detail: 'the projections thread exited' });
    } finally {
      await cleanup();
    }
  });
});
