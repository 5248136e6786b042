import { eventHeaders, inboxTopicOf } from '@ecommerce/platform';
import { messageIdHeader } from '@ecommerce/processors';
import { eventTopic } from '@ecommerce/schemas';
import type { Log, LogMessage } from '@ecommerce/platform';
import { percentile } from './rate';
import type { Figure } from './report';

/**
 * Where an order's time goes between placement and confirmation, hop by hop: each message on the
 * way carries its cause's id (`causation-id`), each event its time of decision (`occurred-at`) and
 * each record the time it was produced. Read back from the log after a phase, they split
 * placed→confirmed into the mirror's, the router's and the actors' shares.
 */

/** The topics an order's path crosses: its events (ordering, inventory) and the inboxes the router writes. */
export const orderPathTopics = {
  events: [eventTopic('OrderPlaced'), eventTopic('StockReserved')],
  inboxes: [inboxTopicOf('inventory'), inboxTopicOf('order')],
} as const;

export const hopNames = [
  'OrderPlaced appended → published (mirror)',
  '→ inventory inbox (router)',
  '→ StockReserved (inventory actor)',
  'StockReserved → published (mirror)',
  '→ order inbox (router)',
  '→ OrderConfirmed (order actor)',
] as const;

export type HopName = (typeof hopNames)[number];

/** What a hop needs of a record: when it was produced, and its headers. */
export type HopRecord = Pick<LogMessage, 'timestamp' | 'headers'>;

export interface OrderHops {
  /** Each hop's delays in ms, one per traced order, in the order of `orderIds`. */
  delays: Record<HopName, number[]>;
  traced: number;
  /** Orders whose path was not all in the records (an event not yet published, say). */
  untraced: number;
}

const header = (record: HopRecord, name: string): string | undefined => {
  const value = record.headers[name];
  return value === undefined || value === null ? undefined : String(value);
};
const occurredAt = (record: HopRecord): number => Date.parse(header(record, eventHeaders.occurredAt) ?? '');

/**
 * The hops of each order, walked back from its `OrderConfirmed` record: the order inbox message
 * that caused it, the `StockReserved` routed there, the inventory inbox message that caused that,
 * and the `OrderPlaced` routed into it. An order of several lines is traced along the line whose
 * reservation confirmed it, the last one.
 */
export function traceOrderHops(orderIds: readonly string[], events: readonly HopRecord[], inboxes: readonly HopRecord[]): OrderHops {
  const eventsById = new Map<string, HopRecord>();
  const confirmations = new Map<string, HopRecord>();
  for (const record of events) {
    const id = header(record, eventHeaders.eventId);
    if (id !== undefined) eventsById.set(id, record);
    if (header(record, eventHeaders.type) === 'OrderConfirmed') confirmations.set(header(record, eventHeaders.stream) ?? '', record);
  }
  const inboxById = new Map<string, HopRecord>();
  for (const record of inboxes) {
    const id = header(record, messageIdHeader);
    if (id !== undefined) inboxById.set(id, record);
  }
  const causeOf = (record: HopRecord | undefined, among: Map<string, HopRecord>): HopRecord | undefined => {
    const cause = record && header(record, eventHeaders.causationId);
    return cause === undefined ? undefined : among.get(cause);
  };
  const delays = Object.fromEntries(hopNames.map((name) => [name, [] as number[]])) as Record<HopName, number[]>;
  let traced = 0;
  for (const orderId of orderIds) {
    const confirmed = confirmations.get(`order-${orderId}`);
    const orderInbox = causeOf(confirmed, inboxById);
    const reserved = causeOf(orderInbox, eventsById);
    const inventoryInbox = causeOf(reserved, inboxById);
    const placed = causeOf(inventoryInbox, eventsById);
    if (!confirmed || !orderInbox || !reserved || !inventoryInbox || !placed) continue;
    if (header(reserved, eventHeaders.type) !== 'StockReserved' || header(placed, eventHeaders.type) !== 'OrderPlaced') continue;
    const times = [occurredAt(placed), placed.timestamp, inventoryInbox.timestamp, occurredAt(reserved), reserved.timestamp, orderInbox.timestamp, occurredAt(confirmed)];
    if (times.some((time) => !Number.isFinite(time))) continue;
    hopNames.forEach((name, index) => delays[name].push((times[index + 1] as number) - (times[index] as number)));
    traced += 1;
  }
  return { delays, traced, untraced: orderIds.length - traced };
}

/** Each hop's p50 as a figure, its p90 and p99 in the note. */
export function orderHopFigures(section: string, name: string, hops: OrderHops): Figure[] {
  if (hops.traced === 0) return [{ section, metric: `${name} hops traced`, value: 0, unit: 'orders', note: `none of the ${hops.untraced} orders had its whole path in the log` }];
  return hopNames.map((hop, index) => {
    const sorted = [...hops.delays[hop]].sort((a, b) => a - b);
    const note = `p90 ${percentile(sorted, 90)} ms, p99 ${percentile(sorted, 99)} ms${index === 0 ? `; record times and causation headers of ${hops.traced} orders (${hops.untraced} not traced)` : ''}`;
    return { section, metric: `${name} hop ${index + 1}: ${hop} p50`, value: percentile(sorted, 50), unit: 'ms', note };
  });
}

/** Where each partition of the order path's topics ends now: a phase reads its records from there. */
export async function orderPathOffsets(log: Log): Promise<Map<string, number[]>> {
  const topics = [...orderPathTopics.events, ...orderPathTopics.inboxes];
  return new Map(await Promise.all(topics.map(async (topic) => [topic, await log.endOffsets(topic)] as const)));
}

const readPage = 5000;

async function readSince(log: Log, topic: string, from: readonly number[]): Promise<LogMessage[]> {
  const ends = await log.endOffsets(topic);
  const messages: LogMessage[] = [];
  for (const [partition, end] of ends.entries()) {
    let offset = from[partition] ?? 0;
    while (offset < end) {
      const page = await log.read(topic, partition, offset, readPage);
      if (page.length === 0) break;
      messages.push(...page);
      offset = (page.at(-1) as LogMessage).offset + 1;
    }
  }
  return messages;
}

/**
 * The order path's records since `from` (`orderPathOffsets` before the phase), traced for the
 * phase's orders. A phase ends when the event store holds every answer; the mirror may publish the
 * last confirmations a little later, so the log is read again while that leaves orders untraced.
 */
export async function readOrderHops(log: Log, from: Map<string, number[]>, orderIds: readonly string[], options: { tries?: number; pauseMs?: number } = {}): Promise<OrderHops> {
  const read = (topics: readonly string[]) => Promise.all(topics.map((topic) => readSince(log, topic, from.get(topic) ?? []))).then((lists) => lists.flat());
  for (let tries = options.tries ?? 10; ; tries -= 1) {
    const [events, inboxes] = await Promise.all([read(orderPathTopics.events), read(orderPathTopics.inboxes)]);
    const hops = traceOrderHops(orderIds, events, inboxes);
    if (hops.untraced === 0 || tries <= 1) return hops;
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 1000));
  }
}
