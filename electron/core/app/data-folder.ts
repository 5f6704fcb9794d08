import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { backupInfoSchema, backupNamePattern } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { refuseField } from '../../../shared/validation';
import { record } from '../db/audit-record';
import { backupDir } from '../backup/service';
import type { Core } from '../context';
import { checkDatabaseReadOnly, openDatabase } from '../db/connection';
import { copyNewInside, folderInside, isInside, realOrAsWritten, removeInside, writeNewInside } from '../files/contain';
import { describeUnsafe, unsafeOwnEntries } from '../files/own-files';
import { scratchFolders, tmpName } from '../files/scratch';
import type { Job } from '../jobs/job';
import { databaseFileName } from '../db/file-name';
import { dataFolderName, isNetworkLocation } from '../paths';

const refuse = (key: Parameters<typeof message>[0], params: Record<string, string | number> = {}) =>
  refuseField('folder', message(key, params));

// A backup of this program's, by its name or by its manifest: retention deletes backups, so data
// kept in one (or below one) would be deleted with it (issue 19, H4).
const isBackupFolder = (dir: string) => {
  if (backupNamePattern.test(basename(dir))) return true;
  try {
    return backupInfoSchema
      .omit({ path: true, bytes: true })
      .safeParse(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).success;
  } catch {
    return false;
  }
};

const ancestorsOf = (dir: string): string[] => {
  const all = [dir];
  for (let at = dirname(dir); at !== all.at(-1); at = dirname(at)) all.push(at);
  return all;
};

// Where the chosen folder must not be: the data folder in use (in it, or holding it: a parent folder
// would take the data folder's own files for its data), the backup folder and any backup, since
// retention deletes backups and the app clears its scratch folders.
const placeProblem = (core: Core, folder: string): Parameters<typeof message>[0] | undefined => {
  const chosen = realOrAsWritten(folder);
  const current = realOrAsWritten(core.dataDir);
  if (chosen === current) return 'dataFolder.same';
  if (isInside(current, chosen)) return 'dataFolder.insideCurrent';
  if (isInside(chosen, current)) return 'dataFolder.holdsCurrent';
  const backups = realOrAsWritten(backupDir(core));
  if (isInside(backups, chosen) || ancestorsOf(chosen).some(isBackupFolder)) return 'dataFolder.inBackup';
  if (isInside(chosen, backups)) return 'dataFolder.holdsBackups';
  return undefined;
};

// A database already there is tried on a throw-away copy, in the data folder in use: opened as the app
// opens it (its schema checked against the migrations', its structure checked) and brought to this
// version. A database that cannot climb (half-built, another program's) is refused now, not at every
// later start; the chosen folder itself is not touched.
const tryOnCopy = (core: Core, folder: string) => {
  const scratch = tmpName('folder-check');
  try {
    folderInside(core.dataDir, [scratchFolders.tmp, scratch]);
    for (const suffix of ['', '-wal']) {
      const source = join(folder, `${databaseFileName}${suffix}`);
      if (existsSync(source)) copyNewInside(core.dataDir, [scratchFolders.tmp, scratch, `${databaseFileName}${suffix}`], source);
    }
    openDatabase(join(core.dataDir, scratchFolders.tmp, scratch, databaseFileName), {
      nativeBinding: core.nativeBinding,
    }).close();
  } finally {
    removeInside(core.dataDir, [scratchFolders.tmp, scratch]);
  }
};

// Files a system puts in any folder it shows: a folder holding only these counts as empty.
const systemFiles = new Set(['desktop.ini', 'thumbs.db', '.ds_store', '$recycle.bin', 'system volume information']);

// Where the data goes in the folder the person chose: the folder itself when it is empty or already
// holds this program's database; otherwise a folder of the program's own inside it (D:\ becomes
// D:\CadreTrainingDesk), so that the person's own files beside it — a tmp\ or a files\ of theirs —
// are never taken for the program's and cleared with its scratch.
const dataFolderIn = (chosen: string): string => {
  if (!existsSync(chosen) || existsSync(join(chosen, databaseFileName))) return chosen;
  const others = readdirSync(chosen).filter((name) => !systemFiles.has(name.toLowerCase()));
  return others.length === 0 ? chosen : join(chosen, dataFolderName);
};

// Another data folder, from the next start on. Checked before anything changes: not the one in use
// nor inside it or around it, not a backup nor holding the backup folder, not on the network
// (SQLite's locks are unreliable there), none of the app's own files a link, a hard link or anything
// but a file, writable, and — if it already holds a database — one this version can open and bring
// up to date (not newer, not damaged, not another program's). The data where it is now stays where
// it is; main remembers the folder and restarts the app in it (the log of the data left behind says
// where it went).
export const useDataFolder = async (core: Core, grant: string, job: Job): Promise<{ path: string; existing: boolean }> => {
  const chosen = resolve(core.grants.resolve(grant, 'dataFolder'));
  const folder = dataFolderIn(chosen);
  const place = placeProblem(core, folder);
  if (place) throw refuse(place, { path: folder });
  if (isNetworkLocation(folder)) throw refuse('dataFolder.network', { path: folder });
  const database = join(folder, databaseFileName);
  // The program's own folder inside the chosen one, there already with other things in it: not ours.
  if (folder !== chosen && existsSync(folder) && !existsSync(database) && readdirSync(folder).length > 0)
    throw refuse('dataFolder.occupied', { path: folder });
  const unsafe = existsSync(folder) ? unsafeOwnEntries(folder) : [];
  if (unsafe.length > 0) throw refuse('dataFolder.links', { path: folder, names: describeUnsafe(unsafe) });
  // A fresh name of the app's own, created exclusively: a link prepared under a known name is never
  // written through.
  const probe = `.cadre-write-test-${randomBytes(6).toString('hex')}`;
  try {
    if (!lstatSync(chosen).isDirectory()) throw new Error(message('dataFolder.notFolder'));
    if (folder !== chosen) folderInside(chosen, [basename(folder)]);
    writeNewInside(folder, [probe], new Uint8Array());
    removeInside(folder, [probe]);
  } catch (error) {
    throw refuse('dataFolder.notWritable', { path: folder, reason: error instanceof Error ? error.message : String(error) });
  }
  const existing = existsSync(database);
  if (existing) {
    checkDatabaseReadOnly(database, core.nativeBinding);
    job.checkpoint();
    tryOnCopy(core, folder);
  }
  job.checkpoint();
  // Main remembers it first: a folder it could not remember is not logged as chosen.
  await core.platform.useDataFolder(folder);
  job.transaction(() =>
    record(core, {
      action: 'update',
      entity: 'data',
      summary: message(existing ? 'dataFolder.switchedExisting' : 'dataFolder.switchedNew', { path: folder }),
      after: { dataDir: folder },
    }),
  );
  return { path: folder, existing };
};
