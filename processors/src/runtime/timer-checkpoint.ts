import { timerCheckpointTopic, timerLeadershipTopic } from '@ecommerce/platform';
import type { Log, ProducerRecord } from '@ecommerce/platform';

/**
 * Where a timer service resumes: every timer scheduled at a `$all` position up to `after` has
 * fired; `fired` lists the timers after it that fired already (skipped on the re-scan).
 */
export interface TimerCheckpoint {
  after: number;
  fired: Array<[timerId: string, position: number]>;
}

export const checkpointRecord = (name: string, checkpoint: TimerCheckpoint): ProducerRecord => ({
  topic: timerCheckpointTopic,
  key: name,
  value: Buffer.from(JSON.stringify(checkpoint), 'utf8'),
});

/** The latest checkpoint of `name`, read backwards through the (compacted) topic. Claim the producer first. */
export async function readTimerCheckpoint(log: Log, name: string): Promise<TimerCheckpoint | null> {
  const [end = 0] = await log.endOffsets(timerCheckpointTopic);
  const window = 200;
  for (let to = end; to > 0; to -= window) {
    const from = Math.max(0, to - window);
    const messages = await log.read(timerCheckpointTopic, 0, from, to - from);
    for (const message of messages.reverse()) {
      if (message.key !== name || message.offset >= to || !message.value) continue;
      const parsed = JSON.parse(message.value.toString('utf8')) as Partial<TimerCheckpoint>;
      if (typeof parsed.after === 'number' && Array.isArray(parsed.fired)) return { after: parsed.after, fired: parsed.fired };
    }
  }
  return null;
}

export async function ensureTimerCheckpointTopic(log: Log): Promise<void> {
  await log.ensureTopics([{ topic: timerCheckpointTopic, partitions: 1, compacted: true }, { topic: timerLeadershipTopic, partitions: 1 }]);
}

