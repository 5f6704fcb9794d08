import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason, CheckReport } from '../../../shared/backup';
import { message } from '../../../shared/i18n/translate';
import { record } from '../audit/service';
import type { Core } from '../context';
import { checkStoredFiles } from '../files/store';
import type { Job } from '../jobs';
import { getSettings, updateSettings } from '../settings/service';
import { countsOf, listBackups, makeBackup, pruneBackups, readBackup, restoreFiles, verifyDatabase } from './backups';
import { databaseFileName } from '../paths';

export const backupDir = (core: Core): string => getSettings(core).backupDir || join(core.dataDir, 'backups');

const reasonWords: Record<BackupReason, string> = {
  manual: '手动',
  daily: '每日自动',
  close: '关闭时自动',
  'before-restore': '恢复前',
};

export const createBackup = async (core: Core, reason: BackupReason, job: Job, into?: string): Promise<BackupInfo> => {
  const dir = into ?? backupDir(core);
  const info = await makeBackup({
    db: core.db,
    dataDir: core.dataDir,
    dir,
    reason,
    now: core.now(),
    appVersion: core.version,
    nativeBinding: core.nativeBinding,
    progress: (done, total) => job.progress('backup', done, total),
  });
  // Only a verified backup ever makes an older one go.
  pruneBackups(dir, getSettings(core).backupKeep);
  job.transaction(() => {
    updateSettings(core, { lastBackupAt: info.createdAt });
    record(core, {
      action: 'backup',
      entity: 'data',
      summary: message('backup.summary', { reason: reasonWords[reason], path: info.path }),
      after: info.counts,
    });
  });
  return info;
};

export const listBackupsOf = (core: Core) => ({
  dir: backupDir(core),
  items: listBackups(backupDir(core)),
  due: backupIsDue(core),
});

// What a backup holds, checked: a backup that fails its integrity check is refused here.
export const inspectBackup = (core: Core, path: string): BackupInfo => {
  const info = readBackup(path);
  verifyDatabase(join(info.path, databaseFileName), core.nativeBinding);
  return info;
};

type TrailRow = {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  channel: string;
};

// The newest line of the backup's own log: everything logged here after it is history the
// restored database would otherwise not know.
const newestLogged = (file: string, nativeBinding: string | undefined): string => {
  const backup = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return String(backup.prepare("SELECT coalesce(max(at), '') FROM audit_log").pluck().get());
  } finally {
    backup.close();
  }
};

export const restoreBackup = async (
  core: Core,
  path: string,
  job: Job,
): Promise<{ restored: BackupInfo; safety: BackupInfo }> => {
  const info = inspectBackup(core, path);
  // What is here now is backed up first, so a restore can itself be undone.
  const safety = await createBackup(core, 'before-restore', job);
  job.progress('restore', 0, 1);
  // The audit log outlives the restore: what happened since the backup (including the mistake that
  // made the restore necessary) is carried over into the restored database's log.
  const trail = core.db
    .prepare<[string], TrailRow>(
      'SELECT at, actor, action, entity, entity_id, summary, before, after, channel FROM audit_log WHERE at > ? ORDER BY id',
    )
    .all(newestLogged(join(info.path, databaseFileName), core.nativeBinding));
  core.db.close();
  let restored: BackupInfo;
  try {
    restored = restoreFiles(core.dataDir, path, core.nativeBinding);
  } finally {
    core.reopen();
  }
  job.transaction(() => {
    const append = core.db.prepare(
      `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after, channel)
       VALUES (@at, @actor, @action, @entity, @entity_id, @summary, @before, @after, @channel)`,
    );
    for (const row of trail) append.run(row);
    // The restored settings remember their own last backup; the newest is the one just made.
    updateSettings(core, { lastBackupAt: safety.createdAt });
    record(core, {
      action: 'restore',
      entity: 'data',
      summary: message('backup.restored', { name: restored.name }),
      after: restored.counts,
    });
  });
  job.progress('restore', 1, 1);
  return { restored, safety };
};

// Once a day, when the app starts or keeps running, if the user has not turned it off.
export const backupIsDue = (core: Core): boolean => {
  const settings = getSettings(core);
  if (!settings.autoBackup) return false;
  const last = Date.parse(settings.lastBackupAt);
  return Number.isNaN(last) || core.now().getTime() - last >= 24 * 60 * 60 * 1000;
};

// 数据检查: the database page by page, its references, and every stored file against its hash.
export const checkData = (core: Core): CheckReport => {
  const integrity = core.db.prepare<[], string>('PRAGMA integrity_check').pluck().all();
  const foreignKeys = core.db
    .prepare<[], { table: string; rowid: number | null; parent: string }>('PRAGMA foreign_key_check')
    .all()
    .map((row) => ({ table: row.table, rowid: row.rowid, parent: row.parent }));
  const files = checkStoredFiles(
    core.dataDir,
    core.db.prepare<[], { sha256: string; size: number }>('SELECT sha256, size FROM stored_files').all(),
  );
  const integrityOk = integrity.length === 1 && integrity[0] === 'ok';
  return {
    ok:
      integrityOk &&
      foreignKeys.length === 0 &&
      files.missing.length === 0 &&
      files.mismatched.length === 0 &&
      files.orphans.length === 0 &&
      files.leftovers.length === 0,
    integrity: integrityOk ? [] : integrity,
    foreignKeys,
    files,
    counts: countsOf(core.db),
  };
};
