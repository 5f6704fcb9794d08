// Keeping backups by age: those the retention rules (retention.ts) do not keep are deleted, when they
// are this database's and this program's own, and nothing else ever is.
import { lstatSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { type BackupInfo, backupNamePattern } from '../../../shared/backup/schemas';
import { isInside, realOrAsWritten, removeInside } from '../files/contain';
import { databaseFileName } from '../db/file-name';
import { type Lineage, originOf } from './lineage';
import { listBackups, manifestName } from './listing';
import { type RetentionPolicy, retained } from './retention';

// What a backup folder holds, and nothing else: a folder with more (a log, app.lock, a -wal beside
// the database) has been used as a data folder, or is not ours, and no rule ever deletes it.
const backupEntries = new Set([databaseFileName, manifestName, 'files']);

// A backup this program made, and only that: named as backups are named, its manifest naming the same
// backup, holding only what a backup holds, a real folder (not a link), and not a data folder in use
// (nor holding one).
export const isOwnBackup = (backup: BackupInfo, inUse: readonly string[]): boolean => {
  const name = basename(backup.path);
  if (!backupNamePattern.test(name) || backup.name !== name) return false;
  if (lstatSync(backup.path, { throwIfNoEntry: false })?.isDirectory() !== true) return false;
  if (readdirSync(backup.path).some((entry) => !backupEntries.has(entry))) return false;
  const real = realOrAsWritten(backup.path);
  return !inUse.some((dir) => isInside(real, realOrAsWritten(dir)));
};

// Deletes the backups the retention rules do not keep (see retention.ts). Called only after a backup
// or a restore has succeeded, with what that run must not lose protected. The rules count only this
// database's backups, and only those are ever deleted, when this program recognises them as its own
// (isOwnBackup), never the data folder in use: another's, or one that cannot be told, stays.
export const pruneBackups = (
  dir: string,
  options: {
    policy: RetentionPolicy;
    protect: ReadonlySet<string>;
    inUse: readonly string[];
    ours: Lineage;
    nativeBinding: string | undefined;
  },
): string[] => {
  const backups = listBackups(dir).filter((backup) => originOf(backup, options.ours, options.nativeBinding) === 'this');
  const kept = retained(backups, options.policy, options.protect);
  const removed = backups.filter((backup) => !kept.has(backup.path) && isOwnBackup(backup, options.inUse));
  for (const backup of removed) removeInside(dir, [basename(backup.path)]);
  return removed.map((backup) => backup.path);
};
