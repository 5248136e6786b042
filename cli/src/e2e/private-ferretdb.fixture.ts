import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './processes';

const script = join(__dirname, '..', '..', '..', 'scripts', 'infra', 'ferretdb.sh');

/**
 * A FerretDB of this test's own (the cached binary, another port, its own data dir), for tests
 * that stop the read store: the shared server on 27017 serves other suites and is never stopped.
 */
export async function createPrivateFerretDb() {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-ferretdb-'));
  const run = (command: 'start' | 'stop') => {
    const result = spawnSync('bash', [script, command], { env: { ...process.env, FERRETDB_PORT: String(port), ECOMMERCE_INFRA_DATA: dataDir }, encoding: 'utf8', timeout: 90_000 });
    if (result.status !== 0) throw new Error(`ferretdb.sh ${command} failed (${result.status}): ${result.stderr}`);
  };
  return {
    url: `mongodb://127.0.0.1:${port}`,
    start: () => run('start'),
    stop: () => run('stop'),
    remove() {
      run('stop');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
