import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { listBackups, setAsideDamaged } from './backups';

// For a database that fails its check at start (the core cannot open it, so this works on files):
// the damaged file goes aside, and the newest backup that still passes its own check is offered.
export const setAsideAndFindBackup = (dataDir: string, now: Date, backupDirs: readonly string[] = [join(dataDir, 'backups')]) => {
  const aside = setAsideDamaged(dataDir, now);
  const latest: BackupInfo | undefined = backupDirs
    .flatMap((dir) => listBackups(dir))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0];
  return { aside, latest };
};
