/**
 * What the live-update suites share: a real EventSource client (the `eventsource` package; Node 20
 * has no global one), a raw reader of a stream's text (heartbeat comments are invisible to
 * EventSource), and the order lifecycle driven step by step through the deciders, as the
 * processors would, so that each status is on the read model before the next step.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { EventSource } from 'eventsource';
import type { ErrorEvent } from 'eventsource';
import { handleCommand } from '@ecommerce/command-api';
import { orderDecider, orderStreamId, paymentDecider, paymentStreamId } from '@ecommerce/domain';
import type { OrderCommand } from '@ecommerce/domain';
import { aggregateStream, createLogger, loadSettings } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { runComponents } from '../components';
import { loginAs, removeDataDir, requestJson, testAdmin, testRateLimits } from './harness';
import type { PlatformUnderTest } from './harness';

export interface ReceivedEvent {
  type: string;
  id: string;
  data: Record<string, unknown>;
}

export interface LiveClient {
  events: ReceivedEvent[];
  /** The HTTP status of a refused connection (EventSource reports it and gives up). */
  refusedWith(): Promise<number | undefined>;
  waitFor(predicate: (event: ReceivedEvent) => boolean, what: string, boundMs?: number): Promise<ReceivedEvent>;
  errors: number;
  close(): void;
}

/** An EventSource on `path`, with a bearer token and extra headers (Last-Event-ID, a consistency token) when given. */
export function openLive(baseUrl: string, path: string, options: { token?: string; headers?: Record<string, string>; types: string[] }): LiveClient {
  const extra = { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers };
  const source = new EventSource(`${baseUrl}${path}`, {
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), ...extra } }),
  });
  const events: ReceivedEvent[] = [];
  const waiters = new Set<() => void>();
  const client: LiveClient = {
    events,
    errors: 0,
    refusedWith: () =>
      new Promise((resolve) => {
        source.addEventListener('open', () => resolve(undefined));
        source.addEventListener('error', (event) => resolve((event as ErrorEvent).code));
      }),
    waitFor: (predicate, what, boundMs = 15_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(predicate);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${what} within ${boundMs} ms; received ${JSON.stringify(events.map((event) => ({ type: event.type, id: event.id })))}`));
        }, boundMs);
        if (!check()) waiters.add(check);
      }),
    close: () => source.close(),
  };
  for (const type of options.types) {
    source.addEventListener(type, (event) => {
      events.push({ type, id: event.lastEventId, data: JSON.parse(String(event.data)) as Record<string, unknown> });
      for (const waiter of [...waiters]) waiter();
    });
  }
  source.addEventListener('error', () => (client.errors += 1));
  return client;
}

/** The stream's bytes as text, for what EventSource hides: heartbeat comments, and the end of the stream. */
export async function openRawStream(baseUrl: string, path: string, token?: string) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {}, signal: controller.signal });
  let text = '';
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  const ended = (async () => {
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) return 'ended' as const;
        text += decoder.decode(chunk.value, { stream: true });
      }
    } catch {
      return 'aborted' as const;
    }
  })();
  return { response, text: () => text, ended, abort: () => controller.abort() };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the live suites need of a running platform, in either topology. */
export interface LivePlatform {
  baseUrl: string;
  eventStore: EventStore;
  /** As the admin unless `token` or `anonymous` says otherwise. */
  request: PlatformUnderTest['request'];
  close(): Promise<void>;
}

/**
 * The whole platform in this process as `ecommerce start` runs it, but without the processors:
 * the suites take the order lifecycle one step at a time (the steps the processors would take),
 * so every status reaches the read model, and the stream, on its own.
 */
export async function startPlatformWithoutProcessors(env: Record<string, string>): Promise<LivePlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-live-'));
  const mongo = process.env.MONGO_URL ? { MONGO_URL: process.env.MONGO_URL, MONGO_DATABASE: `live_${dataDir.split('-').at(-1)?.replace(/[^A-Za-z0-9]/g, '') ?? 'x'}` } : {};
  const settings = loadSettings({ ...mongo, ...testRateLimits, ADMIN_EMAIL: testAdmin.email, ADMIN_PASSWORD: testAdmin.password, DATA_DIR: dataDir, DEMO_CATALOG: 'false', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PARTITIONS: '4', ...env });
  const running = await runComponents(settings, createLogger({ level: settings.LOG_LEVEL }), { gateway: true, mirror: true, projections: true, seedIfEmpty: true, port: 0 });
  const baseUrl = `http://127.0.0.1:${(running.servers[0]?.address() as AddressInfo).port}`;
  const adminToken = await loginAs(baseUrl, testAdmin.email, testAdmin.password);
  return {
    baseUrl,
    eventStore: running.adapters.eventStore,
    request: (method, path, options) => requestJson(baseUrl, method, path, options, adminToken),
    async close() {
      await running.stop();
      removeDataDir(dataDir);
    },
  };
}

/** A new customer's access token and user id. */
export async function newCustomer(baseUrl: string, name: string): Promise<{ token: string; userId: string }> {
  const email = `${name}.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@live.test`;
  const password = `Live-${name}-Passphrase-42`;
  const registered = await requestJson(baseUrl, 'POST', '/api/auth/register', { body: { email, password, name } });
  if (registered.status !== 201) throw new Error(`registering ${name} answered ${registered.status}: ${JSON.stringify(registered.body)}`);
  return { token: await loginAs(baseUrl, email, password), userId: String(registered.body.id) };
}

/** The order lifecycle one step at a time: what the processors would do, through the same deciders (as lifecycle-steps.fixture does). */
export function orderSteps(platform: LivePlatform) {
  const context = { eventStore: platform.eventStore, clock: () => new Date() };
  const orderOf = async (orderId: string) => {
    const { state } = await aggregateStream(platform.eventStore, orderStreamId(orderId), orderDecider);
    if (state.status === 'absent') throw new Error(`no order ${orderId}`);
    return state;
  };
  const decideOrder = (orderId: string, command: OrderCommand) => handleCommand(context, { streamId: orderStreamId(orderId), decider: orderDecider, commands: [command] });
  return {
    async confirm(orderId: string) {
      for (const line of (await orderOf(orderId)).lines) {
        await decideOrder(orderId, { type: 'RecordReservation', data: { orderId, sku: line.sku, outcome: 'reserved', now: new Date().toISOString(), paymentWindowMs: 900_000 } });
      }
    },
    /** The customer pays; the provider captures; the order is paid. */
    async pay(token: string, orderId: string) {
      const requested = await platform.request('POST', `/api/orders/${orderId}/pay`, { token, body: { paymentMethod: 'pm_card_visa' } });
      if (requested.status !== 202) throw new Error(`paying answered ${requested.status}: ${JSON.stringify(requested.body)}`);
      const paymentId = String(requested.body.paymentId);
      await handleCommand(context, {
        streamId: paymentStreamId(paymentId), decider: paymentDecider,
        commands: [{ type: 'RecordPaymentOutcome', data: { paymentId, at: new Date().toISOString(), outcome: 'captured', providerPaymentId: null } }],
      });
      await decideOrder(orderId, { type: 'MarkPaid', data: { orderId, paymentId, amount: (await orderOf(orderId)).total } });
    },
  };
}
