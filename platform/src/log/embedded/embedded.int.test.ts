import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { logContract } from '../contract';
import { openEmbeddedLog } from './embedded';

logContract('embedded (SQLite)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-log-'));
  const log = openEmbeddedLog(path.join(dir, 'log.db'), { pollIntervalMs: 50, sessionTimeoutMs: 3000 });
  return {
    log,
    async cleanup() {
      await log.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});
