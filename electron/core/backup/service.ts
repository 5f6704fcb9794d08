import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo, BackupReason, BackupSource } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { record } from '../audit/service';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { getSettings, updateSettings } from '../settings/service';
import { listBackups, makeBackup, pruneBackups, readBackup, restoreFiles, verifyDatabase } from './backups';
import { databaseFileName } from '../paths';
import { statement } from '../db/statements';

export const backupDir = (core: Core): string => getSettings(core).backupDir || join(core.dataDir, 'backups');

type CreateOptions = { folder?: string | undefined; prune?: boolean };

export const createBackup = async (
  core: Core,
  reason: BackupReason,
  job: Job,
  folderGrant?: string,
  options: { prune?: boolean } = {},
): Promise<BackupInfo> => {
  const dir = folderGrant === undefined ? backupDir(core) : core.grants.resolve(folderGrant, 'backupFolder', 'folder');
  return backupInto(core, reason, job, { folder: dir, prune: options.prune ?? true });
};

const backupInto = async (core: Core, reason: BackupReason, job: Job, options: CreateOptions): Promise<BackupInfo> => {
  const dir = options.folder ?? backupDir(core);
  const info = await makeBackup({
    db: core.db,
    dataDir: core.dataDir,
    dir,
    reason,
    now: core.now(),
    appVersion: core.version,
    nativeBinding: core.nativeBinding,
    job,
  });
  // Only a verified backup ever makes an older one go.
  if (options.prune) pruneBackups(dir, getSettings(core).backupKeep);
  job.transaction(() => {
    updateSettings(core, { lastBackupAt: info.createdAt });
    record(core, {
      action: 'backup',
      entity: 'data',
      summary: message('backup.summary', { reason: message(`backup.reasons.${reason}`), path: info.path }),
      after: info.counts,
    });
  });
  return info;
};

// The folder a backup is named by: one in the backup folder by its name, one elsewhere by the grant
// of the folder the person chose.
const folderOf = (core: Core, source: BackupSource): string =>
  source.grant !== undefined ? core.grants.resolve(source.grant, 'restoreFrom') : join(backupDir(core), source.backup ?? '');

export const setBackupFolder = (core: Core, grant: string | null): { dir: string } => {
  updateSettings(core, { backupDir: grant === null ? '' : core.grants.resolve(grant, 'backupFolder') });
  return { dir: backupDir(core) };
};

export const listBackupsOf = (core: Core) => ({
  dir: backupDir(core),
  items: listBackups(backupDir(core)),
  due: backupIsDue(core),
});

// What a backup holds, checked: a backup that fails its integrity check is refused here.
export const inspectBackup = (core: Core, source: BackupSource): BackupInfo => {
  const info = readBackup(folderOf(core, source));
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
    return String(statement(backup, "SELECT coalesce(max(at), '') FROM audit_log").pluck().get());
  } finally {
    backup.close();
  }
};

export const restoreBackup = async (
  core: Core,
  source: BackupSource,
  job: Job,
): Promise<{ restored: BackupInfo; safety: BackupInfo }> => {
  const info = inspectBackup(core, source);
  // What is here now is backed up first, so a restore can itself be undone. Nothing is pruned on the
  // way: not the backup being restored, not the one just made.
  const safety = await backupInto(core, 'before-restore', job, { prune: false });
  // The last moment to stop: a cancel here takes the safety backup away again.
  if (job.signal.aborted) {
    rmSync(safety.path, { recursive: true, force: true });
    job.checkpoint();
  }
  job.progress('restore', 0, 1);
  // The audit log outlives the restore: what happened since the backup (including the mistake that
  // made the restore necessary) is carried over into the restored database's log.
  const trail = statement<[string], TrailRow>(
    core.db,
    'SELECT at, actor, action, entity, entity_id, summary, before, after, channel FROM audit_log WHERE at > ? ORDER BY id',
  ).all(newestLogged(join(info.path, databaseFileName), core.nativeBinding));
  core.db.close();
  let restored: BackupInfo;
  try {
    restored = restoreFiles(core.dataDir, info.path, core.nativeBinding);
  } finally {
    core.reopen();
  }
  job.transaction(() => {
    const append = statement(
      core.db,
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
  pruneBackups(backupDir(core), getSettings(core).backupKeep);
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
