import fs from 'node:fs';
import path from 'node:path';
import { formatTable } from '../bench/report';
import type { Figure, machineInfo } from '../bench/report';
import type { TortureOptions } from './plan';
import type { ChaosAction } from './schedule';

export interface CheckResult {
  name: string;
  passed: boolean;
  detail: string;
}

export interface TortureReport {
  startedAt: string;
  commandLine: string;
  options: TortureOptions;
  machine: ReturnType<typeof machineInfo>;
  plan: { orders: number; skus: number; customers: number; demand: number; stock: number };
  chaos: {
    schedule: ChaosAction[];
    /** What the chaos loop did, with when (ms since the load started) and how long it took. */
    done: Array<{ atMs: number; at: string; what: string; tookMs: number; error?: string }>;
    kills: Record<string, number>;
    crashes: Record<string, number>;
    brokerRestarts: number;
    brokerDownSeconds: number | null;
    readStoreOutageSeconds: number | null;
  };
  load: { accepted: number; refused: number; lost: number; retried: number; seconds: number };
  maxLag: { total: number; byGroup: Record<string, number> };
  ordersByState: Record<string, number>;
  seconds: { setup: number; load: number; drain: number; checks: number; total: number };
  checks: CheckResult[];
  /** The findings behind failed checks, and whatever explains them. */
  details: Record<string, unknown>;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The report as rows of the bench's table: one section per topic. */
export function summaryFigures(report: TortureReport): Figure[] {
  const figures: Figure[] = [];
  const add = (section: string, metric: string, value: number, unit: string, note?: string) => figures.push({ section, metric, value, unit, ...(note ? { note } : {}) });
  for (const [name, count] of Object.entries(report.chaos.kills)) add('kills', name, count, 'SIGKILL', report.chaos.crashes[name] ? `${report.chaos.crashes[name]} exit(s) on its own, restarted` : undefined);
  add('faults', 'broker restarts', report.chaos.brokerRestarts, 'restarts', report.chaos.brokerDownSeconds === null ? undefined : `broker unreachable ${report.chaos.brokerDownSeconds} s`);
  add('faults', 'MongoDB-wire outage', report.chaos.readStoreOutageSeconds ?? 0, 's');
  add('lag', 'max consumer lag (all groups)', report.maxLag.total, 'messages');
  const worst = Object.entries(report.maxLag.byGroup).sort((a, b) => b[1] - a[1]).slice(0, 3);
  for (const [group, lag] of worst) add('lag', `max ${group}`, lag, 'messages');
  for (const [state, count] of Object.entries(report.ordersByState).sort()) add('orders', state, count, 'orders');
  add('load', 'accepted', report.load.accepted, 'orders', `${report.load.retried} needed a retry`);
  add('load', 'lost (no answer within the bound)', report.load.lost, 'orders');
  add('load', 'refused (4xx)', report.load.refused, 'orders');
  add('load', 'offered over', round1(report.load.seconds), 's', `${report.options.ratePerSecond}/s`);
  for (const [phase, seconds] of Object.entries(report.seconds)) add('elapsed', phase, round1(seconds), 's');
  return figures;
}

export function formatSummary(report: TortureReport): string {
  const table = formatTable([{ name: 'torture', seconds: report.seconds.total, figures: summaryFigures(report) }]);
  const checks = report.checks.map((check) => `${check.passed ? 'PASS' : 'FAIL'}  ${check.name}: ${check.detail}`);
  const { machine } = report;
  return [`${machine.cpuModel} ×${machine.cpuCount}, ${machine.totalMemoryGiB} GiB, node ${machine.node}`, table, '', ...checks].join('\n');
}

/** bench/reports at the repository root (git-ignored), where the bench writes. */
export const reportFolder = path.resolve(__dirname, '..', '..', '..', 'bench', 'reports');

export function writeTortureReport(report: TortureReport, folder = reportFolder): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `torture-${report.startedAt.replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}

/** Each component's whole output, one file each beside the report, for a run that did not drain; returns the folder. */
export function writeComponentLogs(startedAt: string, outputs: Record<string, string>, folder = reportFolder): string {
  const dir = path.join(folder, `torture-${startedAt.replace(/:/g, '-')}-logs`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, output] of Object.entries(outputs)) fs.writeFileSync(path.join(dir, `${name}.log`), output);
  return dir;
}
