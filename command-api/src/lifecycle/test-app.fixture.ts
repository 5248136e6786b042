/**
 * The whole command API (createCommandApi, as the composition root builds it) on a real SQLite
 * event store, for the lifecycle route tests; and the steps the processors would take, appended
 * through the deciders with handleCommand so a test can put an order in any state it needs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { aggregateStream, createLogger, createMetrics, createServiceApp, encodePrincipal, openSqliteEventStore, principalHeader, randomId } from '@ecommerce/platform';
import type { EventStore, PaymentProvider, Principal } from '@ecommerce/platform';
import { orderDecider, orderStreamId, paymentDecider, paymentStreamId, shipmentDecider, shipmentIdOf, shipmentStreamId, userDecider, userStreamId } from '@ecommerce/domain';
import type { OrderCommand, PaymentCommand, ShipmentCommand } from '@ecommerce/domain';
import type { PostalAddress } from '@ecommerce/schemas';
import { createCommandApi } from '../app';
import { handleCommand } from '../handle-command';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Record<string, unknown> & { errors?: Array<{ field: string; message: string }>; detail?: string };
}

export const userIdOf = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const testAddress = (): PostalAddress => ({ recipient: 'Ada Lovelace', line1: '12 Rue de Rivoli', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' });
export const paymentWindowMs = 15 * 60_000;
export const dayMs = 86_400_000;

export interface TestApp {
  eventStore: EventStore;
  call(method: string, url: string, principal: Principal | null, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Moves the API's clock. */
  setNow(now: Date): void;
  now(): Date;
  streamTypes(streamId: string): Promise<string[]>;
  registerUser(principal: Principal): Promise<void>;
  /** A product at `price` minor units (EUR), listed by an admin; its id and SKU. */
  createProduct(price?: number): Promise<{ productId: string; sku: string }>;
  /** POSTs an order for the caller (with the test address unless `shippingAddress: null`). */
  placeOrder(principal: Principal, options?: { price?: number; quantity?: number; lines?: number; shippingAddress?: PostalAddress | null }): Promise<string>;
  onOrder(orderId: string, command: OrderCommand): Promise<void>;
  onPayment(paymentId: string, command: PaymentCommand): Promise<void>;
  onShipment(orderId: string, command: ShipmentCommand): Promise<void>;
  /** Every line reserved: the order is confirmed, with its payment deadline `paymentWindowMs` from now. */
  confirm(orderId: string): Promise<void>;
  /** A captured payment of the order's total; its id. */
  capture(orderId: string): Promise<string>;
  /** Confirmed, paid by a captured payment, its shipment opened: the state after the processors handled OrderPaid. */
  pay(orderId: string): Promise<string>;
  ship(orderId: string): Promise<void>;
  deliver(orderId: string): Promise<void>;
  close(): Promise<void>;
}

const admin: Principal = { sub: userIdOf(999), role: 'admin' };

/** Answers are JSON, except the sandbox's HTML page (an empty body then). */
const parseJson = (text: string): Answer['body'] => {
  try {
    return text ? (JSON.parse(text) as Answer['body']) : {};
  } catch {
    return {};
  }
};

export async function startTestApp(options: { paymentProvider?: PaymentProvider; now?: Date } = {}): Promise<TestApp> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lifecycle-routes-'));
  const eventStore = openSqliteEventStore(path.join(dir, 'events.db'));
  let now = options.now ?? new Date('2025-06-01T10:00:00.000Z');
  const clock = () => now;
  const context = { eventStore, clock };
  const api = createCommandApi({
    eventStore,
    clock,
    paymentProvider: options.paymentProvider,
    identity: { keyRing: () => { throw new Error('no tokens in these tests'); }, accessTokenTtlSeconds: 300, refreshTokenTtlDays: 30 },
  });
  const app = createServiceApp({ logger: createLogger({ level: 'silent' }), metrics: createMetrics(), bodyLimitBytes: 100_000, routers: [api.router], health: {} });
  const server = await new Promise<Server>((resolve) => { const listening = app.listen(0, () => resolve(listening)); });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let serial = 0;
  const orderOf = async (orderId: string) => (await aggregateStream(eventStore, orderStreamId(orderId), orderDecider)).state;

  const testApp: TestApp = {
    eventStore,
    async call(method, url, principal, body, headers = {}) {
      const raw = typeof body === 'string' || Buffer.isBuffer(body);
      const response = await fetch(`${baseUrl}${url}`, {
        method,
        headers: { ...(principal ? { [principalHeader]: encodePrincipal(principal) } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : raw ? (body as string) : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, text, body: parseJson(text) };
    },
    setNow: (next) => void (now = next),
    now: () => now,
    streamTypes: async (streamId) => (await eventStore.readStream(streamId)).map((event) => event.type),
    async registerUser(principal) {
      await handleCommand(context, { streamId: userStreamId(principal.sub), decider: userDecider, commands: [{ type: 'RegisterUser', data: { userId: principal.sub, email: `u${principal.sub.slice(-4)}@shop.test`, name: 'Test User', role: principal.role } }] });
    },
    async createProduct(price = 1250) {
      serial += 1;
      const sku = `LC-${serial}-${randomId().slice(0, 6)}`.toUpperCase();
      const answer = await api.commands.createProduct({ sku, name: `Product ${serial}`, description: '', category: 'tests', tags: [], price: { amount: price, currency: 'EUR' } }, admin);
      return { productId: answer.id, sku };
    },
    async placeOrder(principal, { price, quantity = 1, lines = 1, shippingAddress = testAddress() } = {}) {
      const products = await Promise.all(Array.from({ length: lines }, () => testApp.createProduct(price)));
      const body = { lines: products.map(({ productId }) => ({ productId, quantity })), ...(shippingAddress ? { shippingAddress } : {}) };
      const answer = await testApp.call('POST', '/api/orders', principal, body);
      if (answer.status !== 202) throw new Error(`placing an order answered ${answer.status}: ${answer.text}`);
      return String(answer.body.orderId);
    },
    async onOrder(orderId, command) {
      await handleCommand(context, { streamId: orderStreamId(orderId), decider: orderDecider, commands: [command] });
    },
    async onPayment(paymentId, command) {
      await handleCommand(context, { streamId: paymentStreamId(paymentId), decider: paymentDecider, commands: [command] });
    },
    async onShipment(orderId, command) {
      await handleCommand(context, { streamId: shipmentStreamId(shipmentIdOf(orderId)), decider: shipmentDecider, commands: [command] });
    },
    async confirm(orderId) {
      const order = await orderOf(orderId);
      if (order.status === 'absent') throw new Error(`no order ${orderId}`);
      for (const line of order.lines) {
        await testApp.onOrder(orderId, { type: 'RecordReservation', data: { orderId, sku: line.sku, outcome: 'reserved', now: now.toISOString(), paymentWindowMs } });
      }
    },
    async capture(orderId) {
      const order = await orderOf(orderId);
      if (order.status === 'absent') throw new Error(`no order ${orderId}`);
      const paymentId = randomId();
      const at = now.toISOString();
      await testApp.onPayment(paymentId, { type: 'RequestPayment', data: { paymentId, orderId, customerId: order.customerId, amount: order.total, provider: 'sandbox', methodReference: 'pm_card_visa', requestedAt: at } });
      await testApp.onPayment(paymentId, { type: 'RecordPaymentOutcome', data: { paymentId, at, outcome: 'captured', providerPaymentId: `pi_${paymentId.slice(0, 8)}` } });
      return paymentId;
    },
    async pay(orderId) {
      await testApp.confirm(orderId);
      const paymentId = await testApp.capture(orderId);
      const order = await orderOf(orderId);
      if (order.status === 'absent') throw new Error(`no order ${orderId}`);
      await testApp.onOrder(orderId, { type: 'MarkPaid', data: { orderId, paymentId, amount: order.total } });
      const lines = order.lines.map(({ sku, name, quantity }) => ({ sku, name, quantity }));
      await testApp.onShipment(orderId, { type: 'OpenShipment', data: { shipmentId: shipmentIdOf(orderId), orderId, customerId: order.customerId, lines, address: order.shippingAddress ?? testAddress(), openedAt: now.toISOString() } });
      return paymentId;
    },
    async ship(orderId) {
      const shipmentId = shipmentIdOf(orderId);
      await testApp.onShipment(orderId, { type: 'DispatchShipment', data: { shipmentId, carrier: 'La Poste', trackingNumber: 'LP-1234', dispatchedAt: now.toISOString() } });
      await testApp.onOrder(orderId, { type: 'MarkShipped', data: { orderId, shipmentId, carrier: 'La Poste', trackingNumber: 'LP-1234', shippedAt: now.toISOString() } });
    },
    async deliver(orderId) {
      await testApp.onShipment(orderId, { type: 'DeliverShipment', data: { shipmentId: shipmentIdOf(orderId), deliveredAt: now.toISOString() } });
      await testApp.onOrder(orderId, { type: 'MarkDelivered', data: { orderId, deliveredAt: now.toISOString(), returnWindowMs: 14 * dayMs, acceptanceWindowMs: 14 * dayMs } });
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await eventStore.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return testApp;
}
