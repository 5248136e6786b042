import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadSettings } from '@ecommerce/platform';
import { commandOf, environmentOf, mountsOf, parseCompose, readComposeText, repoRoot } from './compose-file';
import { listeningPortSetting } from './cli-commands';
import { eventTypes, exposedSeries, labelNamesUsed, labelValues, metricNames, prometheusSeries } from './promql';
import { dashboards } from './grafana/dashboards';
import { renderDashboard } from './grafana/panels';

const compose = parseCompose(readComposeText());
const readYaml = <T>(path: string) => parse(readFileSync(join(repoRoot, path), 'utf8')) as T;

interface ScrapeConfig { job_name: string; metrics_path?: string; static_configs: Array<{ targets: string[] }> }
const prometheus = readYaml<{ scrape_configs: ScrapeConfig[]; rule_files?: string[]; alerting?: { alertmanagers: Array<{ static_configs: Array<{ targets: string[] }> }> } }>('deploy/prometheus/prometheus.yml');
const targets = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((config) => config.targets.map((target) => ({ job: job.job_name, target }))));

interface Panel { type: string; title: string; targets?: Array<{ expr: string }> }
interface Dashboard { uid: string; title: string; panels: Panel[] }
const dashboardDir = join(repoRoot, 'deploy/grafana/dashboards');
const dashboardFiles = readdirSync(dashboardDir).filter((file) => file.endsWith('.json'));
const allDashboards = dashboardFiles.map((file) => ({ file, ...(JSON.parse(readFileSync(join(dashboardDir, file), 'utf8')) as Dashboard) }));
const dashboard = allDashboards.find((entry) => entry.file === 'ecommerce.json') ?? { uid: '', title: '', panels: [] };
const expressions = dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr));
/** Grafana's variables ($job) stand for one of the values the dashboard offers: any would do for reading names. */
const allExpressions = allDashboards.flatMap((entry) => entry.panels.flatMap((panel) => (panel.targets ?? []).map((target) => ({ uid: entry.uid, title: panel.title, expr: target.expr.replace(/\$job\b/g, 'job') }))));

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

  it('loads the alert rules where compose mounts them, and sends alerts to the compose Alertmanager', () => {
    const prometheusMounts = mountsOf(compose.services.prometheus ?? {});
    const configMount = prometheusMounts.find((mount) => mount.source === './deploy/prometheus/prometheus.yml');
    const rulesMount = prometheusMounts.find((mount) => mount.source === './deploy/prometheus/rules');
    expect(configMount && rulesMount).toBeTruthy();
    const configDir = (configMount?.target ?? '').replace(/\/[^/]+$/, '');
    expect(prometheus.rule_files?.map((glob) => join(configDir, glob))).toEqual([join(rulesMount?.target ?? '', '*.yml')]);
    expect(prometheus.alerting?.alertmanagers.flatMap((manager) => manager.static_configs.flatMap((config) => config.targets))).toEqual(['alertmanager:9093']);
    expect(mountsOf(compose.services.alertmanager ?? {})).toContainEqual(expect.objectContaining({ source: './deploy/alertmanager/alertmanager.yml', target: '/etc/alertmanager/alertmanager.yml' }));
  });

  it('scrapes the workers on their METRICS_PORT', () => {
    for (const role of ['mirror', 'projections', 'processors']) {
      const port = String((compose.services[role]?.environment as Record<string, unknown> | undefined)?.METRICS_PORT ?? '');
      expect(targets.filter(({ target }) => target.startsWith(`${role}:`)).map(({ target }) => target)).toEqual([`${role}:${port}`]);
    }
  });
});

describe('Grafana provisioning', () => {
  it('points the datasource at the compose Prometheus by the uid the dashboards use', () => {
    const { datasources } = readYaml<{ datasources: Array<{ uid: string; url: string; type: string }> }>('deploy/grafana/provisioning/datasources/prometheus.yml');
    expect(datasources).toHaveLength(1);
    expect(datasources[0]).toMatchObject({ uid: 'prometheus', type: 'prometheus', url: 'http://prometheus:9090' });
    for (const entry of allDashboards) {
      const { uid, ...rest } = entry;
      expect({ uid, datasources: [...JSON.stringify(rest).matchAll(/"uid":\s*"([^"]*)"/g)].map((match) => match[1]).filter((value) => value !== 'prometheus') }).toEqual({ uid, datasources: [] });
    }
  });

  it('loads dashboards from where compose mounts them', () => {
    const { providers } = readYaml<{ providers: Array<{ options: { path: string } }> }>('deploy/grafana/provisioning/dashboards/ecommerce.yml');
    const mount = mountsOf(compose.services.grafana ?? {}).find((entry) => entry.source === './deploy/grafana/dashboards');
    expect(providers.map((provider) => provider.options.path)).toEqual([mount?.target]);
  });

  it('queries only metrics the platform exposes, in every dashboard', () => {
    const exposed = exposedSeries();
    expect(allDashboards.length).toBeGreaterThanOrEqual(7);
    for (const { uid, title, expr } of allExpressions) {
      const names = metricNames(expr);
      expect({ uid, title, reads: names.length > 0 }).toEqual({ uid, title, reads: true });
      expect({ uid, title, unknown: names.filter((name) => !exposed.has(name) && !prometheusSeries.has(name)) }).toEqual({ uid, title, unknown: [] });
      const labels = new Set(names.flatMap((name) => [...(exposed.get(name) ?? ['job', 'instance'])]));
      expect({ uid, title, unknownLabels: labelNamesUsed(expr).filter((label) => !labels.has(label)) }).toEqual({ uid, title, unknownLabels: [] });
    }
  });

  it('charts only event types that have a schema', () => {
    const known = eventTypes(repoRoot);
    const used = allExpressions.flatMap(({ expr }) => labelValues(expr, 'type'));
    expect(used).toEqual(expect.arrayContaining(['OrderPlaced', 'PaymentCaptured', 'StockReservationRejected']));
    expect(used.filter((type) => !known.has(type))).toEqual([]);
  });

  it('has one dashboard per service and for the business, each written from its source (npx tsx scripts/ops/dashboards.ts)', () => {
    expect(dashboards.map((spec) => spec.uid).sort()).toEqual(['ecommerce-business', 'ecommerce-http', 'ecommerce-kafka-lag', 'ecommerce-mirror', 'ecommerce-processors', 'ecommerce-projections']);
    for (const spec of dashboards) {
      const written = JSON.parse(readFileSync(join(dashboardDir, `${spec.uid}.json`), 'utf8')) as unknown;
      expect({ uid: spec.uid, upToDate: JSON.stringify(written) === JSON.stringify(renderDashboard(spec)) }).toEqual({ uid: spec.uid, upToDate: true });
    }
    expect(new Set(allDashboards.map((entry) => entry.uid)).size).toBe(allDashboards.length);
  });

  it('lays panels out without overlaps', () => {
    for (const entry of allDashboards) {
      const boxes = entry.panels.map((panel) => (panel as Panel & { gridPos: { x: number; y: number; w: number; h: number } }).gridPos);
      for (const [index, a] of boxes.entries()) {
        for (const b of boxes.slice(index + 1)) {
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect({ uid: entry.uid, overlap }).toEqual({ uid: entry.uid, overlap: false });
        }
      }
    }
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
