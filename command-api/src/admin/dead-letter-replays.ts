import { AppError, ConcurrencyError, describeDeadLetterSource, timeOrderedId, readDeadLetter, replayDeadLetter } from '@ecommerce/platform';
import type { EventStore, Log, Principal, RecordedEvent } from '@ecommerce/platform';
import type { DeadLetterReplayed } from '@ecommerce/schemas';

/**
 * Replaying a dead letter at most once. The replay is claimed in a stream of its own before the
 * copy is produced, so two admins (or two command-api instances) racing on one dead letter publish
 * one copy: the loser's append conflicts. These streams carry no domain facts: the mirror does not
 * publish them (their event types have no Avro schema), as with the idempotency streams.
 */
export const deadLetterReplayStreamPrefix = 'dlq-replay-';

const streamOf = (id: string) => `${deadLetterReplayStreamPrefix}${id.replace('/', '-')}`;

interface ReplayRecord {
  by: string;
  topic?: string;
  partition?: number;
  offset?: number;
  reason?: string;
}

function refusalFor(id: string, last: RecordedEvent): AppError {
  const record = last.data as unknown as ReplayRecord;
  const at = String(last.metadata.occurredAt ?? last.recordedAt.toISOString());
  if (last.type === 'DeadLetterReplayed') {
    return new AppError('conflict', `dead letter ${id} was already replayed at ${at}, to ${record.topic}/${record.partition}@${record.offset}`, {
      details: { replayedTo: { topic: record.topic, partition: record.partition, offset: record.offset }, replayedAt: at },
    });
  }
  // Started and never finished: the copy may or may not have been produced, so it is not produced again.
  return new AppError('conflict', `a replay of dead letter ${id} started at ${at} and did not finish; look for a message with header dlq-replayed-from: ${id} on its topic before replaying by other means`, { details: { startedAt: at } });
}

export function createDeadLetterReplays({ eventStore, log, clock }: { eventStore: EventStore; log: Log; clock: () => Date }) {
  const record = (stream: string, type: string, data: ReplayRecord, expectedRevision: number | 'no_stream') =>
    eventStore.append(stream, [{ id: timeOrderedId(), type, data: { ...data }, metadata: { occurredAt: clock().toISOString() } }], { expectedRevision });

  return {
    /** `id` is `<partition>/<offset>`. */
    async replay(id: string, principal: Principal): Promise<DeadLetterReplayed> {
      const letter = await readDeadLetter(log, id);
      if (letter.source?.kind !== 'message') {
        throw new AppError('conflict', letter.source
          ? `dead letter ${id} is a stored event the mirror could not encode (${describeDeadLetterSource(letter.source)}): it is not replayed; correct it with a new event on its stream`
          : `dead letter ${id} does not say where it came from: there is nothing to replay it to`);
      }
      const stream = streamOf(id);
      const last = (await eventStore.readStream(stream)).at(-1);
      if (last && last.type !== 'DeadLetterReplayAbandoned') throw refusalFor(id, last);
      let claimed: number;
      try {
        claimed = (await record(stream, 'DeadLetterReplayStarted', { by: principal.sub }, last ? last.revision : 'no_stream')).nextExpectedRevision;
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        throw new AppError('conflict', `dead letter ${id} is being replayed by another request`);
      }
      let to: { topic: string; partition: number; offset: number };
      try {
        to = await replayDeadLetter(log, id);
      } catch (error) {
        // A refusal produced nothing: the claim is let go, so a retry may replay. A failed send may
        // still have reached the broker: the claim stays, and a retry is told to look first.
        if (error instanceof AppError) await record(stream, 'DeadLetterReplayAbandoned', { by: principal.sub, reason: error.message }, claimed);
        throw error;
      }
      const replayedAt = clock().toISOString();
      await record(stream, 'DeadLetterReplayed', { by: principal.sub, ...to }, claimed);
      return { id, replayedTo: to, replayedAt };
    },
  };
}

export type DeadLetterReplays = ReturnType<typeof createDeadLetterReplays>;
