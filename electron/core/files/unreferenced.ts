import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { message } from '../../../shared/i18n/translate';
import { record } from '../db/audit-record';
import type { Core } from '../context';
import { type Db, openReadOnly } from '../db/connection';
import { statement } from '../db/statements';
import type { Job } from '../jobs/job';
import { databaseFileName } from '../db/file-name';
import { removeInside } from './contain';
import { filesDir, isHash, isLeftoverName, sha256Of, storedParts, storedPath } from './store';

// Stored files that nothing refers to any more (a deleted class's reports, a replaced reflection) are
// removed, or every backup would carry them for ever. A file goes only once a backup made after it
// was let go holds it: restoring that backup gives the file back, and restoring an older one gives it
// back with what referred to it (a backup holds every file its database lists).

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

// The columns that name a stored file: every foreign key to stored_files, read from the schema, so
// that a table added later that keeps files counts without being listed here.
const referencesOf = (db: Db): { table: string; column: string }[] =>
  statement<[], string>(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all()
    .flatMap((table) =>
      statement<[string], { table: string; from: string }>(db, 'SELECT "table", "from" FROM pragma_foreign_key_list(?)')
        .all(table)
        .filter((key) => key.table === 'stored_files')
        .map((key) => ({ table, column: key.from })),
    );

// The stored files no row refers to.
export const unreferencedFiles = (db: Db): string[] => {
  const unused = referencesOf(db).map(
    ({ table, column }) => `sha256 NOT IN (SELECT ${quoted(column)} FROM ${quoted(table)} WHERE ${quoted(column)} IS NOT NULL)`,
  );
  return statement<[], string>(
    db,
    `SELECT sha256 FROM stored_files${unused.length > 0 ? ` WHERE ${unused.join(' AND ')}` : ''} ORDER BY sha256`,
  )
    .pluck()
    .all();
};

// Which of these files the backup holds as let go: its own database lists each and refers to it
// nowhere (so the backup was made after the file was let go), and its copy has the file's bytes.
const heldAsLetGo = (core: Core, backupPath: string, hashes: readonly string[]): Set<string> => {
  const database = join(backupPath, databaseFileName);
  if (hashes.length === 0 || !existsSync(database)) return new Set();
  const backup = openReadOnly(database, core.nativeBinding);
  let letGo: Set<string>;
  try {
    letGo = new Set(unreferencedFiles(backup));
  } finally {
    backup.close();
  }
  return new Set(
    hashes.filter((sha256) => {
      if (!letGo.has(sha256)) return false;
      try {
        return sha256Of(readFileSync(storedPath(backupPath, sha256))) === sha256;
      } catch {
        return false;
      }
    }),
  );
};

export type Sweep = {
  // Files removed, and their bytes.
  removed: number;
  bytes: number;
  // Files nothing refers to that wait for a backup to hold them.
  waiting: number;
};

// Removes the stored files nothing refers to that the backup at `backupPath` holds as let go (none
// without a backup). The rows go first, in a transaction that asks again (a file the same report
// handed in again refers to stays), and are logged; then the files, under the write lock again, each
// only while no row names it: no process can store one while the lock is held, and a row that came
// back since (the same bytes stored again) keeps its file.
export const sweepUnreferenced = (core: Core, job: Job, backupPath: string | undefined): Sweep => {
  const candidates = unreferencedFiles(core.db);
  const held = backupPath === undefined ? new Set<string>() : heldAsLetGo(core, backupPath, candidates);
  const going = job.transaction(() => {
    const rows = unreferencedFiles(core.db)
      .filter((sha256) => held.has(sha256))
      .map((sha256) => ({
        sha256,
        size: statement<[string], number>(core.db, 'SELECT size FROM stored_files WHERE sha256 = ?').pluck().get(sha256) ?? 0,
      }));
    for (const { sha256 } of rows) statement(core.db, 'DELETE FROM stored_files WHERE sha256 = ?').run(sha256);
    if (rows.length > 0)
      record(core, {
        action: 'delete',
        entity: 'data',
        summary: message('files.unreferenced.removed', {
          count: rows.length,
          megabytes: (rows.reduce((sum, row) => sum + row.size, 0) / 1024 / 1024).toFixed(1),
          backup: basename(backupPath ?? ''),
        }),
        after: { files: rows.length },
      });
    return rows;
  });
  job.transaction(() => {
    for (const { sha256 } of going) {
      const named = statement<[string], number>(core.db, 'SELECT count(*) FROM stored_files WHERE sha256 = ?')
        .pluck()
        .get(sha256);
      if (named === 0) removeInside(core.dataDir, storedParts(sha256));
    }
  });
  return {
    removed: going.length,
    bytes: going.reduce((sum, row) => sum + row.size, 0),
    waiting: candidates.length - going.length,
  };
};

// After a backup into the backup folder: what it holds as let go is removed. The backup is made and
// logged by then, so a failure here is written to the log and leaves the files for the next one.
export const sweepAfterBackup = (core: Core, job: Job, backupPath: string): void => {
  try {
    sweepUnreferenced(core, job, backupPath);
  } catch (error) {
    core.log.error('removing stored files nothing refers to', error);
  }
};

// What the program left in files/ that no row names: a file stored by a write that never committed (a
// crash), one a restore left behind, a temporary file of a write that never finished, a link where a
// stored file belongs. Only names the program gives (two-hex buckets, SHA-256 names, its temporary
// names) are looked at: a files\ folder of the person's in a folder named as the data folder keeps what
// it holds. Removed under the write lock, where no store can be half-way. No backup needs them: a
// backup holds its own copy of every file its database lists.
export const removeStrays = (core: Core, job: Job): number =>
  job.transaction(() => {
    const root = filesDir(core.dataDir);
    if (!existsSync(root) || !lstatSync(root).isDirectory()) return 0;
    const folder = basename(root);
    const named = statement<[string], number>(core.db, 'SELECT count(*) FROM stored_files WHERE sha256 = ?').pluck();
    let removed = 0;
    for (const bucket of readdirSync(root)) {
      if (!/^[0-9a-f]{2}$/.test(bucket)) continue;
      const kind = lstatSync(join(root, bucket));
      // A link where a bucket belongs is removed itself, never followed.
      if (kind.isSymbolicLink()) {
        removeInside(core.dataDir, [folder, bucket]);
        removed += 1;
        continue;
      }
      if (!kind.isDirectory()) continue;
      for (const name of readdirSync(join(root, bucket))) {
        const stray = isHash(name)
          ? !name.startsWith(bucket) || !lstatSync(join(root, bucket, name)).isFile() || named.get(name) === 0
          : isLeftoverName(name);
        if (!stray) continue;
        removeInside(core.dataDir, [folder, bucket, name]);
        removed += 1;
      }
    }
    return removed;
  });
