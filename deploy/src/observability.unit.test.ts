import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createMetrics, loadSettings } from '@ecommerce/platform';
import { commandOf, environmentOf, mountsOf, parseCompose, readComposeText, repoRoot } from './compose-file';
import { listeningPortSetting } from './cli-commands';

const compose = parseCompose(readComposeText());
const readYaml = <T>(path: string) => parse(readFileSync(join(repoRoot, path), 'utf8')) as T;

interface ScrapeConfig { job_name: string; metrics_path?: string; static_configs: Array<{ targets: string[] }> }
const prometheus = readYaml<{ scrape_configs: ScrapeConfig[] }>('deploy/prometheus/prometheus.yml');
const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((config) => config.targets.map((target) => ({ job: job.job_name, target }))));

interface Panel { type: string; title: string; targets?: Array<{ expr: string }> }
const dashboard = JSON.parse(readFileSync(join(repoRoot, 'deploy/grafana/dashboards/ecommerce.json'), 'utf8')) as { uid: string; panels: Panel[] };
const expressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));

/** Metric names a PromQL expression reads: identifiers left once labels, ranges and functions are gone. */
function metricNames(expr: string): string[] {
  const bare = expr.replace(/\b(by|without)\s*\([^)]*\)/g, '').replace(/\[[^\]]*\]/g, '').replace(/\{[^}]*\}/g, '');
  return [...bare.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g)].map((match) => match[0]);
}

/** What the platform's registry exposes, with the series a histogram adds. */
async function exposedSeries(): Promise<Set<string>> {
  const metrics = await createMetrics().registry.getMetricsAsJSON();
  return new Set(metrics.flatMap((metric) => (String(metric.type) === 'histogram' ? ['_bucket', '_count', '_sum'].map((suffix) => metric.name + suffix) : [metric.name])));
}

describe('Prometheus scrape configuration', () => {
  it('scrapes each of our HTTP roles on the port it listens on', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const setting = listeningPortSetting[commandOf(service)[0] ?? ''];
      if (!setting || !service.build) continue;
      const port = loadSettings(environmentOf(service))[setting];
      expect(targets).toContainEqual({ job: name, target: `${name}:${port}` });
    }
  });

  it('scrapes only containers of the stack (or itself)', () => {
    for (const { target } of targets) {
      const host = target.split(':')[0] ?? '';
      expect({ target, known: host === 'localhost' || host in compose.services }).toEqual({ target, known: true });
    }
  });

  it('scrapes the workers on their METRICS_PORT', () => {
    for (const role of ['mirror', 'projections', 'processors']) {
      const port = String((compose.services[role]?.environment as Record<string, unknown> | undefined)?.METRICS_PORT ?? '');
      expect(targets.filter(({ target }) => target.startsWith(`${role}:`)).map(({ target }) => target)).toEqual([`${role}:${port}`]);
    }
  });
});

describe('Grafana provisioning', () => {
  it('points the datasource at the compose Prometheus by the uid the dashboard uses', () => {
    const { datasources } = readYaml<{ datasources: Array<{ uid: string; url: string; type: string }> }>('deploy/grafana/provisioning/datasources/prometheus.yml');
    expect(datasources).toHaveLength(1);
    expect(datasources[0]).toMatchObject({ uid: 'prometheus', type: 'prometheus', url: 'http://prometheus:9090' });
    expect(JSON.stringify(dashboard)).not.toMatch(/"uid":\s*"(?!prometheus"|ecommerce-overview")/);
  });

  it('loads dashboards from where compose mounts them', () => {
    const { providers } = readYaml<{ providers: Array<{ options: { path: string } }> }>('deploy/grafana/provisioning/dashboards/ecommerce.yml');
    const mount = mountsOf(compose.services.grafana ?? {}).find((entry) => entry.source === './deploy/grafana/dashboards');
    expect(providers.map((provider) => provider.options.path)).toEqual([mount?.target]);
  });

  it('queries only metrics the platform exposes', async () => {
    const exposed = await exposedSeries();
    const used = [...new Set(expressions.flatMap(metricNames))];
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('charts latency by route, appends by type, the mirror, the projections and dead letters', () => {
    const used = new Set(expressions.flatMap(metricNames));
    for (const name of ['http_request_duration_seconds_bucket', 'events_appended_total', 'mirror_events_published_total', 'mirror_lag_events', 'projection_lag_messages', 'projection_events_applied_total', 'dlq_messages_total']) {
      expect({ name, charted: used.has(name) }).toEqual({ name, charted: true });
    }
    expect(expressions.join('\n')).toMatch(/histogram_quantile\(0\.5,.*by \(le, route\)/);
    expect(expressions.join('\n')).toMatch(/histogram_quantile\(0\.99,.*by \(le, route\)/);
  });

  it('reads metric names out of PromQL', () => {
    expect(metricNames('histogram_quantile(0.99, sum by (le, route) (rate(http_request_duration_seconds_bucket{job="x"}[5m])))')).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricNames('max(mirror_lag_events) - min(other_metric)')).toEqual(['mirror_lag_events', 'other_metric']);
  });
});
