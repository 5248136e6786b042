import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from './kafkajs';
import { text, uniqueName, waitFor } from '../contract-helpers';
import { createKafkaLog, createKafkaLogCreator } from './kafka';
import { spawnKafkaChild, summariseHandling } from './child.fixture';
import type { KafkaChild, KafkaChildOptions } from './child.fixture';
import type { Log } from '../port';

const brokers = process.env.KAFKA_BROKERS;
const describeWithKafka = brokers ? describe : describe.skip;
if (!brokers) console.warn('skipped: set KAFKA_BROKERS to run');

const PARTITIONS = 6;
const KEYS = 60;
const MIN_MESSAGES = 3000;
/** 50 messages every 100 ms: 3000 take about 6 s, long enough for a join and a leave under load. */
const SEND_SIZE = 50;
const SEND_EVERY_MS = 100;
const MAX_BATCH_SIZE = 20;
/** 20 messages per 40 ms: a member handles about as fast as messages come, so batches are in flight at every rebalance. */
const WORK_MS_PER_BATCH = 40;

const exitedCleanly = { code: 0, signal: null };

/** Produces `${key}:${seq}` round the keys at a steady rate until `enough(count)` and at least MIN_MESSAGES. */
function startProducing(log: Log, topic: string, enough: (count: number) => boolean) {
  const produced: string[] = [];
  const producer = log.createProducer();
  let abandoned = false;
  const done = (async () => {
    const deadline = Date.now() + 45_000;
    while (produced.length < MIN_MESSAGES || !enough(produced.length)) {
      if (abandoned) break;
      if (Date.now() > deadline) throw new Error(`production ran past its deadline after ${produced.length} messages`);
      const started = Date.now();
      const records = Array.from({ length: SEND_SIZE }, (_, index) => {
        const position = produced.length + index;
        const key = `key-${position % KEYS}`;
        return { topic, key, value: text(`${key}:${Math.floor(position / KEYS)}`) };
      });
      // Sent one request after another, so each key's offsets follow its seq.
      await producer.send(records);
      produced.push(...records.map((record) => record.value.toString('utf8')));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, SEND_EVERY_MS - (Date.now() - started))));
    }
    await producer.close();
  })();
  done.catch(() => undefined);
  /** For a failed test's cleanup. */
  const abandon = () => {
    abandoned = true;
    return done.catch(() => undefined);
  };
  return { produced, done, abandon };
}

const splitBetween = (first: KafkaChild, second: KafkaChild) => {
  const [ours, theirs] = [first.partitions(), second.partitions()];
  return ours.length > 0 && theirs.length > 0 && ours.length + theirs.length === PARTITIONS && new Set([...ours, ...theirs]).size === PARTITIONS;
};

/** waitFor that fails at once when one of the members dies unasked. */
const waitWhileAlive = (members: KafkaChild[], what: string, check: () => boolean | Promise<boolean>, timeoutMs: number) =>
  Promise.race([waitFor(what, check, timeoutMs), ...members.map((member) => member.unexpectedExit)]);

const distinctHandled = (children: KafkaChild[]) => new Set(children.flatMap((child) => child.records().map((record) => record.value))).size;

describeWithKafka('kafka consumer group across processes', () => {
  let dir: string;
  let log: Log;
  const children: KafkaChild[] = [];
  const productions: Array<ReturnType<typeof startProducing>> = [];
  const produce = (topic: string, enough: (count: number) => boolean) => {
    const production = startProducing(log, topic, enough);
    productions.push(production);
    return production;
  };

  const spawnMember = (topic: string, groupId: string, member: string, settings: Partial<KafkaChildOptions> = {}) => {
    const child = spawnKafkaChild(dir, {
      brokers: brokers ?? '',
      topic,
      groupId,
      member,
      // The broker's least session (group.min.session.timeout.ms): a dead member is noticed soonest.
      sessionTimeoutMs: 6000,
      heartbeatIntervalMs: 500,
      maxBatchSize: MAX_BATCH_SIZE,
      workMsPerBatch: WORK_MS_PER_BATCH,
      ...settings,
    });
    children.push(child);
    return child;
  };

  const waitForCommittedToEnd = (members: KafkaChild[], topic: string, groupId: string) =>
    waitWhileAlive(members, 'the group’s offsets committed up to the end', async () => {
      const [ends, committed] = [await log.endOffsets(topic), await log.committedOffsets(groupId, topic)];
      return ends.every((end, partition) => committed[partition] === end);
    }, 20_000);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kafka-log-processes-'));
    const kafka = new Kafka({ clientId: 'kafka-processes-test', brokers: (brokers ?? '').split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() });
    log = createKafkaLog(kafka, { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 100 });
  });

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await Promise.all(productions.splice(0).map((production) => production.abandon()));
    await log.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hands partitions over on a graceful join and leave: nothing lost, nothing handled twice, each key in order', async () => {
    const topic = uniqueName('rebalance');
    const groupId = uniqueName('group');
    await log.ensureTopics([{ topic, partitions: PARTITIONS }]);
    const first = spawnMember(topic, groupId, 'first');
    await waitWhileAlive([first], 'the first member to hold every partition', () => first.partitions().length === PARTITIONS, 30_000);

    let producedWhenFirstLeft: number | null = null;
    // Production goes on past the leave, so the second member takes over partitions still being written.
    const production = produce(topic, (count) => producedWhenFirstLeft !== null && count >= producedWhenFirstLeft + 500);
    await waitWhileAlive([first], 'the first member alone to handle messages', () => first.records().length >= 300, 20_000);

    const second = spawnMember(topic, groupId, 'second');
    await waitWhileAlive([first, second], 'the partitions split between the two members', () => splitBetween(first, second), 30_000);
    const firstHandledAtSplit = first.records().length;
    const firstHeld = first.partitions();
    await waitWhileAlive([first, second], 'both members handling after the split', () => second.records().length >= 100 && first.records().length >= firstHandledAtSplit + 100, 20_000);

    expect(await first.stop()).toEqual(exitedCleanly);
    producedWhenFirstLeft = production.produced.length;
    expect(first.events.at(-1)).toEqual({ type: 'stopped' });
    await waitWhileAlive([second], 'the second member to hold every partition', () => second.partitions().length === PARTITIONS, 30_000);
    await production.done;
    await waitWhileAlive([second], 'every produced message handled', () => distinctHandled([first, second]) === production.produced.length, 30_000);
    await waitForCommittedToEnd([second], topic, groupId);
    expect(await second.stop()).toEqual(exitedCleanly);

    const records = [...first.records(), ...second.records()];
    const summary = summariseHandling(production.produced, records);
    expect(summary.missing).toEqual([]);
    // Every departure was graceful and each record precedes its commit: exactly once.
    expect(summary.duplicates).toEqual([]);
    expect(summary.partitionsOutOfOrder).toEqual([]);
    expect(summary.keysOutOfOrder).toEqual([]);
    expect(records).toHaveLength(production.produced.length);
    // The handover happened under load: the second member went on where the first stopped.
    const lastOfFirst = new Map(first.records().map((record) => [record.partition, record.offset]));
    for (const partition of firstHeld) {
      expect(second.records().some((record) => record.partition === partition && record.offset > (lastOfFirst.get(partition) ?? -1))).toBe(true);
    }
  }, 90_000);

  it('redelivers a killed member’s uncommitted messages to the survivor: nothing lost', async () => {
    const topic = uniqueName('rebalance-kill');
    const groupId = uniqueName('group');
    await log.ensureTopics([{ topic, partitions: PARTITIONS }]);
    const doomed = spawnMember(topic, groupId, 'doomed');
    const survivor = spawnMember(topic, groupId, 'survivor');
    await waitWhileAlive([doomed, survivor], 'the partitions split between the two members', () => splitBetween(doomed, survivor), 30_000);
    const doomedHeld = doomed.partitions();

    let producedAtKill: number | null = null;
    const production = produce(topic, (count) => producedAtKill !== null && count >= producedAtKill + 500);
    await waitWhileAlive([doomed, survivor], 'both members handling', () => doomed.records().length >= 300 && survivor.records().length >= 300, 20_000);
    expect(await doomed.kill()).toEqual({ code: null, signal: 'SIGKILL' });
    producedAtKill = production.produced.length;

    await waitWhileAlive([survivor], 'the survivor to hold every partition', () => survivor.partitions().length === PARTITIONS, 30_000);
    await production.done;
    await waitWhileAlive([survivor], 'every produced message handled', () => distinctHandled([doomed, survivor]) === production.produced.length, 30_000);
    await waitForCommittedToEnd([survivor], topic, groupId);
    expect(await survivor.stop()).toEqual(exitedCleanly);

    const summary = summariseHandling(production.produced, [...doomed.records(), ...survivor.records()]);
    expect(summary.missing).toEqual([]);
    // At-least-once: only what the killed member handled but had not committed comes again, to the survivor.
    // A member commits after each chunk, and handles one chunk per partition at a time (partitions
    // concurrently when configured so), so that is at most one chunk in flight on each partition it held.
    for (const duplicate of summary.duplicates) {
      expect(duplicate.members).toEqual(['doomed', 'survivor']);
      expect(doomedHeld).toContain(duplicate.partition);
    }
    const duplicatesPerPartition = new Map<number, number>();
    for (const duplicate of summary.duplicates) duplicatesPerPartition.set(duplicate.partition, (duplicatesPerPartition.get(duplicate.partition) ?? 0) + 1);
    for (const count of duplicatesPerPartition.values()) expect(count).toBeLessThanOrEqual(MAX_BATCH_SIZE);
    console.log(`SIGKILL of a member: ${summary.duplicates.length} message(s) handled twice, ${production.produced.length} produced`);
  }, 90_000);
  it('reports every partition revoked and assigned again when a member evicted while stalled rejoins, even those it gets back', async () => {
    const topic = uniqueName('rebalance-evicted');
    const groupId = uniqueName('group');
    await log.ensureTopics([{ topic, partitions: PARTITIONS }]);
    const member = spawnMember(topic, groupId, 'stalled');
    await waitWhileAlive([member], 'the member to hold every partition', () => member.partitions().length === PARTITIONS, 30_000);
    const eventsBefore = member.events.length;
    // Stalled past its session timeout (6 s): the coordinator evicts it; alone in its group, it gets every partition back.
    member.process.kill('SIGSTOP');
    await new Promise((resolve) => setTimeout(resolve, 9000));
    member.process.kill('SIGCONT');
    const all = Array.from({ length: PARTITIONS }, (_, partition) => partition);
    const since = () => member.events.slice(eventsBefore);
    await waitWhileAlive([member], 'the member to join again', () => since().some((event) => event.type === 'assigned'), 30_000);
    expect(since().filter((event) => event.type === 'revoked' || event.type === 'assigned')).toEqual([
      { type: 'revoked', partitions: all },
      { type: 'assigned', partitions: all },
    ]);
    expect(member.partitions()).toEqual(all);
    expect(await member.stop()).toEqual(exitedCleanly);
  }, 90_000);

  it('rejoins within the rebalance timeout while slow prefetched batches wait: nobody is evicted, nothing handled twice', async () => {
    const topic = uniqueName('rebalance-slow');
    const groupId = uniqueName('group');
    const partitions = 12;
    await log.ensureTopics([{ topic, partitions }]);
    const producer = log.createProducer();
    const produced = Array.from({ length: partitions * MAX_BATCH_SIZE }, (_, position) => `key-${position % KEYS}:${Math.floor(position / KEYS)}`);
    await producer.send(produced.map((value) => ({ topic, key: value.slice(0, value.indexOf(':')), value: text(value) })));
    await producer.close();
    // One fetch brings a batch of every partition. Were each still handled after the rebalance
    // began, the member would come back after ~12 s of work, long past the rebalance timeout.
    const slow = { workMsPerBatch: 1000, rebalanceTimeoutMs: 3500 };
    const first = spawnMember(topic, groupId, 'first', slow);
    await waitWhileAlive([first], 'the first member busy with the backlog', () => first.records().length > 0, 30_000);
    const second = spawnMember(topic, groupId, 'second', slow);
    await waitWhileAlive([first, second], 'every message handled', () => distinctHandled([first, second]) === produced.length, 60_000);
    await waitForCommittedToEnd([first, second], topic, groupId);
    expect(await second.stop()).toEqual(exitedCleanly);
    expect(await first.stop()).toEqual(exitedCleanly);

    const summary = summariseHandling(produced, [...first.records(), ...second.records()]);
    expect(summary.missing).toEqual([]);
    expect(summary.duplicates).toEqual([]);
    expect(summary.partitionsOutOfOrder).toEqual([]);
    expect(second.records().length).toBeGreaterThan(0);
  }, 90_000);
});
