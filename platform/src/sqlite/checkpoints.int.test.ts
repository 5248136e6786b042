import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpoints } from './checkpoints';
import { applyFileSettings } from './file-settings';

describe('startCheckpoints', () => {
  let dir: string;
  let file: string;
  let writer: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoints-'));
    file = path.join(dir, 'file.db');
    writer = new Database(file);
    applyFileSettings(writer, { checkpointedElsewhere: true });
    writer.exec('CREATE TABLE rows (body TEXT)');
  });

  afterEach(() => {
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // 2,000 commits of 2 KiB: 4 MiB and more of WAL frames, past SQLite's default auto-checkpoint of 1,000 pages.
  const writeMany = () => {
    const insert = writer.prepare('INSERT INTO rows (body) VALUES (?)');
    for (let index = 0; index < 2000; index += 1) insert.run('x'.repeat(2048));
  };
  const fileBytes = () => fs.statSync(file).size;
  const waitFor = async (condition: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return condition();
  };

  it('leaves a connection checkpointed elsewhere to grow its WAL, and copies it back into the file from another connection', async () => {
    const before = fileBytes();
    writeMany();
    // the writer's own commits copied nothing back
    expect(fileBytes()).toBe(before);
    const checkpoints = startCheckpoints([file], 10);
    try {
      expect(await waitFor(() => fileBytes() > 4 * 1024 * 1024)).toBe(true);
    } finally {
      checkpoints.stop();
    }
    // all of it is in the file now: nothing is left for a checkpoint to copy
    const [result] = writer.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    expect(result?.log).toBe(result?.checkpointed);
    expect(writer.prepare('SELECT count(*) FROM rows').pluck().get()).toBe(2000);
  });

  it('bounds a connection\'s own checkpoints at 10,000 pages, at 100,000 when another connection checkpoints its file', () => {
    const other = path.join(dir, 'other.db');
    const own = new Database(other);
    try {
      applyFileSettings(own);
      expect(own.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
      expect(writer.pragma('wal_autocheckpoint', { simple: true })).toBe(100000);
    } finally {
      own.close();
    }
  });

  it('refuses a file that does not exist rather than creating it', () => {
    expect(() => startCheckpoints([path.join(dir, 'missing.db')])).toThrow();
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
  });
});
