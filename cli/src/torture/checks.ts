import { eventTopics, listDeadLetters, describeDeadLetterSource } from '@ecommerce/platform';
import type { EventStore, Log, Logger, ReadStore } from '@ecommerce/platform';
import { verifyEventStore } from '../verify/verify-store';
import { stuckPartitions } from './lag';
import type { LagProbe } from './lag';
import type { PlacementOutcome } from './load';
import { checkMirror, mirrorCheckPassed, publishedMessages, storedPublishedEvents } from './mirror-check';
import { checkOrders, foldStore } from './order-checks';
import type { FoldedStore } from './order-checks';
import { compareWithRebuilds, isSameCollection } from './projection-check';
import type { CheckResult } from './summary';

export interface ChecksOutcome {
  checks: CheckResult[];
  ordersByState: Record<string, number>;
  details: Record<string, unknown>;
}

/**
 * What the answers said against what the store holds: every accepted order is in the store, no
 * POST was refused, and the store holds no more orders than were accepted plus those whose answer
 * was lost (a retry with the same Idempotency-Key never placed a second one).
 */
export function checkPlacements(outcomes: readonly PlacementOutcome[], store: Pick<FoldedStore, 'orders'>): CheckResult {
  const accepted = outcomes.filter((outcome) => outcome.kind === 'accepted');
  const lost = outcomes.filter((outcome) => outcome.kind === 'lost').length;
  const refused = outcomes.filter((outcome) => outcome.kind === 'refused');
  const absent = accepted.filter((outcome) => !store.orders.has(outcome.orderId)).length;
  const acceptedIds = new Set(accepted.map((outcome) => outcome.orderId));
  const extra = store.orders.size - acceptedIds.size;
  const problems = [
    ...(acceptedIds.size < accepted.length ? [`${accepted.length - acceptedIds.size} accepted answers share an order id`] : []),
    ...(absent > 0 ? [`${absent} accepted orders are not in the store`] : []),
    ...(refused.length > 0 ? [`${refused.length} refused, e.g. ${refused[0]?.kind === 'refused' ? refused[0].detail : ''}`] : []),
    ...(extra > lost ? [`${extra} orders in the store were never accepted, more than the ${lost} lost answers: placed twice`] : []),
  ];
  return { name: 'orders placed once', passed: problems.length === 0, detail: problems.join('; ') || `${accepted.length} accepted, ${store.orders.size} in the store, ${lost} answers lost to the chaos (${Math.max(0, extra)} of them placed)` };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** Every end-of-run check, on quiet servers (the components stopped): each result says what it found. */
export async function runChecks(options: { eventStore: EventStore; log: Log; readStore: ReadStore; lagProbe: LagProbe; outcomes: readonly PlacementOutcome[]; logger: Logger }): Promise<ChecksOutcome> {
  const checks: CheckResult[] = [];
  const details: Record<string, unknown> = {};
  const attempt = async (name: string, work: () => Promise<CheckResult>) => {
    try {
      checks.push(await work());
    } catch (error) {
      checks.push({ name, passed: false, detail: `could not run: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  let ordersByState: Record<string, number> = {};
  await attempt('orders justified by their events', async () => {
    const store = await foldStore(options.eventStore);
    const { findings, byStatus } = checkOrders(store);
    ordersByState = byStatus;
    checks.push(checkPlacements(options.outcomes, store));
    const oversold = findings.filter((finding) => finding.problem.startsWith('oversold'));
    checks.push({ name: 'no SKU oversold', passed: oversold.length === 0, detail: oversold.length === 0 ? `${store.inventories.size} SKU streams within their stock` : oversold.slice(0, 3).map((f) => `${f.subject}: ${f.problem}`).join('; ') });
    details.orderFindings = findings.slice(0, 50);
    return { name: 'orders justified by their events', passed: findings.length === 0, detail: findings.length === 0 ? `${store.orders.size} orders agree with their SKUs` : `${count(findings.length, 'finding')}, e.g. ${findings.slice(0, 3).map((f) => `${f.subject}: ${f.problem}`).join('; ')}` };
  });

  await attempt('ecommerce verify', async () => {
    const report = await verifyEventStore(options.eventStore);
    details.verifyFindings = report.findings.slice(0, 50);
    return { name: 'ecommerce verify', passed: report.findings.length === 0, detail: `${report.events} events, ${report.skus} SKUs, ${report.orders} orders: ${count(report.findings.length, 'finding')}` };
  });

  await attempt('mirror exactly once', async () => {
    const check = checkMirror(await storedPublishedEvents(options.eventStore), await publishedMessages(options.log, Object.values(eventTopics)));
    details.mirror = check;
    const spans = check.missingSpans.slice(0, 3).map((span) => `$all ${span.fromPosition}–${span.toPosition} (${span.events} events stored ${span.fromTime.slice(11, 23)}–${span.toTime.slice(11, 23)})`);
    const where = spans.length > 0 ? `; missing in ${count(check.missingSpans.length, 'run')} of consecutive positions: ${spans.join(', ')}` : '';
    const detail = `${check.stored} published events, ${check.messages} messages read_committed: ${check.missing} missing, ${check.duplicated} duplicated, ${check.unexpected} unexpected, ${check.misplaced} on a wrong topic, ${check.streamsOutOfOrder} streams out of order${where}`;
    return { name: 'mirror exactly once', passed: mirrorCheckPassed(check), detail };
  });

  await attempt('no message stuck', async () => {
    const stuck = stuckPartitions(await options.lagProbe.read());
    details.stuckPartitions = stuck.slice(0, 50);
    const describe = stuck.slice(0, 3).map((entry) => `${entry.group} ${entry.topic}/${entry.partition} at ${entry.committed ?? 'nothing'} of ${entry.end}`);
    return { name: 'no message stuck', passed: stuck.length === 0, detail: stuck.length === 0 ? 'every consumer group at the end of every partition' : `${count(stuck.length, 'partition')} behind: ${describe.join('; ')}` };
  });

  await attempt('dead letters', async () => {
    const letters = await listDeadLetters(options.log, { limit: 1000 });
    details.deadLetters = letters.map((letter) => ({ id: letter.id, source: describeDeadLetterSource(letter.source), reason: letter.reason }));
    const reasons = letters.slice(0, 3).map((letter) => `${describeDeadLetterSource(letter.source)}: ${letter.reason}`);
    return { name: 'dead letters', passed: letters.length === 0, detail: letters.length === 0 ? 'none' : `${count(letters.length, 'dead letter')}: ${reasons.join('; ')}` };
  });

  await attempt('projections equal a fresh rebuild', async () => {
    const comparisons = await compareWithRebuilds(options.eventStore, options.readStore, options.logger);
    const differing = comparisons.filter((comparison) => !isSameCollection(comparison.diff));
    details.projections = comparisons.map(({ projection, collection, live, rebuilt, diff, examples }) => ({
      projection, collection, live, rebuilt, onlyLive: diff.onlyLive.slice(0, 5), onlyRebuilt: diff.onlyRebuilt.slice(0, 5), different: diff.different.slice(0, 5), ...(examples ? { examples } : {}),
    }));
    const firstExample = ({ examples }: (typeof comparisons)[number]) => {
      const example = examples?.[0];
      return example ? ` (${example.id}: ${example.fields.join(', ')} differ; revisions live ${JSON.stringify(example.liveRevisions)}, rebuilt ${JSON.stringify(example.rebuiltRevisions)})` : '';
    };
    const describe = differing.slice(0, 4).map((comparison) => {
      const { projection, collection, diff } = comparison;
      return `${projection}/${collection}: ${diff.onlyLive.length} only live, ${diff.onlyRebuilt.length} only rebuilt, ${diff.different.length} different${firstExample(comparison)}`;
    });
    const documents = comparisons.reduce((sum, comparison) => sum + comparison.live, 0);
    return { name: 'projections equal a fresh rebuild', passed: differing.length === 0, detail: differing.length === 0 ? `${comparisons.length} collections, ${documents} documents identical` : describe.join('; ') };
  });
  return { checks, ordersByState, details };
}
