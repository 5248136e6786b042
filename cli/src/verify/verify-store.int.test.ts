import Database from 'better-sqlite3';
import { createSqliteEventStore, randomId } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { createSampleEventPayload } from '@ecommerce/schemas';
import type { EventPayloads, EventType } from '@ecommerce/schemas';
import { verifyEventStore } from './verify-store';

type Fact = { [T in EventType]: [T, Partial<EventPayloads[T]>?] }[EventType];

const sample = createSampleEventPayload('OrderPlaced');
const sku = 'MUG-CER-350-BLU';

async function given(store: EventStore, stream: string, facts: Fact[]): Promise<void> {
  // Planted through the store itself, as an older or corrupted history would be: no decider checks it.
  await store.append(stream, facts.map(([type, overrides]) => ({ id: randomId(), type, data: { ...createSampleEventPayload(type), ...overrides } as Record<string, unknown> })));
}

async function givenAHealthyShop(store: EventStore): Promise<void> {
  await given(store, `inventory-${sku}`, [['StockRestocked', { quantity: 3 }], ['StockReserved', { quantity: 2 }], ['StockCommitted', { quantity: 2 }], ['StockReturned', { quantity: 1 }]]);
  await given(store, `order-${sample.orderId}`, [['OrderPlaced']]);
  await given(store, 'payment-p1', [['PaymentRequested'], ['PaymentCaptured'], ['PaymentRefundRequested', { amount: { amount: 1290, currency: 'EUR' } }]]);
}

describe('ecommerce verify: the whole event store refolded', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createSqliteEventStore(new Database(':memory:'));
  });
  afterEach(() => store.close());

  it('finds nothing wrong in a history that adds up, across pages', async () => {
    await givenAHealthyShop(store);
    const report = await verifyEventStore(store, { pageSize: 2 });
    expect(report).toEqual({ events: 8, skus: 1, orders: 1, payments: 1, findings: [] });
  });

  it('finds a SKU oversold at one moment, even if it is made good later', async () => {
    await given(store, `inventory-${sku}`, [['StockRestocked', { quantity: 1 }], ['StockReserved', { quantity: 2 }], ['StockRestocked', { quantity: 5 }]]);
    const { findings } = await verifyEventStore(store);
    expect(findings).toEqual([{ stream: `inventory-${sku}`, revision: 1, problem: expect.stringMatching(/^oversold: reserved 2/) }]);
  });

  it('finds an order whose total is not the sum of its lines, and mixed currencies', async () => {
    await given(store, `order-${sample.orderId}`, [['OrderPlaced', { total: { amount: 3231, currency: 'EUR' } }]]);
    await given(store, 'order-other', [['OrderPlaced', { orderId: 'other', lines: [{ ...sample.lines[0]!, unitPrice: { amount: 1290, currency: 'USD' } }], total: { amount: 1290 * 2, currency: 'EUR' } }]]);
    const problems = (await verifyEventStore(store)).findings.map((finding) => `${finding.stream}: ${finding.problem}`);
    expect(problems).toEqual([`order-${sample.orderId}: total 3231 is not the sum of its lines 3230`, 'order-other: mixed currencies: EUR, USD']);
  });

  it('finds refunds beyond the capture, and a capture that is not its order total', async () => {
    await given(store, `order-${sample.orderId}`, [['OrderPlaced']]);
    await given(store, 'payment-p1', [['PaymentRequested'], ['PaymentCaptured'], ['PaymentRefundRequested', { refundId: 'r1', amount: { amount: 3000, currency: 'EUR' } }], ['PaymentRefundRequested', { refundId: 'r2', amount: { amount: 300, currency: 'EUR' } }]]);
    await given(store, 'payment-p2', [['PaymentRequested', { paymentId: 'p2', amount: { amount: 100, currency: 'EUR' } }], ['PaymentCaptured', { paymentId: 'p2', amount: { amount: 100, currency: 'EUR' } }]]);
    const problems = (await verifyEventStore(store)).findings.map((finding) => `${finding.stream}@${String(finding.revision)}: ${finding.problem}`);
    expect(problems).toEqual(['payment-p1@3: refunds exceed what was captured', `payment-p2@null: captured 100 EUR for an order of 3230 EUR`]);
  });
});
