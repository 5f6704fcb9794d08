// Where the backup folder may not be chosen: checked when it is set, apart from the backups it holds.
import { lstatSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupNamePattern } from '../../../shared/backup/schemas';
import { realOrAsWritten } from '../files/contain';
import { databaseFileName } from '../db/file-name';
import { manifestName, manifestSchema, parseJson } from './listing';

// Where a backup folder must not be (issue 19, intruder 04): inside a data folder — this one (other
// than its own backups/, the default) or another — whose tmp/ is swept at every start and whose
// files/ 清理 empties of what no record names; nor inside a backup, which retention deletes with
// whatever it holds. The folder itself and each folder above it are looked at, links resolved.
export type BackupFolderProblem = { reason: 'dataFolder' | 'insideDataFolder' | 'insideBackup'; dir: string };

const holdsBackupManifest = (dir: string) => {
  const manifest = join(dir, manifestName);
  if (lstatSync(manifest, { throwIfNoEntry: false })?.isFile() !== true) return false;
  try {
    return manifestSchema.safeParse(parseJson(readFileSync(manifest, 'utf8'))).success;
  } catch {
    return false;
  }
};

const isBackup = (dir: string) => backupNamePattern.test(basename(dir)) || holdsBackupManifest(dir);

const holdsDatabase = (dir: string) => lstatSync(join(dir, databaseFileName), { throwIfNoEntry: false }) !== undefined;

// The nearest such folder is named (a backup inside this data folder's backups/ is "a backup").
export const backupFolderProblem = (dataDir: string, folder: string): BackupFolderProblem | undefined => {
  const chosen = realOrAsWritten(folder);
  const data = realOrAsWritten(dataDir);
  if (chosen === realOrAsWritten(join(dataDir, 'backups'))) return undefined;
  for (let at = chosen; ; at = dirname(at)) {
    if (isBackup(at)) return { reason: 'insideBackup', dir: at };
    if (at === data || holdsDatabase(at)) return { reason: at === chosen ? 'dataFolder' : 'insideDataFolder', dir: at };
    if (dirname(at) === at) return undefined;
  }
};
