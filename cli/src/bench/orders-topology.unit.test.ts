import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { infraServerPids } from './orders-topology';

describe('the servers scripts/infra started, by their pid files', () => {
  const saved = process.env.ECOMMERCE_INFRA_DATA;
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'infra-pids-'));
    process.env.ECOMMERCE_INFRA_DATA = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.ECOMMERCE_INFRA_DATA;
    else process.env.ECOMMERCE_INFRA_DATA = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const pidFile = (relative: string, content: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  };

  it('names the live ones and leaves out a missing file, a dead pid and garbage', () => {
    if (!fs.existsSync('/proc/self/stat')) return; // reads /proc: Linux only
    pidFile('kafka/kafka.pid', `${process.pid}\n`);
    pidFile('ferretdb/ferretdb.pid', '2147483646\n');
    pidFile('registry/registry.pid', 'not a pid');
    expect(infraServerPids()).toEqual({ 'kafka broker': process.pid });
  });
});
