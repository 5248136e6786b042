import { AppError, ConcurrencyError, PreconditionFailedError, aggregateStream, asStoredEvent, currentTrace, randomId, timeOrderedId } from '@ecommerce/platform';
import type { AppendResult, EventMetadata, EventStore, Metrics, StreamFold } from '@ecommerce/platform';

export interface DomainEventLike {
  type: string;
  data: object;
}

export interface DeciderLike<Command, Event extends DomainEventLike, State> extends StreamFold<Event, State> {
  decide(command: Command, state: State): Event[];
}

export interface CommandContext {
  eventStore: EventStore;
  clock: () => Date;
  metrics?: Metrics;
}

export interface CommandRequest<Command, Event extends DomainEventLike, State> {
  streamId: string;
  decider: DeciderLike<Command, Event, State>;
  /** Decided in order against the state each one leaves; appended together. */
  commands: Command[];
  /** From `If-Match`: the revision the caller last saw; a stale one is a 412. */
  expectedRevision?: number | 'stream_exists';
  /** Authorization that needs the entity (owner checks); throws to refuse. */
  authorize?: (state: State, revision: number) => void;
  actor?: string;
  /**
   * The stream's id was just made up here (a random id, as a placed order's): it has no events,
   * so it is not read; the append expects no stream, and should one exist after all, it is read
   * and decided again like any other.
   */
  newStream?: boolean;
}

export interface CommandOutcome<Event, State> {
  events: Event[];
  state: State;
  /** Revision of the stream after the command (-1: still no stream). */
  revision: number;
  /** Position of the last appended event, or null when the command changed nothing. */
  append: AppendResult | null;
}

const maxAttempts = 4;

/** Load, decide, append: the body of every command route, retried on a concurrent write unless the caller pinned a revision. */
export async function handleCommand<Command, Event extends DomainEventLike, State>(
  context: CommandContext,
  request: CommandRequest<Command, Event, State>,
): Promise<CommandOutcome<Event, State>> {
  for (let attempt = 1; ; attempt += 1) {
    const loaded = attempt === 1 && request.newStream ? { state: request.decider.initialState(), revision: -1 } : await aggregateStream(context.eventStore, request.streamId, request.decider);
    let state = loaded.state;
    const revision = loaded.revision;
    checkExpectation(request, revision);
    request.authorize?.(state, revision);

    const events: Event[] = [];
    for (const command of request.commands) {
      const decided = request.decider.decide(command, state);
      for (const event of decided) state = request.decider.evolve(state, event);
      events.push(...decided);
    }
    if (events.length === 0) return { events, state, revision, append: null };

    try {
      const append = await context.eventStore.append(request.streamId, events.map((event) => ({ id: timeOrderedId(), ...asStoredEvent(event), metadata: metadataOf(context, request.actor) })), {
        expectedRevision: revision === -1 ? 'no_stream' : revision,
      });
      for (const event of events) context.metrics?.eventsAppended.inc({ type: event.type });
      return { events, state, revision: append.nextExpectedRevision, append };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (request.expectedRevision !== undefined) throw new PreconditionFailedError(`${request.streamId} changed since revision ${String(request.expectedRevision)}`, { currentRevision: error.actualRevision });
      if (attempt >= maxAttempts) throw new AppError('conflict', `too many concurrent changes to ${request.streamId}, try again`, { retriable: true, cause: error });
    }
  }
}

function checkExpectation(request: { streamId: string; expectedRevision?: number | 'stream_exists' }, revision: number): void {
  const expected = request.expectedRevision;
  // A missing entity is the decider's to report (404), not a precondition.
  if (expected === undefined || revision === -1) return;
  if (expected === 'stream_exists' ? revision === -1 : expected !== revision) {
    throw new PreconditionFailedError(`If-Match does not match the current revision of ${request.streamId}`, { currentRevision: revision });
  }
}

function metadataOf(context: CommandContext, actor: string | undefined): EventMetadata {
  const trace = currentTrace();
  return {
    correlationId: trace?.correlationId ?? randomId(),
    causationId: trace?.causationId ?? trace?.correlationId,
    occurredAt: context.clock().toISOString(),
    ...(actor ? { actor } : {}),
  };
}
