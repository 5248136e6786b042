import { inventoryDecider, inventoryStreamId, orderDecider } from '@ecommerce/domain';
import type { InventoryEvent, InventoryState, Order, OrderEvent } from '@ecommerce/domain';
import { checkPlacements } from './checks';
import { portOf, scriptEnvironment } from './infra';
import { lagByGroup, stuckPartitions } from './lag';
import { isRetriable, placeWithRetries } from './load';
import type { HttpAnswer } from './load';
import { checkMirror, mirrorCheckPassed } from './mirror-check';
import type { PublishedMessage, StoredEventRef } from './mirror-check';
import { checkOrders } from './order-checks';
import type { FoldedStore } from './order-checks';
import { diffDocuments, differentFields, isSameCollection } from './projection-check';

const expiresAt = '2030-01-01T00:00:00.000Z';
const line = (sku: string, quantity: number) => ({ productId: `p-${sku}`, sku, name: sku, quantity, unitPrice: { amount: 500, currency: 'EUR' } });

/** An order folded from its events: placed with `lines`, then whatever `then` says happened. */
function orderOf(orderId: string, lines: Array<[string, number]>, then: OrderEvent[] = []): Order {
  const placed: OrderEvent = {
    type: 'OrderPlaced',
    data: { orderId, customerId: 'c-1', lines: lines.map(([sku, quantity]) => line(sku, quantity)), total: { amount: 500, currency: 'EUR' }, placedAt: '2025-01-01T00:00:00.000Z', shippingAddress: null },
  };
  return [placed, ...then].reduce(orderDecider.evolve, orderDecider.initialState()) as Order;
}
const reserved = (orderId: string, sku: string): OrderEvent => ({ type: 'OrderLineReserved', data: { orderId, sku } });
const rejectedLine = (orderId: string, sku: string): OrderEvent => ({ type: 'OrderLineRejected', data: { orderId, sku, available: 0 } });
const confirmed = (orderId: string): OrderEvent => ({ type: 'OrderConfirmed', data: { orderId, paymentDeadline: expiresAt } });
const rejected = (orderId: string, sku: string): OrderEvent => ({ type: 'OrderRejected', data: { orderId, reason: 'insufficient_stock', shortSkus: [sku] } });

const inventoryOf = (events: InventoryEvent[]): InventoryState => events.reduce(inventoryDecider.evolve, inventoryDecider.initialState());
const restocked = (sku: string, quantity: number): InventoryEvent => ({ type: 'StockRestocked', data: { sku, quantity, reference: null } });
const held = (sku: string, orderId: string, quantity: number): InventoryEvent => ({ type: 'StockReserved', data: { sku, orderId, quantity, expiresAt } });
const refused = (sku: string, orderId: string, quantity: number): InventoryEvent => ({ type: 'StockReservationRejected', data: { sku, orderId, quantity, available: 0, reason: 'insufficient_stock' } });
const released = (sku: string, orderId: string, quantity: number): InventoryEvent => ({ type: 'StockReleased', data: { sku, orderId, quantity, reason: 'order_rejected' } });

const storeOf = (orders: Order[], inventories: Record<string, InventoryEvent[]>): FoldedStore => ({
  orders: new Map(orders.map((order) => [order.orderId, order])),
  inventories: new Map(Object.entries(inventories).map(([sku, events]) => [inventoryStreamId(sku), inventoryOf(events)])),
});

/** Two orders for the last 3 units of A: o1 confirmed (A and B held), o2 rejected on A, its hold on B released. */
const settledStore = () => storeOf(
  [
    orderOf('o1', [['A', 3], ['B', 1]], [reserved('o1', 'A'), reserved('o1', 'B'), confirmed('o1')]),
    orderOf('o2', [['A', 1], ['B', 2]], [reserved('o2', 'B'), rejectedLine('o2', 'A'), rejected('o2', 'A')]),
  ],
  {
    A: [restocked('A', 3), held('A', 'o1', 3), refused('A', 'o2', 1)],
    B: [restocked('B', 10), held('B', 'o1', 1), held('B', 'o2', 2), released('B', 'o2', 2)],
  },
);

describe('the order checks', () => {
  it('find nothing when every order agrees with its SKUs, and count orders by state', () => {
    expect(checkOrders(settledStore())).toEqual({ findings: [], byStatus: { confirmed: 1, rejected: 1 } });
  });

  it('report an order left placed', () => {
    const store = storeOf([orderOf('o3', [['A', 1]])], { A: [restocked('A', 1)] });
    expect(checkOrders(store).findings).toEqual([{ subject: 'order-o3', problem: 'still placed: 0 of 1 lines answered' }]);
  });

  it('report a confirmed order whose SKU holds a different quantity, or nothing', () => {
    const store = storeOf([orderOf('o1', [['A', 3]], [reserved('o1', 'A'), confirmed('o1')])], { A: [restocked('A', 5), held('A', 'o1', 2)] });
    expect(checkOrders(store).findings.map((finding) => finding.problem)).toEqual([expect.stringContaining('confirmed but A is reserved by the order and the SKU holds 2 (line of 3)')]);
    const none = storeOf([orderOf('o1', [['A', 3]], [reserved('o1', 'A'), confirmed('o1')])], { A: [restocked('A', 5)] });
    expect(checkOrders(none).findings.map((finding) => finding.problem)).toEqual([
      'A reserved by the order, but the SKU knows nothing of it',
      expect.stringContaining('confirmed but A is reserved'),
    ]);
  });

  it('report a rejected order whose reserved line was never released (a leaked hold)', () => {
    const store = storeOf(
      [orderOf('o2', [['A', 1], ['B', 2]], [reserved('o2', 'B'), rejectedLine('o2', 'A'), rejected('o2', 'A')])],
      { A: [restocked('A', 1), refused('A', 'o2', 1)], B: [restocked('B', 10), held('B', 'o2', 2)] },
    );
    const problems = checkOrders(store).findings.map((finding) => `${finding.subject}: ${finding.problem}`);
    expect(problems).toEqual(expect.arrayContaining([
      'order-o2: rejected but the SKU B still holds 2 for it',
      expect.stringContaining('order-o2: rejected with B reserved, but the SKU never released it'),
      'inventory-B: holds 2 for order o2, which is rejected',
    ]));
  });

  it('report a rejected order without a rejected line, and a line the SKU never refused', () => {
    const store = storeOf([orderOf('o4', [['A', 1]], [rejectedLine('o4', 'A'), rejected('o4', 'A')])], { A: [restocked('A', 5)] });
    expect(checkOrders(store).findings.map((finding) => finding.problem)).toEqual(['A rejected by the order, but the SKU knows nothing of it']);
    const noReason = storeOf([orderOf('o5', [['A', 1]], [rejected('o5', 'A')])], { A: [restocked('A', 5)] });
    expect(checkOrders(noReason).findings.map((finding) => finding.problem)).toEqual(['rejected without a rejected line']);
  });

  it('report an oversold SKU and a reserved count that is not the sum of its holds', () => {
    const store = storeOf([
      orderOf('o1', [['A', 2]], [reserved('o1', 'A'), confirmed('o1')]),
      orderOf('o2', [['A', 2]], [reserved('o2', 'A'), confirmed('o2')]),
    ], { A: [restocked('A', 3), held('A', 'o1', 2), held('A', 'o2', 2)] });
    expect(checkOrders(store).findings).toEqual([{ subject: 'inventory-A', problem: 'oversold: reserved 4 + sold 0 exceed received 3 ± adjustments + returned 0' }]);
  });

  it('report a hold for an order the store does not have', () => {
    const store = storeOf([], { A: [restocked('A', 3), held('A', 'ghost', 1)] });
    expect(checkOrders(store).findings).toEqual([{ subject: 'inventory-A', problem: 'holds 1 for order ghost, which is not in the store' }]);
  });
});

describe('the placement check', () => {
  const orders = settledStore().orders;
  it('passes when every accepted order is in the store once', () => {
    const check = checkPlacements([{ kind: 'accepted', orderId: 'o1', attempts: 1 }, { kind: 'accepted', orderId: 'o2', attempts: 3 }], { orders });
    expect(check).toMatchObject({ passed: true });
  });

  it('fails on an accepted order missing from the store, on a refusal, and on more orders than answers', () => {
    expect(checkPlacements([{ kind: 'accepted', orderId: 'o9', attempts: 1 }], { orders: new Map() })).toMatchObject({ passed: false, detail: '1 accepted orders are not in the store' });
    expect(checkPlacements([{ kind: 'refused', status: 400, detail: '400 lines', attempts: 1 }], { orders: new Map() })).toMatchObject({ passed: false });
    // two orders placed for one accepted answer and nothing lost: a retry placed a second one
    expect(checkPlacements([{ kind: 'accepted', orderId: 'o1', attempts: 2 }], { orders })).toMatchObject({ passed: false, detail: expect.stringContaining('placed twice') });
    // with an answer lost to a kill, the extra order is that one
    expect(checkPlacements([{ kind: 'accepted', orderId: 'o1', attempts: 2 }, { kind: 'lost', last: '409', attempts: 40 }], { orders })).toMatchObject({ passed: true });
  });
});

describe('the mirror check', () => {
  const at = (second: number) => `2025-01-01T00:00:0${second}.000Z`;
  const stored: StoredEventRef[] = [
    { id: 'e1', streamId: 'order-1', revision: 0, topic: 'ecommerce.ordering.events', position: 1, recordedAt: at(1) },
    { id: 'e2', streamId: 'order-1', revision: 1, topic: 'ecommerce.ordering.events', position: 2, recordedAt: at(2) },
    { id: 'e3', streamId: 'inventory-A', revision: 0, topic: 'ecommerce.inventory.events', position: 3, recordedAt: at(3) },
  ];
  const message = (event: StoredEventRef, offset: number, overrides: Partial<PublishedMessage> = {}): PublishedMessage => ({
    topic: event.topic, partition: 0, offset, eventId: event.id, streamId: event.streamId, revision: event.revision, ...overrides,
  });
  const [e1, e2, e3] = stored as [StoredEventRef, StoredEventRef, StoredEventRef];

  it('passes when each event is once on its topic, in order per stream', () => {
    const check = checkMirror(stored, [message(e1, 0), message(e2, 1), message(e3, 0)]);
    expect(mirrorCheckPassed(check)).toBe(true);
    expect(check).toMatchObject({ stored: 3, messages: 3 });
  });

  it('counts what is missing, duplicated, unexpected, on a wrong topic or out of order', () => {
    expect(checkMirror(stored, [message(e1, 0), message(e3, 0)])).toMatchObject({ missing: 1, streamsOutOfOrder: 1, missingSpans: [{ fromPosition: 2, toPosition: 2, events: 1 }] });
    // a lost transaction shows as one span of consecutive positions
    expect(checkMirror(stored, [message(e1, 0)]).missingSpans).toEqual([{ fromPosition: 2, toPosition: 3, events: 2, fromTime: at(2), toTime: at(3) }]);
    expect(checkMirror(stored, [message(e1, 0), message(e1, 1), message(e2, 2), message(e3, 0)])).toMatchObject({ duplicated: 1, missing: 0, streamsOutOfOrder: 1 });
    expect(checkMirror(stored, [message(e1, 0), message(e2, 1), message(e3, 0), message({ ...e3, id: 'zz' }, 1)])).toMatchObject({ unexpected: 1 });
    expect(checkMirror(stored, [message(e1, 0), message(e2, 1), message(e3, 0, { topic: 'ecommerce.ordering.events', offset: 2 })])).toMatchObject({ misplaced: 1 });
    const swapped = checkMirror(stored, [message(e2, 0), message(e1, 1), message(e3, 0)]);
    expect(swapped).toMatchObject({ streamsOutOfOrder: 1, missing: 0, duplicated: 0 });
    expect(mirrorCheckPassed(swapped)).toBe(false);
    expect(swapped.examples).toEqual(['order-1: published revisions 1,0, stored 0,1']);
  });
});

describe('the lag figures', () => {
  const partitions = [
    { group: 'router', topic: 't', partition: 0, committed: 10, end: 10 },
    { group: 'router', topic: 't', partition: 1, committed: 4, end: 9 },
    { group: 'projection.orders.v1', topic: 't', partition: 0, committed: null, end: 3 },
    { group: 'projection.orders.v1', topic: 't', partition: 1, committed: null, end: 0 },
  ];
  it('sum what each group has not committed; a partition never committed counts whole', () => {
    expect(lagByGroup(partitions)).toEqual({ router: 5, 'projection.orders.v1': 3 });
  });
  it('name the partitions not at their end (an empty one never committed is not stuck)', () => {
    expect(stuckPartitions(partitions).map((entry) => `${entry.group}/${entry.partition}`)).toEqual(['router/1', 'projection.orders.v1/0']);
  });
});

describe('the projection comparison', () => {
  it('ignores the store bookkeeping and key order, and names what differs', () => {
    const live = [{ _id: 'a', status: 'confirmed', total: 5, _revisions: { 'order-a': 3 } }, { _id: 'b', status: 'rejected' }, { _id: 'c', n: 1 }];
    const rebuilt = [{ total: 5, status: 'confirmed', _id: 'a', _revisions: { 'order-a': 7 } }, { _id: 'b', status: 'confirmed' }, { _id: 'd', n: 1 }];
    const diff = diffDocuments(live, rebuilt);
    expect(diff).toEqual({ onlyLive: ['c'], onlyRebuilt: ['d'], different: ['b'] });
    expect(isSameCollection(diff)).toBe(false);
    expect(isSameCollection(diffDocuments(live.slice(0, 1), rebuilt.slice(0, 1)))).toBe(true);
  });

  it('names the fields of a document that differ', () => {
    const live = { _id: 'S1', available: 3, reserved: 2, name: 'x', _revisions: { 'inventory-S1': 13 } };
    const rebuilt = { _id: 'S1', available: 1, reserved: 2, name: 'x', lowStock: true, _revisions: { 'inventory-S1': 37 } };
    expect(differentFields(live, rebuilt)).toEqual(['available', 'lowStock']);
    expect(differentFields(live, { ...live, _revisions: {} })).toEqual([]);
  });
});

describe('the load generator', () => {
  const answer = (status: number, body: Record<string, unknown> = {}): HttpAnswer => ({ status, body });

  it('retries a failed connection, a 5xx and a key still in progress, nothing else', () => {
    expect(isRetriable(new Error('ECONNREFUSED'))).toBe(true);
    expect(isRetriable(answer(502))).toBe(true);
    expect(isRetriable(answer(409, { detail: 'a request with this Idempotency-Key is still in progress; retry later' }))).toBe(true);
    expect(isRetriable(answer(409, { detail: 'product p-1 is discontinued' }))).toBe(false);
    expect(isRetriable(answer(400))).toBe(false);
  });

  it('sends again until answered, and gives up past its bound', async () => {
    const answers = [new Error('socket hang up'), answer(504), answer(202, { orderId: 'o-1' })];
    const send = jest.fn(async () => {
      const next = answers.shift() as HttpAnswer | Error;
      if (next instanceof Error) throw next;
      return next;
    });
    await expect(placeWithRetries(send, 10_000)).resolves.toEqual({ kind: 'accepted', orderId: 'o-1', attempts: 3 });
    await expect(placeWithRetries(async () => answer(422, { title: 'no' }), 10_000)).resolves.toMatchObject({ kind: 'refused', status: 422, attempts: 1 });
    await expect(placeWithRetries(async () => answer(503), 0)).resolves.toMatchObject({ kind: 'lost', attempts: 1 });
  });
});

describe('the infra scripts environment', () => {
  it('reads the port of a broker list and of a MongoDB URL', () => {
    expect(portOf('127.0.0.1:19092')).toBe(19092);
    expect(portOf('127.0.0.1:19092,127.0.0.1:19094')).toBe(19092);
    expect(portOf('mongodb://127.0.0.1:27018')).toBe(27018);
    expect(portOf('mongodb://127.0.0.1:27018/shop?directConnection=true')).toBe(27018);
    expect(portOf('')).toBeUndefined();
  });

  it('gives the scripts the run servers ports unless the caller set them', () => {
    expect(scriptEnvironment({ KAFKA_BROKERS: '127.0.0.1:19092', MONGO_URL: 'mongodb://127.0.0.1:27018' })).toMatchObject({ KAFKA_PORT: '19092', FERRETDB_PORT: '27018' });
    expect(scriptEnvironment({ KAFKA_BROKERS: '127.0.0.1:19092', KAFKA_PORT: '9092' })).toMatchObject({ KAFKA_PORT: '9092' });
  });
});
