import { deterministicEventId, timerLeadershipTopic } from '@ecommerce/platform';
import type { Consumer, EventStore, Log, Logger, Producer, ProducerRecord, RecordedEvent, Subscription } from '@ecommerce/platform';
import { messageIdHeader } from './actor-host';
import { encodeInboxMessage } from './inbox';
import { createMinHeap } from './min-heap';
import { jitteredBackoffMs } from './retry';
import { checkpointRecord, ensureTimerCheckpointTopic, readTimerCheckpoint } from './timer-checkpoint';
import type { TimerCheckpoint } from './timer-checkpoint';

/** Which events schedule timers, and where their `TimerFired` goes. */
export interface TimerSpec {
  eventType: string;
  keyOf: (event: RecordedEvent) => string;
  dueAtOf: (event: RecordedEvent) => Date | string | number;
  timerIdOf: (event: RecordedEvent) => string;
  inboxTopic: string;
}

export interface TimerServiceOptions {
  eventStore: EventStore;
  log: Log;
  timers: TimerSpec[];
  /** The checkpoint's key, the transactional id and the leadership group: one instance of a name runs the timers, others wait. */
  name: string;
  logger: Logger;
  clock?: () => Date;
  tickMs?: number;
  /** How often a checkpoint is written when nothing fires but new timers were seen. */
  checkpointEveryMs?: number;
}

export interface TimerService {
  start(): Promise<void>;
  stop(): Promise<void>;
  pendingTimers(): number;
  /** Whether this instance runs the timers now (the others of its name wait as standbys). */
  isActive(): boolean;
}

interface PendingTimer {
  timerId: string;
  dueAt: number;
  key: string;
  inboxTopic: string;
  position: number;
  sourceEventId: string;
  correlationId: string;
}

/**
 * Durable timers: a timer is an event in the actor's stream with a due time; this service follows
 * those events in `$all` (a subscription to their types only), keeps pending timers in a min-heap and, when one is due, produces `TimerFired` to the
 * actor's inbox in the same log transaction as its checkpoint. Recovery: the checkpoint says
 * `after` (every timer scheduled up to that position fired) and which later timers fired; a
 * restart re-scans `$all` from `after` and skips those. So each timer fires once as read_committed
 * consumers see it, and at least once in any case; actors ignore stale timers.
 */
export function createTimerService(options: TimerServiceOptions): TimerService {
  const { eventStore, log, logger, name } = options;
  const clock = options.clock ?? (() => new Date());
  const specs = new Map(options.timers.map((spec) => [spec.eventType, spec]));
  const pending = new Map<string, PendingTimer>();
  const fired = new Map<string, number>();
  const heap = createMinHeap<PendingTimer>((timer) => timer.dueAt);
  let lastSeen = 0;
  let lastWritten = '';
  let lastWrittenAt = 0;
  let failures = 0;
  let retryAt = 0;
  let producer: Producer | undefined;
  let subscription: Subscription | undefined;
  let ticker: NodeJS.Timeout | undefined;
  let ticking: Promise<void> = Promise.resolve();

  function onEvent(event: RecordedEvent): void {
    lastSeen = event.position;
    const spec = specs.get(event.type);
    if (!spec) return;
    const timerId = spec.timerIdOf(event);
    if (fired.has(timerId) || pending.has(timerId)) return;
    const dueAt = new Date(spec.dueAtOf(event)).getTime();
    if (Number.isNaN(dueAt)) return void logger.error({ eventId: event.id, timerId }, 'timer event without a valid due time: ignored');
    const timer = { timerId, dueAt, key: spec.keyOf(event), inboxTopic: spec.inboxTopic, position: event.position, sourceEventId: event.id, correlationId: String(event.metadata.correlationId ?? event.id) };
    pending.set(timerId, timer);
    heap.push(timer);
  }

  const checkpoint = (): TimerCheckpoint => {
    const after = pending.size > 0 ? Math.min(...[...pending.values()].map((timer) => timer.position)) - 1 : lastSeen;
    for (const [timerId, position] of fired) if (position <= after) fired.delete(timerId);
    return { after, fired: [...fired.entries()] };
  };

  const firedRecord = (timer: PendingTimer): ProducerRecord => ({
    topic: timer.inboxTopic,
    key: timer.key,
    value: encodeInboxMessage({ type: 'TimerFired', timerId: timer.timerId, key: timer.key, dueAt: new Date(timer.dueAt).toISOString() }),
    headers: { [messageIdHeader]: deterministicEventId(`timer:${timer.timerId}`, 0), 'causation-id': timer.sourceEventId, 'correlation-id': timer.correlationId },
  });

  async function tick(): Promise<void> {
    const now = clock().getTime();
    if (!producer || now < retryAt) return;
    const due: PendingTimer[] = [];
    while (heap.size() > 0 && (heap.peek()?.dueAt ?? Infinity) <= now) {
      const timer = heap.pop() as PendingTimer;
      if (pending.get(timer.timerId) === timer) due.push(timer);
    }
    for (const timer of due) {
      pending.delete(timer.timerId);
      fired.set(timer.timerId, timer.position);
    }
    const next = checkpoint();
    const serialized = JSON.stringify(next);
    const checkpointDue = serialized !== lastWritten && now - lastWrittenAt >= (options.checkpointEveryMs ?? 1000);
    if (due.length === 0 && !checkpointDue) return;
    try {
      await producer.transaction((tx) => tx.send([...due.map(firedRecord), checkpointRecord(name, next)]));
      lastWritten = serialized;
      lastWrittenAt = now;
      failures = 0;
      if (due.length > 0) logger.info({ timers: due.map((timer) => timer.timerId) }, 'timers fired');
    } catch (error) {
      // Not fired after all: back in the heap, tried again after a backoff.
      for (const timer of due) {
        fired.delete(timer.timerId);
        pending.set(timer.timerId, timer);
        heap.push(timer);
      }
      failures += 1;
      retryAt = now + jitteredBackoffMs(failures, 100);
      logger.warn({ err: error, failures }, 'timers not fired: retrying');
    }
  }

  const scheduleTick = () => {
    ticking = ticking.then(tick).catch((error: unknown) => logger.error({ err: error }, 'timer tick failed'));
  };

  /** Whether the checkpoint was read: only then may a last one be written on the way out. */
  let loaded = false;

  /** Takes the service on: fences a previous leader, reads the checkpoint, re-scans `$all` from it. */
  async function activate(): Promise<void> {
    producer = log.createProducer({ transactionalId: `timer-service.${name}` });
    // Fences an older instance and aborts what it left open before the checkpoint is read.
    await producer.claim();
    const saved = await readTimerCheckpoint(log, name);
    lastSeen = saved?.after ?? 0;
    for (const [timerId, position] of saved?.fired ?? []) fired.set(timerId, position);
    lastWritten = JSON.stringify(saved ?? {});
    loaded = true;
    logger.info({ name, after: lastSeen, firedSince: fired.size }, 'timer service active; re-scanning $all from its checkpoint');
    subscription = eventStore.subscribeToAll({
      after: saved && saved.after > 0 ? saved.after : undefined,
      // Only the events that schedule timers: an order appends many more, none of them read here.
      types: [...specs.keys()],
      onEvent,
      onError: (error) => logger.error({ err: error }, 'timer service subscription stopped'),
    });
    ticker = setInterval(scheduleTick, options.tickMs ?? 100);
  }

  /** Gives the service up: a last checkpoint (best effort: a new leader may have fenced it already), then nothing is kept. */
  async function deactivate(): Promise<void> {
    clearInterval(ticker);
    ticker = undefined;
    await subscription?.stop();
    subscription = undefined;
    await ticking;
    lastWrittenAt = 0;
    retryAt = 0;
    if (loaded) await tick();
    loaded = false;
    await producer?.close();
    producer = undefined;
    pending.clear();
    fired.clear();
    heap.clear();
    lastSeen = 0;
    lastWritten = '';
    failures = 0;
  }

  // Leadership: the instances of one name are one consumer group on a single-partition topic
  // nobody writes to (so the group never lags), and whoever holds the partition runs the timers.
  // The others wait as standbys and take over when the leader leaves or its session expires;
  // fencing keeps a stalled former leader from writing after that.
  let leadership: Consumer | undefined;
  let leader = false;
  let active = false;
  let transitions: Promise<void> = Promise.resolve();
  let activationFailures = 0;
  let retryTimer: NodeJS.Timeout | undefined;

  /** Brings `active` in line with `leader`, one transition at a time; a failed take-over is retried while this instance leads. */
  const settle = (): Promise<void> => {
    transitions = transitions
      .then(async () => {
        if (active === leader) return;
        active = leader;
        if (!leader) return deactivate();
        try {
          await activate();
          activationFailures = 0;
        } catch (error) {
          active = false;
          activationFailures += 1;
          logger.error({ err: error, name, attempt: activationFailures }, 'timer service could not take over; retrying');
          await deactivate().catch(() => undefined);
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => void settle(), jitteredBackoffMs(activationFailures, 500));
        }
      })
      .catch((error: unknown) => logger.error({ err: error, name }, 'timer service did not step down cleanly'));
    return transitions;
  };

  return {
    async start() {
      // Inbox topics are the composition root's to create, with the platform's partition count.
      await ensureTimerCheckpointTopic(log);
      leadership = log.createConsumer({
        groupId: `timer-service.${name}`,
        topics: [timerLeadershipTopic],
        eachBatch: async () => undefined,
        onPartitionsAssigned: () => {
          leader = true;
          void settle();
        },
        onPartitionsRevoked: () => {
          leader = false;
          void settle();
        },
      });
      await leadership.start();
      await transitions;
    },
    async stop() {
      clearTimeout(retryTimer);
      await leadership?.stop();
      leadership = undefined;
      leader = false;
      await settle();
    },
    pendingTimers: () => pending.size,
    isActive: () => active,
  };
}
