import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyFileSettings } from './file-settings';
import { createTurnCommit } from './turn-commit';

describe('createTurnCommit', () => {
  let dir: string;
  let writer: Database.Database;
  let reader: Database.Database;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'turn-commit-'));
    writer = new Database(path.join(dir, 'file.db'));
    applyFileSettings(writer);
    writer.exec('CREATE TABLE rows (name TEXT PRIMARY KEY)');
    reader = new Database(path.join(dir, 'file.db'));
  });

  afterEach(() => {
    writer.close();
    reader.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const insert = (name: string) => () => writer.prepare('INSERT INTO rows (name) VALUES (?)').run(name).changes;
  const committedNames = () => reader.prepare('SELECT name FROM rows ORDER BY name').pluck().all();

  it('commits the writes of one turn together: none is in the file before the last has run', async () => {
    const inTurnTransaction = createTurnCommit(writer);
    const seenByOthers: unknown[][] = [];
    const outcomes = await Promise.all([
      inTurnTransaction(insert('a')),
      inTurnTransaction(() => {
        seenByOthers.push(committedNames());
        return insert('b')();
      }),
    ]);
    expect(outcomes).toEqual([{ ok: true, result: 1 }, { ok: true, result: 1 }]);
    expect(seenByOthers).toEqual([[]]);
    expect(committedNames()).toEqual(['a', 'b']);
  });

  it('rolls a failing write back alone and gives it its error', async () => {
    const inTurnTransaction = createTurnCommit(writer);
    const outcomes = await Promise.all([
      inTurnTransaction(insert('a')),
      inTurnTransaction(() => {
        insert('b')();
        throw new Error('refused after writing');
      }),
      inTurnTransaction(insert('a')),
      inTurnTransaction(insert('c')),
    ]);
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false, true]);
    expect(outcomes[1]).toMatchObject({ ok: false, error: new Error('refused after writing') });
    expect(outcomes[2]).toMatchObject({ ok: false, error: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } });
    expect(committedNames()).toEqual(['a', 'c']);
  });

  it('gives every write of the turn the error when the transaction cannot begin, and the next turn commits', async () => {
    writer.pragma('busy_timeout = 0');
    const inTurnTransaction = createTurnCommit(writer);
    reader.exec('BEGIN IMMEDIATE');
    const refused = await Promise.all([inTurnTransaction(insert('a')), inTurnTransaction(insert('b'))]);
    reader.exec('ROLLBACK');
    expect(refused).toEqual([
      { ok: false, error: expect.objectContaining({ code: 'SQLITE_BUSY' }) },
      { ok: false, error: expect.objectContaining({ code: 'SQLITE_BUSY' }) },
    ]);
    expect(await inTurnTransaction(insert('c'))).toEqual({ ok: true, result: 1 });
    expect(committedNames()).toEqual(['c']);
  });

  it('has committed a turn\'s writes before the next turn\'s run', async () => {
    const inTurnTransaction = createTurnCommit(writer);
    await inTurnTransaction(insert('a'));
    const second = inTurnTransaction(() => committedNames());
    expect(await second).toEqual({ ok: true, result: ['a'] });
  });
});
