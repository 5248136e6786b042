import type { Express } from 'express';

export interface HealthResult {
  ok: boolean;
  detail?: string;
}

export type HealthCheck = () => Promise<HealthResult> | HealthResult;

export interface HealthOptions {
  /** Named adapter (and worker) checks, each shown in the reports. */
  checks: Record<string, HealthCheck>;
  /** The checks this process cannot serve without: readiness fails when one does. Default: every check. */
  required?: readonly string[];
  /** True once the process is shutting down: readiness fails so balancers stop sending work. */
  draining?: () => boolean;
  /** A check that has not answered by then counts as failed (a dead server must not hang the probe). */
  checkTimeoutMs?: number;
}

const withTimeout = async (check: HealthCheck, timeoutMs: number): Promise<HealthResult> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<HealthResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timedOut]);
  } catch (error) {
    return { ok: false, detail: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
};

export async function runHealthChecks(checks: Record<string, HealthCheck>, timeoutMs = 2000) {
  const entries = await Promise.all(Object.entries(checks).map(async ([name, check]) => [name, await withTimeout(check, timeoutMs)] as const));
  const results: Record<string, HealthResult> = Object.fromEntries(entries);
  return { status: entries.every(([, result]) => result.ok) ? 'ok' : 'degraded', checks: results };
}

/**
 * The three health views (DESIGN §8):
 * - `/health/live`: 200 while the process runs its event loop (restart it otherwise);
 * - `/health/ready`: 503 when a required check fails or the process is draining; 200 otherwise,
 *   `degraded` naming what is down when an optional one fails (a process that still serves part
 *   of its routes stays in the balancer: pulling every instance at once would turn a partial
 *   outage into a total one);
 * - `/health`: every check, 503 when any fails (as before the split; for people and dashboards).
 */
export function mountHealthRoutes(app: Express, options: HealthOptions): void {
  const timeoutMs = options.checkTimeoutMs ?? 2000;
  const required = new Set(options.required ?? Object.keys(options.checks));
  app.get('/health/live', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/health/ready', async (_req, res) => {
    const report = await runHealthChecks(options.checks, timeoutMs);
    const missing = Object.entries(report.checks).filter(([name, result]) => !result.ok && required.has(name)).map(([name]) => name);
    if (options.draining?.()) return void res.status(503).json({ status: 'draining', checks: report.checks });
    const status = missing.length > 0 ? 'unavailable' : report.status === 'ok' ? 'ready' : 'degraded';
    res.status(missing.length > 0 ? 503 : 200).json({ status, required: [...required], checks: report.checks });
  });
  app.get('/health', async (_req, res) => {
    const report = await runHealthChecks(options.checks, timeoutMs);
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
}
