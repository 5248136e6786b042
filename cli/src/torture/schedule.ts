import { between, seededRandom } from './plan';

/** The components the chaos loop may SIGKILL, by instance name. */
export const killTargets = ['processors-1', 'processors-2', 'projections-1', 'projections-2', 'mirror', 'command-api'] as const;
export type KillTarget = (typeof killTargets)[number];

export type ChaosAction =
  | { atMs: number; kind: 'kill'; target: KillTarget; /** How long it stays dead before its restart. */ downMs: number }
  | { atMs: number; kind: 'broker-restart' }
  | { atMs: number; kind: 'read-store-outage'; downMs: number };

/** How long the MongoDB-wire server stays stopped (issue 13: 10 s). */
export const readStoreOutageMs = 10_000;

/**
 * The chaos of one run, from its seed: a kill of a random component about every `killEveryMs`
 * (±40 %) while the load lasts, the broker restarted once at about a third of it, and the read
 * store stopped once at about two thirds. Kills keep clear of the two outages' starts, so each
 * fault is seen on its own before the next lands.
 */
export function chaosSchedule(options: { seed: number; loadMs: number; killEveryMs: number }): ChaosAction[] {
  // another stream than the plan's: changing the orders does not move the kills
  const random = seededRandom(options.seed ^ 0x5eed);
  const brokerAt = Math.round(options.loadMs * (0.3 + 0.1 * random()));
  const readStoreAt = Math.round(options.loadMs * (0.6 + 0.1 * random()));
  const actions: ChaosAction[] = [
    { atMs: brokerAt, kind: 'broker-restart' },
    { atMs: readStoreAt, kind: 'read-store-outage', downMs: readStoreOutageMs },
  ];
  const quiet = (atMs: number) => Math.abs(atMs - brokerAt) < 3000 || Math.abs(atMs - readStoreAt) < 3000;
  for (let atMs = options.killEveryMs * (0.6 + 0.8 * random()); atMs < options.loadMs; atMs += options.killEveryMs * (0.6 + 0.8 * random())) {
    const target = killTargets[between(random, 0, killTargets.length - 1)] as KillTarget;
    const downMs = between(random, 200, 1500);
    if (!quiet(atMs)) actions.push({ atMs: Math.round(atMs), kind: 'kill', target, downMs });
  }
  return actions.sort((a, b) => a.atMs - b.atMs);
}
