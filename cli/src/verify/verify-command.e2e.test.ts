import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, randomId } from '@ecommerce/platform';
import { createSampleEventPayload } from '@ecommerce/schemas';

const cli = join(__dirname, '..', '..', 'bin', 'ecommerce');
const verify = (dataDir: string) => spawnSync(process.execPath, [cli, 'verify'], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8', timeout: 30_000 });

describe('ecommerce verify, as a command', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ecommerce-verify-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('exits 0 on a store that adds up and 1, naming the stream, on one that does not', async () => {
    const store = openSqliteEventStore(join(dataDir, 'events.db'));
    const restocked = { id: randomId(), type: 'StockRestocked', data: { ...createSampleEventPayload('StockRestocked'), quantity: 1 } };
    await store.append('inventory-MUG-1', [restocked]);
    await store.close();
    const clean = verify(dataDir);
    expect({ status: clean.status, stdout: clean.stdout }).toEqual({ status: 0, stdout: '1 events: 1 SKUs, 0 orders, 0 payments; 0 findings\n' });

    const planted = openSqliteEventStore(join(dataDir, 'events.db'));
    await planted.append('inventory-MUG-1', [{ id: randomId(), type: 'StockReserved', data: { ...createSampleEventPayload('StockReserved'), quantity: 2 } }]);
    await planted.close();
    const oversold = verify(dataDir);
    expect(oversold.status).toBe(1);
    expect(oversold.stdout).toMatch(/^inventory-MUG-1@1\toversold: reserved 2/m);
    expect(oversold.stdout).toMatch(/1 finding$/m);
  });
});
