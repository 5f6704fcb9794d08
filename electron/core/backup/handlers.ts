import type { Handlers } from '../router';
import { createBackup, inspectBackup, listBackupsOf, restoreBackup, setBackupFolder } from './service';

export const backupHandlers = {
  'backup.create': (core, { folder, reason }, job) => createBackup(core, reason, job, folder),
  'backup.list': (core) => listBackupsOf(core),
  'backup.inspect': (core, source) => inspectBackup(core, source),
  'backup.restore': (core, source, job) => restoreBackup(core, source, job),
  'backup.setFolder': (core, { grant }) => setBackupFolder(core, grant),
} satisfies Handlers;
