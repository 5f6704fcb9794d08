import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { writeInside } from '../files/contain';
import { databaseFileName } from '../db/file-name';
import { databaseIdPattern } from '../settings/service';
import { type Lineage, lineageOfFile, originOf } from './lineage';
import { listBackups } from './listing';
import { setAsideDamaged } from './restore-steps';
import { verifyDatabase } from './verify';

// The backup folder chosen in the settings, and the database's id, also in a small file beside the
// database: when the database itself cannot be read, this is how recovery finds the backups kept
// elsewhere, and tells its own from another workstation's in a shared folder.
const folderFileName = 'backup-folder.json';
const folderFile = (dataDir: string) => join(dataDir, folderFileName);

const rememberedSchema = z.object({
  dir: z.string().catch(''),
  databaseId: z.string().regex(databaseIdPattern).optional().catch(undefined),
});
type Remembered = z.output<typeof rememberedSchema>;

const remembered = (dataDir: string): Remembered => {
  try {
    const parsed = rememberedSchema.safeParse(JSON.parse(readFileSync(folderFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : { dir: '' };
  } catch {
    return { dir: '' };
  }
};

const remember = (dataDir: string, what: Remembered): void =>
  void writeInside(dataDir, [folderFileName], Buffer.from(JSON.stringify(what)));

export const rememberBackupFolder = (dataDir: string, dir: string, databaseId: string): void =>
  remember(dataDir, { dir, databaseId });

// Written only when it changes (once per database, not at every backup), and only beside a backup
// folder chosen in the settings: the data folder's own backups/ holds no other database's backups.
export const rememberDatabaseId = (dataDir: string, databaseId: string): void => {
  const known = remembered(dataDir);
  if (known.dir !== '' && known.databaseId !== databaseId) remember(dataDir, { ...known, databaseId });
};

const rememberedBackupFolder = (dataDir: string): string | undefined => {
  const { dir } = remembered(dataDir);
  return dir === '' ? undefined : dir;
};

// For a database that fails its check at start (the core cannot open it, so this works on files): the
// damaged file goes aside, and what can still be read of where it came from is kept for choosing a
// backup — its id and the first line of its log from the file if they can be read, else the id
// remembered beside it.
export const setAsideForRecovery = (dataDir: string, now: Date, nativeBinding: string | undefined) => {
  const aside = setAsideDamaged(dataDir, now);
  const read = lineageOfFile(join(aside, databaseFileName), nativeBinding);
  const ours: Lineage = { id: read?.id ?? remembered(dataDir).databaseId, firstLine: read?.firstLine };
  return { aside, ours };
};

// The newest backup that passes the full check (verifyDatabase, CHECKs included, on a throw-away copy),
// from the data folder's backups/ and from the backup folder chosen in the settings: this database's
// own first, then any other (marked otherDatabase when it is known to be another's). `passed` names
// the backups already offered and refused, or whose restore failed: the next call offers the next.
export const nextGoodBackup = (
  dataDir: string,
  ours: Lineage,
  nativeBinding: string | undefined,
  passed: Set<string>,
): BackupInfo | undefined => {
  const folders = [join(dataDir, 'backups'), rememberedBackupFolder(dataDir)].filter((dir) => dir !== undefined);
  const seen = new Set<string>();
  const candidates = folders
    .flatMap((dir) => listBackups(dir))
    .filter((backup) => !seen.has(backup.path) && seen.add(backup.path))
    .map((backup) => ({ backup, origin: originOf(backup, ours, nativeBinding) }))
    .sort(
      (a, b) =>
        Number(b.origin === 'this') - Number(a.origin === 'this') ||
        (a.backup.createdAt < b.backup.createdAt ? 1 : a.backup.createdAt > b.backup.createdAt ? -1 : 0),
    );
  for (const { backup, origin } of candidates) {
    if (passed.has(backup.path)) continue;
    try {
      verifyDatabase(join(backup.path, databaseFileName), nativeBinding, { scratchIn: dataDir });
      return origin === 'other' ? { ...backup, otherDatabase: true } : backup;
    } catch {
      passed.add(backup.path);
    }
  }
  return undefined;
};
