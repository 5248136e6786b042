import type { Database } from 'better-sqlite3';

/**
 * Moves the rows of `table`, if a file holds it as a WITHOUT ROWID table, into a rowid table
 * declared by `columns`, once. A WITHOUT ROWID table keeps whole rows in its key's B-tree: rows
 * larger than a twentieth of a page fill a page with a handful and make every insert cost about
 * twice as much. Several connections may open the file at once: the check is repeated under the
 * write lock, and the one that finds the table still to move moves it.
 */
export function moveToRowidTable(db: Database, table: string, columns: string): void {
  const findTable = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?");
  const isWithoutRowid = () => /WITHOUT\s+ROWID/i.test((findTable.get(table) as { sql: string } | undefined)?.sql ?? '');
  if (!isWithoutRowid()) return;
  const names = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
  db.transaction(() => {
    if (!isWithoutRowid()) return;
    db.exec(`
      ALTER TABLE ${table} RENAME TO ${table}_without_rowid;
      CREATE TABLE ${table} (${columns});
      INSERT INTO ${table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${table}_without_rowid;
      DROP TABLE ${table}_without_rowid;
    `);
  }).immediate();
}
