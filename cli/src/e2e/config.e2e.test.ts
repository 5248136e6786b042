import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(__dirname, '..', '..', 'bin', 'ecommerce');

/** DESIGN §4.9: invalid configuration stops the process at start with a message naming the setting. */
describe('invalid configuration stops the process', () => {
  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ EVENTSTORE_URL: 'http://localhost:2113' }, 'EVENTSTORE_URL'],
    [{ MONGO_URL: 'mysql://db' }, 'MONGO_URL'],
    [{ KAFKA_BROKERS: 'kafka-without-port' }, 'KAFKA_BROKERS'],
  ])('%j → exit 2 naming %s', (env, setting) => {
    const result = spawnSync(process.execPath, [cli, 'start'], { env: { PATH: process.env.PATH, ...env }, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(setting);
    expect(result.stderr).toMatch(/invalid configuration/);
  }, 30_000);
});
