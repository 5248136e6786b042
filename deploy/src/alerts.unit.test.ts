import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './compose-file';
import { eventTypes, exposedSeries, labelNamesUsed, labelValues, metricNames, prometheusSeries } from './promql';

interface Rule { alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
interface AlertTest { alertname: string; eval_time: string; exp_alerts: unknown[] }

const promDir = join(repoRoot, 'deploy/prometheus');
const ruleFiles = readdirSync(join(promDir, 'rules')).filter((file) => file.endsWith('.yml'));
const rules = ruleFiles.flatMap((file) => (parse(readFileSync(join(promDir, 'rules', file), 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((group) => group.rules));
const alerts = rules.filter((rule): rule is Rule & { alert: string } => typeof rule.alert === 'string');
const testFiles = readdirSync(join(promDir, 'tests')).filter((file) => file.endsWith('.test.yml'));
const testDocuments = testFiles.map((file) => ({ file, ...(parse(readFileSync(join(promDir, 'tests', file), 'utf8')) as { rule_files: string[]; tests: Array<{ alert_rule_test?: AlertTest[] }> }) }));
const alertCases = testDocuments.flatMap((document) => document.tests.flatMap((test) => test.alert_rule_test ?? []));
const runbook = readFileSync(join(promDir, 'RUNBOOK.md'), 'utf8');

/** The anchors GitHub-style Markdown gives `## Heading`. */
const anchors = new Set([...runbook.matchAll(/^## (.+)$/gm)].map((match) => (match[1] ?? '').trim().toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')));

describe('Prometheus alert rules', () => {
  it('cover consumer lag, mirror lag, DLQ growth, error rate, p99 latency, payment failures and low stock', () => {
    expect(alerts.map((alert) => alert.alert)).toEqual(expect.arrayContaining([
      'ProjectionConsumerLag', 'MirrorLag', 'MirrorStalled', 'DeadLettersGrowing', 'HighErrorRate', 'HighLatencyP99', 'PaymentFailures', 'RefundFailed', 'LowStockRejections',
    ]));
    expect(new Set(alerts.map((alert) => alert.alert)).size).toBe(alerts.length);
  });

  it('read only metrics the platform registers, with labels those metrics carry', () => {
    const exposed = exposedSeries();
    for (const rule of rules) {
      const names = metricNames(rule.expr);
      expect({ alert: rule.alert, reads: names.length > 0 }).toEqual({ alert: rule.alert, reads: true });
      expect({ alert: rule.alert, unknown: names.filter((name) => !exposed.has(name) && !prometheusSeries.has(name)) }).toEqual({ alert: rule.alert, unknown: [] });
      const labels = new Set(names.flatMap((name) => [...(exposed.get(name) ?? ['job', 'instance'])]));
      expect({ alert: rule.alert, unknownLabels: labelNamesUsed(rule.expr).filter((label) => !labels.has(label)) }).toEqual({ alert: rule.alert, unknownLabels: [] });
    }
  });

  it('name only event types that have a schema', () => {
    const known = eventTypes(repoRoot);
    const used = rules.flatMap((rule) => labelValues(rule.expr, 'type'));
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((type) => !known.has(type))).toEqual([]);
  });

  it('each wait a duration, carry a severity, a summary, a description and a runbook section that exists', () => {
    for (const alert of alerts) {
      expect({ alert: alert.alert, for: /^\d+[smh]$/.test(alert.for ?? ''), severity: alert.labels?.severity }).toEqual({ alert: alert.alert, for: true, severity: expect.stringMatching(/^(warning|critical)$/) });
      expect(alert.annotations).toEqual(expect.objectContaining({ summary: expect.any(String), description: expect.any(String) }));
      const anchor = alert.annotations?.runbook_url?.match(/^deploy\/prometheus\/RUNBOOK\.md#(.+)$/)?.[1];
      expect({ alert: alert.alert, anchor, exists: anchor !== undefined && anchors.has(anchor) }).toEqual({ alert: alert.alert, anchor: alert.alert.toLowerCase(), exists: true });
    }
  });

  it('each have a promtool case where they fire and one where they stay quiet', () => {
    for (const { alert } of alerts) {
      const cases = alertCases.filter((entry) => entry.alertname === alert);
      expect({ alert, fires: cases.some((entry) => entry.exp_alerts.length > 0), quiet: cases.some((entry) => entry.exp_alerts.length === 0) }).toEqual({ alert, fires: true, quiet: true });
    }
    expect(alertCases.map((entry) => entry.alertname).filter((name) => !alerts.some((alert) => alert.alert === name))).toEqual([]);
  });

  it('are what every promtool test file loads', () => {
    for (const document of testDocuments) expect({ file: document.file, rules: [...document.rule_files].sort() }).toEqual({ file: document.file, rules: ruleFiles.map((file) => `../rules/${file}`).sort() });
  });
});

describe('reading PromQL', () => {
  it('finds metric names, label names and label values', () => {
    const expr = 'sum by (job) (rate(http_request_duration_seconds_count{status=~"5..", route!~".*/live"}[5m])) / on(job) sum by (job) (rate(x_total{type="OrderPlaced"}[5m] offset 1h)) > bool 0.05 and up == 0';
    expect(metricNames(expr)).toEqual(['http_request_duration_seconds_count', 'x_total', 'up']);
    expect(labelNamesUsed(expr).sort()).toEqual(['job', 'job', 'route', 'status', 'type']);
    expect(labelValues(expr, 'type')).toEqual(['OrderPlaced']);
  });
});
