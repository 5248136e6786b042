import type { SpanUsage } from './process-usage';
import { usageFigures } from './orders-phase-figures';
import { percentile, round1 } from './rate';
import type { Figure, SectionResult } from './report';

/**
 * The instants of one lifecycle, in ms since the epoch: the event store's recordedAt of the event
 * each is named after, except `acceptSent`, the bench's clock when it sent the accept (that
 * request records the completing event itself; one machine, one clock).
 */
export interface LifecycleTimes {
  placed?: number;
  confirmed?: number;
  payRequested?: number;
  paid?: number;
  shipmentOpened?: number;
  dispatched?: number;
  shipped?: number;
  deliverRequested?: number;
  delivered?: number;
  acceptSent?: number;
  completed?: number;
}

export type Milestone = keyof LifecycleTimes;

/** What one lifecycle reached; `failedAt` names the step it stopped at, `reason` what happened there. */
export interface LifecycleOutcome {
  times: LifecycleTimes;
  /** How long each of its requests took to be answered (place, pay, dispatch, deliver, accept), in ms. */
  answers: number[];
  failedAt?: string;
  reason?: string;
}

/** Each step: from the request (or the event it recorded) that started it to the event that completes it. */
export const lifecycleSteps: ReadonlyArray<{ name: string; from: Milestone; to: Milestone; note: string }> = [
  { name: 'placed→confirmed', from: 'placed', to: 'confirmed', note: 'OrderPlaced → OrderConfirmed' },
  { name: 'pay requested→paid', from: 'payRequested', to: 'paid', note: 'PaymentRequested → OrderPaid' },
  { name: 'paid→shipment opened', from: 'paid', to: 'shipmentOpened', note: 'OrderPaid → ShipmentOpened' },
  { name: 'dispatch→shipped', from: 'dispatched', to: 'shipped', note: 'ShipmentDispatched → OrderShipped' },
  { name: 'deliver→delivered', from: 'deliverRequested', to: 'delivered', note: 'ShipmentDelivered → OrderDelivered' },
  { name: 'accept→completed', from: 'acceptSent', to: 'completed', note: 'POST sent (bench clock) → OrderCompleted' },
];

export interface LifecycleLabel {
  section: string;
  ratePerSecond: number;
  seconds: number;
}

const ascending = (values: number[]): number[] => values.sort((a, b) => a - b);

/** Latencies of `to − from` over the lifecycles that reached both, ascending. */
export function spans(outcomes: readonly LifecycleOutcome[], from: Milestone, to: Milestone): number[] {
  return ascending(outcomes.flatMap(({ times }) => (times[from] !== undefined && times[to] !== undefined ? [times[to] - times[from]] : [])));
}

/**
 * Completed lifecycles per second while they complete: the intervals between the first and the
 * last completion. Counted from the first placement, one lifecycle's seconds of latency would
 * dilute a short run; 0 with fewer than two completions.
 */
export function completedPerSecond(outcomes: readonly LifecycleOutcome[]): number {
  const completions = outcomes.flatMap(({ times }) => (times.completed === undefined ? [] : [times.completed]));
  if (completions.length < 2) return 0;
  const spanMs = Math.max(...completions) - Math.min(...completions);
  return round1((completions.length - 1) / Math.max(0.001, spanMs / 1000));
}

/** How many lifecycles stopped at each step, with the first reason given there. */
export function failuresByStep(outcomes: readonly LifecycleOutcome[]): Record<string, { count: number; example: string }> {
  const failures: Record<string, { count: number; example: string }> = {};
  for (const { failedAt, reason } of outcomes) {
    if (failedAt === undefined) continue;
    const entry = failures[failedAt] ?? { count: 0, example: reason ?? '' };
    entry.count += 1;
    failures[failedAt] = entry;
  }
  return failures;
}

const distribution = (sorted: readonly number[]) => ({ count: sorted.length, p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) ?? 0 });

/** The table rows and the JSON details of one lifecycle phase; `usage` spans the first placement to the last lifecycle's end. */
export function summarizeLifecycles(label: LifecycleLabel, outcomes: readonly LifecycleOutcome[], usage: SpanUsage): SectionResult {
  const { section, ratePerSecond, seconds } = label;
  const completed = outcomes.filter(({ times }) => times.completed !== undefined).length;
  const failures = failuresByStep(outcomes);
  const failed = Object.entries(failures).map(([step, { count }]) => `${count} at ${step}`).join(', ');
  const whole = spans(outcomes, 'placed', 'completed');
  const answers = ascending(outcomes.flatMap((outcome) => outcome.answers));
  const steps = lifecycleSteps.map((step) => ({ ...step, latencies: spans(outcomes, step.from, step.to) }));
  const figures: Figure[] = [
    { section, metric: 'lifecycles completed/s', value: completedPerSecond(outcomes), unit: 'lifecycles/s', note: `offered ${ratePerSecond}/s for ${seconds} s; ${completed} of ${outcomes.length} completed${failed ? `; stopped: ${failed}` : ''}; (completions − 1) / (last − first OrderCompleted)` },
    { section, metric: 'placed→completed p50', value: percentile(whole, 50), unit: 'ms', note: 'the whole lifecycle as driven: each step\'s wait, the bench noticing it (10 ms polls), its next request' },
    { section, metric: 'placed→completed p99', value: percentile(whole, 99), unit: 'ms' },
    { section, metric: 'requests p50', value: round1(percentile(answers, 50)), unit: 'ms', note: 'POST sent → answered, all five of each lifecycle (bench clock); the steps below start at what a request recorded, so this is in none of them but accept\'s' },
    { section, metric: 'requests p99', value: round1(percentile(answers, 99)), unit: 'ms', note: `${answers.length} answered` },
    ...steps.flatMap(({ name, note, latencies }): Figure[] => [
      { section, metric: `${name} p50`, value: percentile(latencies, 50), unit: 'ms', note },
      { section, metric: `${name} p99`, value: percentile(latencies, 99), unit: 'ms', note: `${latencies.length} measured` },
    ]),
    ...usageFigures(section, 'lifecycle', usage, usage, 'from the first placement to the last lifecycle\'s end'),
  ];
  return {
    figures,
    details: {
      offered: outcomes.length, completed, failures, placedToCompleted: distribution(whole), requests: distribution(answers.map(round1)),
      steps: Object.fromEntries(steps.map(({ name, latencies }) => [name, distribution(latencies)])),
      usage,
    },
  };
}
