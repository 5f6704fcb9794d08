// Writing a backup: the database copied and checked in a half-made folder, the stored files beside
// it, the manifest last, then the folder renamed to its name.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { BackupInfo, BackupReason } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { baseFolder, folderInside, moveInside, removeInside, writeInside } from '../files/contain';
import { sha256Of, storedParts } from '../files/store';
import type { Job } from '../jobs/job';
import { databaseFileName } from '../db/file-name';
import { statement } from '../db/statements';
import { backupName, manifestName, type manifestSchema, partialPrefix, readBackup, removeStalePartials } from './listing';
import { damaged, verifyDatabase } from './verify';

export type MakeBackup = {
  db: Database.Database;
  dataDir: string;
  dir: string;
  reason: BackupReason;
  now: Date;
  appVersion: string;
  nativeBinding: string | undefined;
  // The database's own id (settings' databaseId), already in the database being copied.
  databaseId: string;
  job: Job;
};

export const makeBackup = async (options: MakeBackup): Promise<BackupInfo> => {
  baseFolder(options.dir);
  const name = backupName(options.dir, options.now, options.reason);
  removeStalePartials(options.dir, options.now);
  const partialName = `${partialPrefix}${name}-${process.pid}`;
  removeInside(options.dir, [partialName]);
  const partial = folderInside(options.dir, [partialName]);
  try {
    const database = join(partial, databaseFileName);
    await options.db.backup(database, {
      progress: ({ totalPages, remainingPages }) => {
        // Throwing here stops SQLite's copy; the half-made folder is removed below.
        options.job.checkpoint();
        options.job.progress('backup', totalPages - remainingPages, totalPages);
        return 200;
      },
    });
    // A backup is one self-contained file: back from WAL to a rollback journal, no -wal beside it.
    const copy = new Database(database, { fileMustExist: true, nativeBinding: options.nativeBinding });
    copy.pragma('trusted_schema = OFF');
    copy.pragma('journal_mode = DELETE');
    copy.close();
    // The app's own fresh copy, in its own partial folder: checked where it is.
    const verified = verifyDatabase(database, options.nativeBinding, { inPlace: true });
    // The stored files the database refers to, checked against their names on the way.
    const hashes = statement<[], string>(options.db, 'SELECT sha256 FROM stored_files').pluck().all();
    for (const [index, sha256] of hashes.entries()) {
      if (index % 20 === 0) {
        options.job.progress('files', index, hashes.length);
        await options.job.pause();
      }
      const source = join(options.dataDir, ...storedParts(sha256));
      const bytes = readFileSync(source);
      if (sha256Of(bytes) !== sha256) throw damaged(source, message('backup.fileChanged'));
      writeInside(partial, storedParts(sha256), bytes);
    }
    const info = {
      name,
      createdAt: options.now.toISOString(),
      reason: options.reason,
      appVersion: options.appVersion,
      schemaVersion: verified.schemaVersion,
      counts: verified.counts,
      databaseId: options.databaseId,
    } satisfies z.input<typeof manifestSchema>;
    writeInside(partial, [manifestName], Buffer.from(JSON.stringify(info, null, 2)));
    options.job.checkpoint();
    return readBackup(moveInside(options.dir, [partialName], [name]));
  } catch (error) {
    removeInside(options.dir, [partialName]);
    throw error;
  }
};
