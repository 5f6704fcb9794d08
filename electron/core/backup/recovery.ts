import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { writeInside } from '../files/contain';
import { listBackups, setAsideDamaged } from './backups';

// The backup folder chosen in the settings, also in a small file beside the database: when the
// database itself cannot be read, this is how recovery finds the backups kept elsewhere.
const folderFileName = 'backup-folder.json';
const folderFile = (dataDir: string) => join(dataDir, folderFileName);

export const rememberBackupFolder = (dataDir: string, dir: string): void =>
  void writeInside(dataDir, [folderFileName], Buffer.from(JSON.stringify({ dir })));

const rememberedBackupFolder = (dataDir: string): string | undefined => {
  try {
    const parsed = z.object({ dir: z.string() }).safeParse(JSON.parse(readFileSync(folderFile(dataDir), 'utf8')));
    return parsed.success && parsed.data.dir !== '' ? parsed.data.dir : undefined;
  } catch {
    return undefined;
  }
};

// For a database that fails its check at start (the core cannot open it, so this works on files):
// the damaged file goes aside, and the newest backup that still passes its own check is offered, from
// the data folder's backups/ and from the backup folder chosen in the settings.
export const setAsideAndFindBackup = (dataDir: string, now: Date) => {
  const aside = setAsideDamaged(dataDir, now);
  const folders = [join(dataDir, 'backups'), rememberedBackupFolder(dataDir)].filter((dir) => dir !== undefined);
  const latest: BackupInfo | undefined = folders
    .flatMap((dir) => listBackups(dir))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  return { aside, latest };
};
