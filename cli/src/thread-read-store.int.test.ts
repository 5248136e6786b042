import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { AppError, openEmbeddedReadStore } from '@ecommerce/platform';
import { readStoreContract } from '@ecommerce/platform/src/read-store/contract';
import { answerReadCall, createThreadReadStore, pushingCheckpoints } from './thread-read-store';
import type { CheckpointPush, ReadAnswer, ReadCall } from './thread-read-store';

/**
 * The owning side on one end of a channel, the asking side on the other: every call, answer and
 * checkpoint push is structured-cloned, as between threads. `calls` counts what reached the owner.
 */
function openOverChannel() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thread-read-store-'));
  const { port1, port2 } = new MessageChannel();
  const owned = pushingCheckpoints(openEmbeddedReadStore(path.join(dir, 'read.db')), (push) => port2.postMessage(push));
  const calls: ReadCall[] = [];
  port2.on('message', (call: ReadCall) => {
    calls.push(call);
    void answerReadCall(owned, call).then((answer) => port2.postMessage(answer));
  });
  const store = createThreadReadStore(port1);
  port1.on('message', (message: ReadAnswer | CheckpointPush) => (message.kind === 'checkpoint' ? store.learn(message) : store.settle(message)));
  return {
    store,
    owned,
    calls,
    cleanup: async () => {
      port1.close();
      port2.close();
      await owned.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('never became true');
}

readStoreContract('embedded, asked from another thread', async () => openOverChannel());

describe('read store asked from another thread', () => {
  it("reads the owner's checkpoints as the owner writes them, without asking it again", async () => {
    const { store, owned, calls, cleanup } = openOverChannel();
    try {
      expect(await store.getCheckpoint('products.v1')).toBeNull();
      expect(calls.filter((call) => call.method === 'getCheckpoint')).toHaveLength(1);
      await owned.setCheckpoint('products.v1', { partitions: { 0: { position: 5 } } });
      await waitUntil(async () => (await store.getCheckpoint<{ partitions: object }>('products.v1'))?.partitions !== undefined);
      const asked = calls.length;
      await owned.setCheckpoint('products.v1', { partitions: { 0: { position: 9 } } });
      await waitUntil(async () => JSON.stringify(await store.getCheckpoint('products.v1')) === JSON.stringify({ partitions: { 0: { position: 9 } } }));
      const read = await store.getCheckpoint<{ partitions: Record<string, { position: number }> }>('products.v1');
      // a copy: the caller's changes stay the caller's
      if (read?.partitions[0]) read.partitions[0].position = 1000;
      expect(await store.getCheckpoint('products.v1')).toEqual({ partitions: { 0: { position: 9 } } });
      expect(calls.length).toBe(asked);
      // a write asked from this side is pushed too, before its answer
      await store.setCheckpoint('products.v1', { partitions: { 0: { position: 12 } } });
      expect(await store.getCheckpoint('products.v1')).toEqual({ partitions: { 0: { position: 12 } } });
      expect(await owned.getCheckpoint('products.v1')).toEqual({ partitions: { 0: { position: 12 } } });
      // several written together are each pushed
      await owned.setCheckpoints([{ name: 'products.v1', value: { partitions: { 0: { position: 13 } } } }, { name: 'orders.v1', value: { partitions: {} } }]);
      await waitUntil(async () => JSON.stringify(await store.getCheckpoint('products.v1')) === JSON.stringify({ partitions: { 0: { position: 13 } } }));
      const beforeOrders = calls.length;
      expect(await store.getCheckpoint('orders.v1')).toEqual({ partitions: {} });
      expect(calls.length).toBe(beforeOrders);
    } finally {
      await cleanup();
    }
  });

  it('keeps the latest push over an answer read before it (the owner wrote between reading and answering)', async () => {
    const posted: ReadCall[] = [];
    const store = createThreadReadStore({ postMessage: (call) => posted.push(call as ReadCall) });
    const first = store.getCheckpoint('orders.v1');
    const call = posted[0];
    if (!call) throw new Error('no call posted');
    store.learn({ kind: 'checkpoint', name: 'orders.v1', value: { at: 2 } });
    store.settle({ kind: 'read-answer', id: call.id, value: { at: 1 } });
    expect(await first).toEqual({ at: 1 });
    expect(await store.getCheckpoint('orders.v1')).toEqual({ at: 2 });
    expect(posted).toHaveLength(1);
    store.failAll('stopped');
    expect(await store.getCheckpoint('orders.v1').catch((error: unknown) => error)).toMatchObject({ code: 'unavailable' });
  });

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
