import { exportAudit, listAudit } from '../audit/log';
import type { Handlers } from '../router';
import { checkData, createBackup, inspectBackup, listBackupsOf, restoreBackup } from './service';

export const backupHandlers = {
  'backup.create': (core, { dir, reason }, job) => createBackup(core, reason, job, dir),
  'backup.list': (core) => listBackupsOf(core),
  'backup.inspect': (core, { path }) => inspectBackup(core, path),
  'backup.restore': (core, { path }, job) => restoreBackup(core, path, job),
  'check.run': (core) => checkData(core),
  'audit.list': (core, query) => listAudit(core, query),
  'audit.export': (core, input, job) => exportAudit(core, input, job),
} satisfies Handlers;
