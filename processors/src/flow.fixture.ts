import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { inventoryDecider, inventoryStreamId, orderDecider, orderStreamId } from '@ecommerce/domain';
import type { InventoryState, OrderState, PlaceOrderLine } from '@ecommerce/domain';
import { aggregateStream, asStoredEvent, createAvroSerde, createEmbeddedSchemaRegistry, eventToRecord, isPublishable } from '@ecommerce/platform';
import type { EventStore, Log, RecordedEvent, Serde } from '@ecommerce/platform';
import { avroSchemaOfRecordName } from '@ecommerce/schemas';
import type { PostalAddress } from '@ecommerce/schemas';
import { createProcessors } from './processors';
import type { ProcessorsOptions, ProcessorsSettings } from './processors';
import { openEventStore, silentLogger } from './runtime/test-support.fixture';
import type { LogTarget } from './runtime/test-support.fixture';

/** Test-only: the pieces of issue #4's flow around the processors, on a fresh event store and serde. */

export function openSerde(): Serde {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flow-registry-'));
  const db = new Database(path.join(dir, 'registry.db'));
  db.pragma('journal_mode = WAL');
  return createAvroSerde(createEmbeddedSchemaRegistry(db), { resolveSchema: (recordName) => avroSchemaOfRecordName(recordName)?.text });
}

/**
 * A minimal mirror ($all → event topics) so appended events reach the router: processors may
 * not import the command API's real mirror (DESIGN §2 layering), and these tests need only its
 * ordering, not its exactly-once checkpointing.
 */
export function startTestMirror(eventStore: EventStore, log: Log, serde: Serde): { stop(): Promise<void> } {
  const producer = log.createProducer();
  let buffer: RecordedEvent[] = [];
  let flushing = Promise.resolve();
  // A failed send (the processors create the topics as they start, possibly after the first
  // events) keeps its events at the head of the buffer for the next tick: one failure used to end
  // the chain, and the mirror with it.
  const flush = () => {
    flushing = flushing.then(async () => {
      const events = buffer;
      buffer = [];
      if (events.length === 0) return;
      try {
        await producer.send(await Promise.all(events.map((event) => eventToRecord(event, serde))));
      } catch {
        buffer = [...events, ...buffer];
      }
    });
  };
  const timer = setInterval(flush, 5);
  const subscription = eventStore.subscribeToAll({
    onEvent: (event) => {
      if (isPublishable(event)) buffer.push(event);
      if (buffer.length >= 500) flush();
    },
  });
  return {
    async stop() {
      await subscription.stop();
      clearInterval(timer);
      flush();
      await flushing;
      await producer.close();
    },
  };
}

/** What a flow test runs on: a log, an event store file and the serde, with a mirror between them. */
export interface FlowEnvironment {
  log: Log;
  eventStore: EventStore;
  serde: Serde;
}

/**
 * Opens a fresh flow environment on `target`'s log before each test and closes it after (after
 * `beforeClose`, which stops what the test started on it); read it inside tests, not at import.
 */
export function useFlowEnvironment(target: LogTarget, beforeClose: () => Promise<void> = async () => undefined): FlowEnvironment {
  const current = {} as FlowEnvironment;
  let mirror: { stop(): Promise<void> } | undefined;
  beforeEach(() => {
    current.log = target.open();
    current.eventStore = openEventStore().eventStore;
    current.serde = openSerde();
    mirror = startTestMirror(current.eventStore, current.log, current.serde);
  });
  afterEach(async () => {
    await beforeClose();
    await mirror?.stop();
    await current.log.close();
    await current.eventStore.close();
  });
  return current;
}

export const testSettings = (overrides: Partial<ProcessorsSettings> = {}): ProcessorsSettings => ({
  partitions: 4,
  paymentWindowMs: 10 * 60_000,
  cacheSize: 10_000,
  snapshotEvery: 50,
  timerTickMs: 20,
  ...overrides,
});

export function startProcessors(deps: { log: Log; eventStore: EventStore; serde: Serde } & Pick<ProcessorsOptions, 'paymentProvider' | 'senders'>, settings: ProcessorsSettings) {
  return createProcessors({ ...deps, logger: silentLogger, settings });
}

export const line = (sku: string, quantity = 1, amount = 999): PlaceOrderLine => ({ productId: `p-${sku}`, sku, name: `Product ${sku}`, quantity, unitPrice: { amount, currency: 'EUR' } });

export const shippingAddress = (): PostalAddress => ({ recipient: 'Ada Lovelace', line1: '12 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' });

/** Appends `OrderPlaced` as the command API would (the decider builds the payload), shipping to `shippingAddress()` unless told otherwise. */
export async function placeOrder(eventStore: EventStore, customerId: string, lines: PlaceOrderLine[], orderId = randomUUID(), address: PostalAddress | null = shippingAddress()): Promise<string> {
  const events = orderDecider.decide({ type: 'PlaceOrder', data: { orderId, customerId, lines, placedAt: new Date().toISOString(), shippingAddress: address } }, orderDecider.initialState());
  await eventStore.append(orderStreamId(orderId), events.map((event) => ({ id: randomUUID(), ...asStoredEvent(event) })), { expectedRevision: 'no_stream' });
  return orderId;
}

export async function restock(eventStore: EventStore, sku: string, quantity: number): Promise<void> {
  await eventStore.append(inventoryStreamId(sku), [{ id: randomUUID(), type: 'StockRestocked', data: { sku, quantity, reference: 'test delivery' } }]);
}

export async function orderOf(eventStore: EventStore, orderId: string): Promise<OrderState> {
  return (await aggregateStream(eventStore, orderStreamId(orderId), orderDecider)).state;
}

export async function inventoryOf(eventStore: EventStore, sku: string): Promise<InventoryState> {
  return (await aggregateStream(eventStore, inventoryStreamId(sku), inventoryDecider)).state;
}

export async function statusesOf(eventStore: EventStore, orderIds: readonly string[]): Promise<Map<string, OrderState['status']>> {
  const states = await Promise.all(orderIds.map((orderId) => orderOf(eventStore, orderId)));
  return new Map(orderIds.map((orderId, index) => [orderId, states[index]?.status ?? 'absent']));
}
