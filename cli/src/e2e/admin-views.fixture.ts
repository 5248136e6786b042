import { eventTopics, readDeadLetterPage } from '@ecommerce/platform';
import type { DeadLetter } from '@ecommerce/platform';
import type { PlatformUnderTest } from './harness';

/** The consumer group that dead-letters what the identity topic carries that it cannot decode. */
export const usersProjectionGroup = 'projection.users.v1';

let serial = 0;

/**
 * A real dead letter: bytes that are not the Confluent wire format, written to an event topic
 * through the log port, dead-lettered by the users projection as it reads them. Returns the dead
 * letter and where the message was.
 */
export async function produceDeadLetter(platform: PlatformUnderTest): Promise<{ letter: DeadLetter; urlId: string; topic: string; partition: number; offset: number }> {
  const topic = eventTopics.identity;
  const producer = platform.log.createProducer();
  let written: { partition: number; offset: number } | undefined;
  try {
    serial += 1;
    [written] = await producer.send([{ topic, key: `user-not-a-user-${serial}`, value: Buffer.from(`not avro ${serial}`), headers: { 'event-type': 'UserRegistered' } }]);
  } finally {
    await producer.close();
  }
  if (!written) throw new Error('the log returned no offset for the message');
  const letter = await waitForDeadLetter(platform, topic, written.partition, written.offset);
  return { letter, urlId: letter.id.replace('/', '-'), topic, partition: written.partition, offset: written.offset };
}

/** Waits until the users projection dead-lettered the message at topic/partition@offset. */
export async function waitForDeadLetter(platform: PlatformUnderTest, topic: string, partition: number, offset: number, timeoutMs = 20_000): Promise<DeadLetter> {
  for (let waited = 0; waited < timeoutMs; waited += 50) {
    const { items } = await readDeadLetterPage(platform.log, { limit: 100 });
    const letter = items.find(({ source }) => source?.kind === 'message' && source.groupId === usersProjectionGroup && source.topic === topic && source.partition === partition && source.offset === offset);
    if (letter) return letter;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no dead letter for ${topic}/${partition}@${offset} after ${timeoutMs} ms`);
}
