/**
 * Grafana dashboard JSON from a short description: panels flow two to a row, rows start a new
 * line. Only what our dashboards use (time series, stat, text) and the one Prometheus datasource
 * the compose stack provisions (uid "prometheus").
 */
export interface Query { expr: string; legend?: string }
export type PanelSpec =
  | { kind: 'row'; title: string }
  | { kind: 'timeseries' | 'stat'; title: string; description: string; unit: string; queries: Query[]; width?: 12 | 24 }
  | { kind: 'text'; title: string; markdown: string; width?: 12 | 24 };
export interface DashboardSpec { uid: string; title: string; description: string; panels: PanelSpec[]; variables?: Array<{ name: string; label: string; values: string[] }> }

const datasource = { type: 'prometheus', uid: 'prometheus' };

function renderPanel(spec: PanelSpec, id: number, gridPos: { h: number; w: number; x: number; y: number }): Record<string, unknown> {
  if (spec.kind === 'row') return { id, type: 'row', title: spec.title, collapsed: false, gridPos, panels: [] };
  if (spec.kind === 'text') return { id, type: 'text', title: spec.title, gridPos, options: { mode: 'markdown', content: spec.markdown } };
  const targets = spec.queries.map((query, index) => ({ refId: String.fromCharCode(65 + index), datasource, expr: query.expr, ...(query.legend ? { legendFormat: query.legend } : {}) }));
  const options = spec.kind === 'stat'
    ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'value', graphMode: 'area' }
    : { legend: { displayMode: 'table', placement: 'bottom', calcs: ['lastNotNull', 'max'] }, tooltip: { mode: 'multi', sort: 'desc' } };
  const custom = spec.kind === 'timeseries' ? { custom: { lineWidth: 1, fillOpacity: 10 } } : {};
  return { id, type: spec.kind, title: spec.title, description: spec.description, datasource, gridPos, fieldConfig: { defaults: { unit: spec.unit, ...custom }, overrides: [] }, options, targets };
}

export function renderDashboard(spec: DashboardSpec): Record<string, unknown> {
  const panels: Array<Record<string, unknown>> = [];
  let x = 0;
  let y = 0;
  let lineHeight = 0;
  spec.panels.forEach((panel, index) => {
    const width = panel.kind === 'row' ? 24 : (panel.width ?? 12);
    const height = panel.kind === 'row' ? 1 : panel.kind === 'stat' ? 5 : panel.kind === 'text' ? 4 : 8;
    if (panel.kind === 'row' || x + width > 24) {
      y += lineHeight;
      x = 0;
      lineHeight = 0;
    }
    panels.push(renderPanel(panel, index + 1, { h: height, w: width, x, y }));
    if (panel.kind === 'row') {
      y += 1;
    } else {
      x += width;
      lineHeight = Math.max(lineHeight, height);
    }
  });
  const templating = (spec.variables ?? []).map((variable) => ({
    name: variable.name, label: variable.label, type: 'custom', query: variable.values.join(','), multi: false, includeAll: false,
    current: { text: variable.values[0], value: variable.values[0] },
    options: variable.values.map((value, index) => ({ text: value, value, selected: index === 0 })),
  }));
  return {
    uid: spec.uid, title: spec.title, description: spec.description, tags: ['ecommerce'], timezone: 'browser', schemaVersion: 39, version: 1,
    editable: false, refresh: '30s', time: { from: 'now-3h', to: 'now' }, templating: { list: templating }, annotations: { list: [] }, panels,
  };
}
