import type { DashboardSpec, PanelSpec } from './panels';

/**
 * The dashboards Grafana provisions in compose (deploy/grafana/dashboards/<uid>.json, written by
 * `npx tsx scripts/ops/dashboards.ts`). Every metric they query is one the platform registers:
 * deploy/src/observability.unit.test.ts checks each expression against createMetrics().
 */
const process = (job: string): PanelSpec[] => [
  { kind: 'row', title: 'Process' },
  { kind: 'timeseries', title: 'CPU', description: 'process_cpu_seconds_total: CPU seconds per second, per instance.', unit: 'percentunit', queries: [{ expr: `sum by (instance) (rate(process_cpu_seconds_total{job=~"${job}"}[5m]))`, legend: '{{instance}}' }] },
  { kind: 'timeseries', title: 'Memory (resident)', description: 'process_resident_memory_bytes per instance.', unit: 'bytes', queries: [{ expr: `max by (instance) (process_resident_memory_bytes{job=~"${job}"})`, legend: '{{instance}}' }] },
  { kind: 'timeseries', title: 'Event loop lag p99', description: 'nodejs_eventloop_lag_p99_seconds: a busy or blocked event loop delays every request and message of the process.', unit: 's', queries: [{ expr: `max by (instance) (nodejs_eventloop_lag_p99_seconds{job=~"${job}"})`, legend: '{{instance}}' }] },
  { kind: 'timeseries', title: 'Heap used', description: 'nodejs_heap_size_used_bytes per instance.', unit: 'bytes', queries: [{ expr: `max by (instance) (nodejs_heap_size_used_bytes{job=~"${job}"})`, legend: '{{instance}}' }] },
];

const http: DashboardSpec = {
  uid: 'ecommerce-http',
  title: 'ecommerce / HTTP',
  description: 'The HTTP roles (gateway, command-api, query-api): traffic, errors and latency per route. Live streams (routes ending in /live) stay open for minutes and are charted apart.',
  variables: [{ name: 'job', label: 'service', values: ['gateway', 'command-api', 'query-api'] }],
  panels: [
    { kind: 'row', title: 'Traffic and errors' },
    { kind: 'timeseries', title: 'Requests by status', description: 'Requests per second by status code.', unit: 'reqps', queries: [{ expr: 'sum by (status) (rate(http_request_duration_seconds_count{job="$job"}[5m]))', legend: '{{status}}' }] },
    { kind: 'timeseries', title: 'Server error ratio', description: 'Share of requests answered 5xx (alert HighErrorRate above 5 % for 5 minutes).', unit: 'percentunit', queries: [{ expr: 'sum(rate(http_request_duration_seconds_count{job="$job", status=~"5..", route!~".*/live"}[5m])) / sum(rate(http_request_duration_seconds_count{job="$job", route!~".*/live"}[5m]))', legend: '5xx' }] },
    { kind: 'timeseries', title: 'Requests by route', description: 'Requests per second per route template.', unit: 'reqps', width: 24, queries: [{ expr: 'sum by (method, route) (rate(http_request_duration_seconds_count{job="$job"}[5m]))', legend: '{{method}} {{route}}' }] },
    { kind: 'row', title: 'Latency' },
    { kind: 'timeseries', title: 'Latency p50 by route', description: 'Median over 5 minutes per route template.', unit: 's', queries: [{ expr: 'histogram_quantile(0.5, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="$job", route!~".*/live"}[5m])))', legend: '{{route}}' }] },
    { kind: 'timeseries', title: 'Latency p99 by route', description: 'p99 over 5 minutes per route template (alert HighLatencyP99: the whole service above 1 s for 10 minutes).', unit: 's', queries: [{ expr: 'histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="$job", route!~".*/live"}[5m])))', legend: '{{route}}' }] },
    { kind: 'timeseries', title: 'Live streams closed per second', description: 'Server-sent event streams ending, by route and status.', unit: 'reqps', width: 24, queries: [{ expr: 'sum by (route, status) (rate(http_request_duration_seconds_count{job="$job", route=~".*/live"}[5m]))', legend: '{{route}} {{status}}' }] },
    ...process('$job'),
  ],
};

const processors: DashboardSpec = {
  uid: 'ecommerce-processors',
  title: 'ecommerce / Processors (actors)',
  description: 'The actor runtime: what the actors append, what they give up on, and how the processes hold up.',
  panels: [
    { kind: 'row', title: 'Actors' },
    { kind: 'timeseries', title: 'Events appended by actors, by type', description: 'events_appended_total from the processors: the facts the inventory, order, payment, shipment and notification actors decided.', unit: 'ops', width: 24, queries: [{ expr: 'sum by (type) (rate(events_appended_total{job="processors"}[5m]))', legend: '{{type}}' }] },
    { kind: 'timeseries', title: 'Dead letters by source', description: 'dlq_messages_total: messages the router or an actor host sent to ecommerce.dlq after retries (alert DeadLettersGrowing).', unit: 'short', queries: [{ expr: 'sum by (source) (increase(dlq_messages_total{job="processors"}[15m]))', legend: '{{source}}' }] },
    { kind: 'stat', title: 'Instances up', description: 'Processor instances Prometheus scrapes (the consumer group splits partitions among them).', unit: 'short', queries: [{ expr: 'sum(up{job="processors"})' }] },
    ...process('processors'),
  ],
};

const projections: DashboardSpec = {
  uid: 'ecommerce-projections',
  title: 'ecommerce / Projections',
  description: 'The read models: how far behind the log they are and what they apply.',
  panels: [
    { kind: 'row', title: 'Read models' },
    { kind: 'timeseries', title: 'Lag by projection', description: 'projection_lag_messages, worst partition per projection (alert ProjectionConsumerLag above 1000 for 10 minutes).', unit: 'short', queries: [{ expr: 'max by (projection) (projection_lag_messages{job="projections"})', legend: '{{projection}}' }] },
    { kind: 'timeseries', title: 'Events applied by projection', description: 'projection_events_applied_total by outcome (applied or dead_lettered).', unit: 'ops', queries: [{ expr: 'sum by (projection, outcome) (rate(projection_events_applied_total{job="projections"}[5m]))', legend: '{{projection}} {{outcome}}' }] },
    { kind: 'timeseries', title: 'Dead letters', description: 'dlq_messages_total from the projections.', unit: 'short', queries: [{ expr: 'sum by (source) (increase(dlq_messages_total{job="projections"}[15m]))', legend: '{{source}}' }] },
    { kind: 'stat', title: 'Instances up', description: 'Projection instances Prometheus scrapes.', unit: 'short', queries: [{ expr: 'sum(up{job="projections"})' }] },
    ...process('projections'),
  ],
};

const kafkaLag: DashboardSpec = {
  uid: 'ecommerce-kafka-lag',
  title: 'ecommerce / Kafka lag',
  description: 'How far each reader of the log trails: the mirror behind the event store, the projections behind the event topics, per partition.',
  panels: [
    { kind: 'row', title: 'Into Kafka' },
    { kind: 'timeseries', title: 'Mirror lag', description: 'mirror_lag_events: event store head minus the mirror checkpoint (alerts MirrorLag, MirrorStalled).', unit: 'short', queries: [{ expr: 'max(mirror_lag_events)', legend: 'events behind' }] },
    { kind: 'timeseries', title: 'Mirror throughput', description: 'mirror_events_published_total and mirror_events_dead_lettered_total per second.', unit: 'ops', queries: [{ expr: 'sum(rate(mirror_events_published_total[5m]))', legend: 'published' }, { expr: 'sum(rate(mirror_events_dead_lettered_total[5m]))', legend: 'dead-lettered' }] },
    { kind: 'row', title: 'Out of Kafka' },
    { kind: 'timeseries', title: 'Consumer lag by topic and partition', description: 'projection_lag_messages: messages between the committed offset and the end of each partition.', unit: 'short', width: 24, queries: [{ expr: 'max by (topic, partition) (projection_lag_messages)', legend: '{{topic}}[{{partition}}]' }] },
    { kind: 'text', title: 'Processors', markdown: 'The processors consumer group does not export its lag yet; `ecommerce dlq list` and the Processors dashboard show whether it keeps up.', width: 24 },
  ],
};

const mirror: DashboardSpec = {
  uid: 'ecommerce-mirror',
  title: 'ecommerce / Mirror',
  description: 'The exactly-once mirror from the event store to the Kafka event topics.',
  panels: [
    { kind: 'row', title: 'Mirror' },
    { kind: 'timeseries', title: 'Published', description: 'mirror_events_published_total per second.', unit: 'ops', queries: [{ expr: 'sum(rate(mirror_events_published_total{job="mirror"}[5m]))', legend: 'published' }] },
    { kind: 'timeseries', title: 'Lag', description: 'mirror_lag_events.', unit: 'short', queries: [{ expr: 'max(mirror_lag_events{job="mirror"})', legend: 'events behind' }] },
    { kind: 'stat', title: 'Dead-lettered (last hour)', description: 'mirror_events_dead_lettered_total: stored events the mirror could not encode.', unit: 'short', queries: [{ expr: 'sum(increase(mirror_events_dead_lettered_total{job="mirror"}[1h]))' }] },
    { kind: 'stat', title: 'Instances up', description: 'Should be 1: a second mirror fences the first.', unit: 'short', queries: [{ expr: 'sum(up{job="mirror"})' }] },
    ...process('mirror'),
  ],
};

const perMinute = (type: string) => `sum(rate(events_appended_total{type="${type}"}[5m])) * 60`;

const business: DashboardSpec = {
  uid: 'ecommerce-business',
  title: 'ecommerce / Business',
  description: 'Orders, payments and stock as the event store records them (events_appended_total by type, summed over the processes that append).',
  panels: [
    { kind: 'row', title: 'Orders' },
    { kind: 'stat', title: 'Orders per minute', description: 'OrderPlaced per minute, over the last 5 minutes.', unit: 'short', queries: [{ expr: perMinute('OrderPlaced') }] },
    { kind: 'stat', title: 'Orders (last 24 h)', description: 'OrderPlaced events appended in the last 24 hours.', unit: 'short', queries: [{ expr: 'sum(increase(events_appended_total{type="OrderPlaced"}[24h]))' }] },
    { kind: 'timeseries', title: 'Order outcomes per minute', description: 'Placed, confirmed (all items reserved), rejected, cancelled, expired (unpaid), completed.', unit: 'short', width: 24, queries: ['OrderPlaced', 'OrderConfirmed', 'OrderRejected', 'OrderCancelled', 'OrderExpired', 'OrderCompleted'].map((type) => ({ expr: perMinute(type), legend: type })) },
    { kind: 'row', title: 'Payments' },
    { kind: 'timeseries', title: 'Payments per minute', description: 'Requested, captured and declined payments (alert PaymentFailures above 20 % declined).', unit: 'short', queries: ['PaymentRequested', 'PaymentCaptured', 'PaymentDeclined'].map((type) => ({ expr: perMinute(type), legend: type })) },
    { kind: 'timeseries', title: 'Refunds per minute', description: 'Refunds requested, paid back and failed (alert RefundFailed on any failure).', unit: 'short', queries: ['PaymentRefundRequested', 'PaymentRefundSucceeded', 'PaymentRefundFailed'].map((type) => ({ expr: perMinute(type), legend: type })) },
    { kind: 'text', title: 'Revenue', markdown: 'Revenue needs the amounts, which no metric exports: the counters count events, not money. Charting it takes a counter of captured minor units by currency in platform/src/observability/metrics.ts, incremented where PaymentCaptured is appended.', width: 24 },
    { kind: 'row', title: 'Stock' },
    { kind: 'timeseries', title: 'Reservations per minute', description: 'Reserved versus rejected for want of stock (alert LowStockRejections).', unit: 'short', queries: ['StockReserved', 'StockReservationRejected'].map((type) => ({ expr: perMinute(type), legend: type })) },
    { kind: 'timeseries', title: 'Stock movements per minute', description: 'Restocked, adjusted, released, committed (sold) and returned.', unit: 'short', queries: ['StockRestocked', 'StockAdjusted', 'StockReleased', 'StockCommitted', 'StockReturned'].map((type) => ({ expr: perMinute(type), legend: type })) },
  ],
};

export const dashboards: DashboardSpec[] = [http, processors, projections, mirror, kafkaLag, business];
