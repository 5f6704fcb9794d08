import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { BackupInfo, BackupReason, BackupSource } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { record } from '../db/audit-record';
import type { Core } from '../context';
import { type Job, writeTransaction } from '../jobs/job';
import { databaseId, ensureDatabaseId, getSettings, setDatabaseId, updateSettings } from '../settings/service';
import { backupFolderProblem } from './folder-problem';
import { type AuditMark, auditMarkSql, firstAuditLine, lineageOf, originOf, sameAuditLine } from './lineage';
import { listBackups, readBackup } from './listing';
import { makeBackup } from './make';
import { pruneBackups } from './prune';
import { checkStoredFilesOf, installStoredFiles, stageDatabase, swapIn } from './restore-steps';
import { checkRestorable } from './verify';
import { rememberBackupFolder, rememberDatabaseId } from './recovery';
import { sweepAfterBackup } from '../files/unreferenced';
import { folderInside, removeInside } from '../files/contain';
import { storedParts } from '../files/store';
import { type RetentionPolicy, retained } from './retention';
import { databaseFileName } from '../db/file-name';
import { statement } from '../db/statements';
import { openReadOnly } from '../db/connection';
import { refuseField } from '../../../shared/validation';

const defaultBackupDir = (core: Core) => join(core.dataDir, 'backups');

// The backup folder in the settings, unless it is where backups would be lost (backupFolderProblem):
// the settings may come from a file of someone else's (a chosen data folder, a restored backup), and
// backup.setFolder refuses such a folder. Then the data folder's own backups/: backed up, nothing lost.
export const backupDir = (core: Core): string => {
  const chosen = getSettings(core).backupDir;
  return chosen !== '' && backupFolderProblem(core.dataDir, chosen) === undefined ? chosen : defaultBackupDir(core);
};

// A backup folder chosen in the settings that is not there: a USB disk not plugged in, a folder
// renamed. It is not made again (that would put "the backups on the USB disk" on the local disk).
const folderMissing = (core: Core, dir: string): boolean => dir !== defaultBackupDir(core) && !existsSync(dir);

// The folder backups are written into: the one chosen in the settings (the person's, as it is, and
// there), or the data folder's own backups/, which must be a real folder of the app's, not a link.
const backupFolderForWriting = (core: Core, dir: string): string => {
  if (dir === defaultBackupDir(core)) return folderInside(core.dataDir, ['backups']);
  if (folderMissing(core, dir)) throw new AppError('INVALID_STATE', message('backup.folderMissing', { path: dir }));
  return dir;
};

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
  // Made before the copy, so that the backup's own database carries the id its manifest names.
  const id = job.transaction(() => ensureDatabaseId(core));
  // And beside the database, for the start-up recovery when the database cannot say (recovery.ts):
  // a backup folder chosen before there were ids is remembered without one.
  rememberDatabaseId(core.dataDir, id);
  const info = await makeBackup({
    db: core.db,
    dataDir: core.dataDir,
    dir,
    reason,
    now: core.now(),
    appVersion: core.version,
    nativeBinding: core.nativeBinding,
    databaseId: id,
    job,
  });
  // Only a verified backup ever makes an older one go.
  if (options.prune) prune(core, dir, new Set([info.path]));
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

const prune = (core: Core, dir: string, protect: ReadonlySet<string>) =>
  pruneBackups(dir, {
    policy: retentionOf(core),
    protect,
    inUse: [core.dataDir],
    ours: lineageOf(core.db),
    nativeBinding: core.nativeBinding,
  });

const retentionOf = (core: Core): RetentionPolicy => {
  const settings = getSettings(core);
  return {
    last: settings.backupKeep,
    daily: settings.backupKeepDaily,
    weekly: settings.backupKeepWeekly,
    monthly: settings.backupKeepMonthly,
  };
};

// The folder is refused where its backups would be lost (backupFolderProblem), in words that name the
// folder in the way. The data folder's own backups/ is the default, and stored as such.
export const setBackupFolder = (core: Core, grant: string | null): { dir: string } => {
  const chosen = grant === null ? '' : core.grants.resolve(grant, 'backupFolder');
  const problem = chosen === '' ? undefined : backupFolderProblem(core.dataDir, chosen);
  if (problem) throw refuseField('grant', message(`backup.folder.${problem.reason}`, { path: chosen, dir: problem.dir }));
  const dir = chosen === defaultBackupDir(core) ? '' : chosen;
  updateSettings(core, { backupDir: dir });
  // Also outside the database: a damaged database cannot say where its backups are (recovery.ts), nor
  // which of them are its own.
  rememberBackupFolder(core.dataDir, dir, ensureDatabaseId(core));
  return { dir: backupDir(core) };
};

// The backups, newest first, each with the rules that keep it; those of another database (a shared
// backup folder) marked, and kept by none of this database's rules.
export const listBackupsOf = (core: Core) => {
  const ours = lineageOf(core.db);
  const items = listBackups(backupDir(core)).map((item) => ({ item, origin: originOf(item, ours, core.nativeBinding) }));
  const kept = retained(
    items.filter(({ origin }) => origin === 'this').map(({ item }) => item),
    retentionOf(core),
  );
  return {
    dir: backupDir(core),
    items: items.map(({ item, origin }) => ({
      ...item,
      keptBy: kept.get(item.path) ?? [],
      ...(origin === 'other' ? { otherDatabase: true } : {}),
    })),
    due: backupIsDue(core),
    // Said on the data page: the list is empty because the folder is away, not because nothing was kept.
    folderMissing: folderMissing(core, backupDir(core)),
  };
};

// This database's newest backup in the backup folder (never another's in a shared folder).
export const newestOwnBackup = (core: Core): BackupInfo | undefined => {
  const ours = lineageOf(core.db);
  return listBackups(backupDir(core)).find((backup) => originOf(backup, ours, core.nativeBinding) === 'this');
};

// What a backup holds, checked: one that fails SQLite's full check, or that a newer version wrote, is
// refused here, before anything is replaced. One from another database says so.
export const inspectBackup = (core: Core, source: BackupSource): BackupInfo => {
  const info = readBackup(folderOf(core, source));
  checkRestorable(join(info.path, databaseFileName), core.nativeBinding, core.dataDir);
  return originOf(info, lineageOf(core.db), core.nativeBinding) === 'other' ? { ...info, otherDatabase: true } : info;
};

// A line of the audit log: what marks it (AuditMark), and what it says.
type TrailRow = AuditMark & { summary: string; before: string | null; after: string | null };

// The history the restored database would not know. When the backup's log is the start of this one
// (the same first line, and the backup's last line here under the same number), the lines after it;
// otherwise (a backup from another workstation or database) every line here. Compared line by line,
// never by time: a clock set back must not lose history.
const historySince = (core: Core, backupFile: string): { lines: TrailRow[]; commands: CommandRow[] } => {
  // Read as a stranger's file (trusted_schema OFF, none of the app's functions), though inspectBackup
  // has found its schema ours.
  const backup = openReadOnly(backupFile, core.nativeBinding);
  let first: AuditMark | undefined;
  let last: AuditMark | undefined;
  try {
    const lastId = statement<[], number | null>(backup, 'SELECT max(id) FROM audit_log').pluck().get() ?? 0;
    first = firstAuditLine(backup);
    last = statement<[number], AuditMark>(backup, auditMarkSql).get(lastId);
  } finally {
    backup.close();
  }
  const here = (id: number) => statement<[number], AuditMark>(core.db, auditMarkSql).get(id);
  const shared = first === undefined || (sameAuditLine(first, here(first.id)) && sameAuditLine(last, here(last?.id ?? 0)));
  const since = shared ? (last?.id ?? 0) : 0;
  return {
    lines: statement<[number], TrailRow>(core.db, 'SELECT * FROM audit_log WHERE id > ? ORDER BY id').all(since),
    // The commands those lines make (migration 16), carried with them.
    commands: statement<[number], CommandRow>(core.db, 'SELECT * FROM audit_commands WHERE id > ? ORDER BY id').all(since),
  };
};

type CommandRow = { id: number; last_id: number; door: string; operator: string };

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
  const added: string[] = [];
  try {
    job.checkpoint();
    job.progress('restore', 0, 3);
    // The audit log outlives the restore: what happened since the backup (including the mistake that
    // made the restore necessary) is carried into the restored database before it takes the place of
    // this one, with the restore itself. The workstation's backup settings stay as they are.
    const history = historySince(core, join(info.path, databaseFileName));
    const settings = getSettings(core);
    // Made by the safety backup just now, if it was not there before.
    const id = databaseId(core);
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
          // The lines keep their order and so their commands, under numbers shifted by as much as the first.
          let shift: number | undefined;
          for (const { id, ...row } of history.lines) {
            const added = Number(append.run(row).lastInsertRowid);
            shift ??= added - id;
          }
          const command = statement(db, 'INSERT INTO audit_commands (id, last_id, door, operator) VALUES (?, ?, ?, ?)');
          for (const kept of history.commands)
            if (shift !== undefined) command.run(kept.id + shift, kept.last_id + shift, kept.door, kept.operator);
          recordBackup(staged, safety);
          // The data folder stays the same database to its backups: for a backup of its own the id is
          // the one it holds anyway; for one from another data folder, taking that folder's id would
          // have two databases prune each other's backups again, in a shared backup folder.
          if (id !== undefined) setDatabaseId(db, id);
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
    installStoredFiles(core.dataDir, info.path, added);
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
  prune(core, backupDir(core), new Set([info.path, safety.path]));
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
