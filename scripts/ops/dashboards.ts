/**
 * Writes the Grafana dashboards of deploy/src/grafana/dashboards.ts to
 * deploy/grafana/dashboards/<uid>.json, where compose's Grafana loads them.
 * Run after changing a dashboard: npx tsx scripts/ops/dashboards.ts
 * (deploy/src/observability.unit.test.ts fails while a written file differs from its source).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dashboards } from '../../deploy/src/grafana/dashboards';
import { renderDashboard } from '../../deploy/src/grafana/panels';

const folder = join(__dirname, '../../deploy/grafana/dashboards');
for (const dashboard of dashboards) {
  const file = join(folder, `${dashboard.uid}.json`);
  writeFileSync(file, `${JSON.stringify(renderDashboard(dashboard), null, 2)}\n`);
  console.log(`wrote ${file}`);
}
