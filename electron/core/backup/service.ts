import { basename, dirname, join } from 'node:path';
import type { BackupInfo, BackupReason, BackupSource } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { record } from '../audit/service';
import type { Core } from '../context';
import { type Job, writeTransaction } from '../jobs/job';
import { getSettings, updateSettings } from '../settings/service';
import {
  checkRestorable,
  checkStoredFilesOf,
  installStoredFiles,
  listBackups,
  makeBackup,
  pruneBackups,
  readBackup,
  stageDatabase,
  swapIn,
} from './backups';
import { rememberBackupFolder } from './recovery';
import { sweepAfterBackup } from '../files/unreferenced';
import { folderInside, removeInside } from '../files/contain';
import { storedParts } from '../files/store';
import { type RetentionPolicy, retained } from './retention';
import { databaseFileName } from '../paths';
import { statement } from '../db/statements';
import { openReadOnly } from '../db/connection';

export const backupDir = (core: Core): string => getSettings(core).backupDir || join(core.dataDir, 'backups');

// The folder backups are written into: the one chosen in the settings (the person's, as it is), or
// the data folder's own backups/, which must be a real folder of the app's, not a link.
const backupFolderForWriting = (core: Core, dir: string): string =>
  dir === join(core.dataDir, 'backups') ? folderInside(core.dataDir, ['backups']) : dir;

// sweep: remove the stored files nothing refers to that this backup holds (files/unreferenced.ts).
type CreateOptions = { folder?: string | undefined; prune?: boolean; record?: boolean; sweep?: boolean };

export const createBackup = async (
  core: Core,
  reason: BackupReason,
  job: Job,
  folderGrant?: string,
  options: { prune?: boolean } = {},
): Promise<BackupInfo> => {
  const dir = folderGrant === undefined ? backupDir(core) : core.grants.resolve(folderGrant, 'backupFolder', 'folder');
  // Only after a backup into the backup folder: one written to a folder chosen for once (a USB stick
  // taken away) is not where a restore looks.
  return backupInto(core, reason, job, { folder: dir, prune: options.prune ?? true, sweep: folderGrant === undefined });
};

const backupInto = async (core: Core, reason: BackupReason, job: Job, options: CreateOptions): Promise<BackupInfo> => {
  const dir = backupFolderForWriting(core, options.folder ?? backupDir(core));
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
  if (options.prune) pruneBackups(dir, retentionOf(core), new Set([info.path]), [core.dataDir]);
  if (options.record ?? true) job.transaction(() => recordBackup(core, info));
  if (options.sweep) sweepAfterBackup(core, job, info.path);
  return info;
};

const recordBackup = (core: Core, info: BackupInfo) => {
  updateSettings(core, { lastBackupAt: info.createdAt });
  record(core, {
    action: 'backup',
    entity: 'data',
    summary: message('backup.summary', { reason: message(`backup.reasons.${info.reason}`), path: info.path }),
    after: info.counts,
  });
};

// The folder a backup is named by: one in the backup folder by its name, one elsewhere by the grant
// of the folder the person chose.
const folderOf = (core: Core, source: BackupSource): string =>
  source.grant !== undefined ? core.grants.resolve(source.grant, 'restoreFrom') : join(backupDir(core), source.backup ?? '');

const retentionOf = (core: Core): RetentionPolicy => {
  const settings = getSettings(core);
  return {
    last: settings.backupKeep,
    daily: settings.backupKeepDaily,
    weekly: settings.backupKeepWeekly,
    monthly: settings.backupKeepMonthly,
  };
};

export const setBackupFolder = (core: Core, grant: string | null): { dir: string } => {
  const dir = grant === null ? '' : core.grants.resolve(grant, 'backupFolder');
  updateSettings(core, { backupDir: dir });
  // Also outside the database: a damaged database cannot say where its backups are (recovery.ts).
  rememberBackupFolder(core.dataDir, dir);
  return { dir: backupDir(core) };
};

// The backups, newest first, each with the rules that keep it.
export const listBackupsOf = (core: Core) => {
  const items = listBackups(backupDir(core));
  const kept = retained(items, retentionOf(core));
  return {
    dir: backupDir(core),
    items: items.map((item) => ({ ...item, keptBy: kept.get(item.path) ?? [] })),
    due: backupIsDue(core),
  };
};

// What a backup holds, checked: one that fails SQLite's full check, or that a newer version wrote, is
// refused here, before anything is replaced.
export const inspectBackup = (core: Core, source: BackupSource): BackupInfo => {
  const info = readBackup(folderOf(core, source));
  checkRestorable(join(info.path, databaseFileName), core.nativeBinding);
  return info;
};

type TrailRow = {
  id: number;
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

type LogMark = Pick<TrailRow, 'id' | 'at' | 'actor' | 'action' | 'entity' | 'entity_id' | 'channel'>;

const sameLine = (a: LogMark | undefined, b: LogMark | undefined) =>
  a !== undefined &&
  b !== undefined &&
  a.id === b.id &&
  a.at === b.at &&
  a.actor === b.actor &&
  a.action === b.action &&
  a.entity === b.entity &&
  a.entity_id === b.entity_id &&
  a.channel === b.channel;

const markSql = 'SELECT id, at, actor, action, entity, entity_id, channel FROM audit_log WHERE id = ?';

// The history the restored database would not know. When the backup's log is the start of this one
// (the same first line, and the backup's last line here under the same number), the lines after it;
// otherwise (a backup from another workstation or database) every line here. Compared line by line,
// never by time: a clock set back must not lose history.
const historySince = (core: Core, backupFile: string): TrailRow[] => {
  // Read as a stranger's file (trusted_schema OFF, none of the app's functions), though inspectBackup
  // has found its schema ours.
  const backup = openReadOnly(backupFile, core.nativeBinding);
  let first: LogMark | undefined;
  let last: LogMark | undefined;
  try {
    const lastId = statement<[], number | null>(backup, 'SELECT max(id) FROM audit_log').pluck().get() ?? 0;
    first = statement<[], LogMark>(
      backup,
      'SELECT id, at, actor, action, entity, entity_id, channel FROM audit_log ORDER BY id LIMIT 1',
    ).get();
    last = statement<[number], LogMark>(backup, markSql).get(lastId);
  } finally {
    backup.close();
  }
  const here = (id: number) => statement<[number], LogMark>(core.db, markSql).get(id);
  const shared = first === undefined || (sameLine(first, here(first.id)) && sameLine(last, here(last?.id ?? 0)));
  return statement<[number], TrailRow>(core.db, 'SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(
    shared ? (last?.id ?? 0) : 0,
  );
};

export const restoreBackup = async (
  core: Core,
  source: BackupSource,
  job: Job,
): Promise<{ restored: BackupInfo; safety: BackupInfo }> => {
  const info = inspectBackup(core, source);
  // Every stored file of the backup is checked before anything at all is done.
  checkStoredFilesOf(info.path);
  // What is here now is backed up first, so a restore can itself be undone. Nothing is pruned on the
  // way (not the backup being restored, not the one just made), and nothing is written here: the
  // safety copy is logged in the restored database, so a restore that stops leaves this one as it was.
  const safety = await backupInto(core, 'before-restore', job, { prune: false, record: false });
  let staging: string | undefined;
  let added: string[] = [];
  try {
    job.checkpoint();
    job.progress('restore', 0, 3);
    // The audit log outlives the restore: what happened since the backup (including the mistake that
    // made the restore necessary) is carried into the restored database before it takes the place of
    // this one, with the restore itself. The workstation's backup settings stay as they are.
    const history = historySince(core, join(info.path, databaseFileName));
    const settings = getSettings(core);
    staging = stageDatabase(core.dataDir, info.path, {
      nativeBinding: core.nativeBinding,
      audit: core.audit,
      prepare: (db) => {
        const staged: Core = { ...core, db };
        writeTransaction(staged, 'backup.restore', () => {
          const append = statement(
            db,
            `INSERT INTO audit_log (at, actor, action, entity, entity_id, summary, before, after, channel)
             VALUES (@at, @actor, @action, @entity, @entity_id, @summary, @before, @after, @channel)`,
          );
          for (const { id: _id, ...row } of history) append.run(row);
          recordBackup(staged, safety);
          updateSettings(staged, {
            backupDir: settings.backupDir,
            backupKeep: settings.backupKeep,
            backupKeepDaily: settings.backupKeepDaily,
            backupKeepWeekly: settings.backupKeepWeekly,
            backupKeepMonthly: settings.backupKeepMonthly,
            autoBackup: settings.autoBackup,
          });
          record(staged, {
            action: 'restore',
            entity: 'data',
            summary: message('backup.restored', { name: info.name }),
            after: info.counts,
          });
        });
      },
    });
    job.progress('restore', 1, 3);
    await job.pause();
    added = installStoredFiles(core.dataDir, info.path);
    job.progress('restore', 2, 3);
    // The last moment to stop.
    job.checkpoint();
  } catch (error) {
    // Stopped or refused before the swap: nothing of the restore stays, not even its safety copy.
    if (staging) removeInside(core.dataDir, [basename(staging)]);
    for (const file of added) removeInside(core.dataDir, storedParts(basename(file)));
    removeInside(dirname(safety.path), [basename(safety.path)]);
    throw error;
  }
  core.db.close();
  try {
    swapIn(core.dataDir, staging);
  } finally {
    core.reopen();
  }
  pruneBackups(backupDir(core), retentionOf(core), new Set([info.path, safety.path]), [core.dataDir]);
  job.progress('restore', 3, 3);
  return { restored: { ...info, path: info.path }, safety };
};

// Once a day, when the app starts or keeps running, if the user has not turned it off.
export const backupIsDue = (core: Core): boolean => {
  const settings = getSettings(core);
  if (!settings.autoBackup) return false;
  const last = Date.parse(settings.lastBackupAt);
  const since = core.now().getTime() - last;
  // A last backup "in the future" (the clock set back, or a crafted setting that would stop the daily
  // backups for good) makes one due now.
  return Number.isNaN(last) || since < 0 || since >= 24 * 60 * 60 * 1000;
};
