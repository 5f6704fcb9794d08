// The steps of a restore (stage the backup's database, install its stored files, swap it in) and the
// restore of a data folder whose database cannot be opened, which runs them without a Core.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { folderInside, moveInside, removeInside, writeInside } from '../files/contain';
import { filesDir, sha256Of, storedParts } from '../files/store';
import { databaseFileName } from '../db/file-name';
import { type AuditContext, type Db, defaultAuditContext, openDatabase } from '../db/connection';
import { setDatabaseId } from '../settings/service';
import { readBackup, stampOf } from './listing';
import { checkRestorable, damaged } from './verify';

const stagingName = '.restore-staging.sqlite3';

const removeStaging = (dataDir: string) => {
  for (const suffix of ['', '-wal', '-shm']) removeInside(dataDir, [`${stagingName}${suffix}`]);
};

// The backup's database, copied beside the live one and made ready there: brought to this version's
// schema, and given whatever `prepare` writes (the history since the backup). The live database is
// not touched. Refused (the copy does not open, `prepare` fails), it leaves nothing behind; a crash
// leaves only a staging file, removed by the next restore.
export const stageDatabase = (
  dataDir: string,
  backupPath: string,
  options: { nativeBinding: string | undefined; audit: AuditContext; prepare?: (db: Db) => void },
): string => {
  removeStaging(dataDir);
  try {
    const staging = writeInside(dataDir, [stagingName], readFileSync(join(backupPath, databaseFileName)));
    const db = openDatabase(staging, { nativeBinding: options.nativeBinding, audit: options.audit });
    try {
      options.prepare?.(db);
    } finally {
      db.close();
    }
    return staging;
  } catch (error) {
    removeStaging(dataDir);
    throw error;
  }
};

// The backup's stored files, each checked against its SHA-256 before any is written; then written
// (aside, synced, renamed) where missing. Returns the ones added, so that a restore stopped before its
// end can take them away again.
const backupFilesOf = (backupPath: string) => {
  const source = filesDir(backupPath);
  if (!existsSync(source)) return [];
  return readdirSync(source).flatMap((bucket) =>
    readdirSync(join(source, bucket))
      .filter((name) => /^[0-9a-f]{64}$/.test(name))
      .map((name) => ({ name, path: join(source, bucket, name) })),
  );
};

// Each stored file of a backup against its SHA-256 (its name).
export const checkStoredFilesOf = (backupPath: string): void => {
  for (const file of backupFilesOf(backupPath)) {
    if (sha256Of(readFileSync(file.path)) !== file.name) throw damaged(file.path, message('backup.fileChanged'));
  }
};

// `added` receives each file as it is written, so that a caller can take them away again even when
// a write fails halfway (a full disk).
export const installStoredFiles = (dataDir: string, backupPath: string, added: string[] = []): string[] => {
  checkStoredFilesOf(backupPath);
  const found = backupFilesOf(backupPath);
  for (const file of found) {
    if (existsSync(join(dataDir, ...storedParts(file.name)))) continue;
    added.push(writeInside(dataDir, storedParts(file.name), readFileSync(file.path)));
  }
  return added;
};

// The moment a restore happens: the staged database renamed over the live one (closed, its WAL folded
// in), and the folder synced so that the rename survives a power cut. Before it, the old data; after
// it, the restored data; nothing between.
export const swapIn = (dataDir: string, staging: string): void => {
  for (const suffix of ['-wal', '-shm']) removeInside(dataDir, [`${databaseFileName}${suffix}`]);
  // A rename replaces whatever holds the name (a link too), never writes through it.
  moveInside(dataDir, [basename(staging)], [databaseFileName]);
};

// A verified backup in place of a database that cannot be opened (damaged, set aside): for the start-up
// recovery and the command line's restore. `databaseId`: the id of the database it replaces, when
// that could still be read, so that the data folder stays the same database to its backups. Refused
// or failing before the swap, it leaves the folder as it found it: no staging file, none of the
// backup's stored files it added (the recovery then offers the next backup).
export const restoreFiles = (
  dataDir: string,
  backupPath: string,
  nativeBinding: string | undefined,
  databaseId?: string,
): BackupInfo => {
  const info = readBackup(backupPath);
  checkRestorable(join(info.path, databaseFileName), nativeBinding, dataDir);
  const prepare = databaseId === undefined ? undefined : (db: Db) => setDatabaseId(db, databaseId);
  const staging = stageDatabase(dataDir, info.path, { nativeBinding, audit: defaultAuditContext(), prepare });
  const added: string[] = [];
  try {
    installStoredFiles(dataDir, info.path, added);
    swapIn(dataDir, staging);
  } catch (error) {
    // Only while the staged database has not taken the live one's name: after that, the files it
    // added are the restored database's.
    if (existsSync(staging)) {
      removeStaging(dataDir);
      for (const file of added) removeInside(dataDir, storedParts(basename(file)));
    }
    throw error;
  }
  return info;
};

// A database that fails its check is moved aside (never deleted) so that nothing more is lost.
export const setAsideDamaged = (dataDir: string, now: Date): string => {
  const aside = `damaged-${stampOf(now)}`;
  const folder = folderInside(dataDir, [aside]);
  for (const suffix of ['', '-wal', '-shm']) {
    const name = `${databaseFileName}${suffix}`;
    if (existsSync(join(dataDir, name))) moveInside(dataDir, [name], [aside, name]);
  }
  return folder;
};
