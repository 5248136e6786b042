import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One registry per process; each component registers what it measures here. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const eventsAppended = new Counter({
    name: 'events_appended_total',
    help: 'Events appended to the event store',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const mirrorPublished = new Counter({ name: 'mirror_events_published_total', help: 'Events the mirror published to the log', registers: [registry] });
  const mirrorDeadLettered = new Counter({ name: 'mirror_events_dead_lettered_total', help: 'Stored events the mirror could not encode and sent to the dead-letter topic', registers: [registry] });
  const mirrorLag = new Gauge({ name: 'mirror_lag_events', help: 'Head position of the event store minus the mirror checkpoint', registers: [registry] });
  const projectionApplied = new Counter({
    name: 'projection_events_applied_total',
    help: 'Events applied by projections',
    labelNames: ['projection', 'outcome'] as const,
    registers: [registry],
  });
  const projectionLag = new Gauge({
    name: 'projection_lag_messages',
    help: 'Messages behind the end of each partition',
    labelNames: ['projection', 'topic', 'partition'] as const,
    registers: [registry],
  });
  const dlqMessages = new Counter({ name: 'dlq_messages_total', help: 'Messages sent to the dead-letter topic', labelNames: ['source'] as const, registers: [registry] });
  return { registry, httpDuration, eventsAppended, mirrorPublished, mirrorDeadLettered, mirrorLag, projectionApplied, projectionLag, dlqMessages };
}

export type Metrics = ReturnType<typeof createMetrics>;
