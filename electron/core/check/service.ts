import type { CheckReport, CleanResult } from '../../../shared/check/schemas';
import { countsOf } from '../backup/verify';
import { newestOwnBackup } from '../backup/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { checkStoredFiles } from '../files/store';
import { removeStrays, sweepUnreferenced, unreferencedFiles } from '../files/unreferenced';
import type { Job } from '../jobs/job';

// 数据检查: the database page by page, its references, and every stored file against its hash. It
// only reads, so a cancel simply stops it.
export const checkData = async (core: Core, job: Job): Promise<CheckReport> => {
  job.progress('integrity', 0, 1);
  await job.pause();
  const integrity = statement<[], string>(core.db, 'PRAGMA integrity_check').pluck().all();
  const foreignKeys = statement<[], { table: string; rowid: number | null; parent: string }>(core.db, 'PRAGMA foreign_key_check')
    .all()
    .map((row) => ({ table: row.table, rowid: row.rowid, parent: row.parent }));
  job.progress('integrity', 1, 1);
  const files = await checkStoredFiles(
    core.dataDir,
    statement<[], { sha256: string; size: number }>(core.db, 'SELECT sha256, size FROM stored_files').all(),
    async (done, total) => {
      job.progress('hash', done, total);
      await job.pause();
    },
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
    // Files nothing refers to any more are no fault: they go after the next backup (清理 below).
    files: { ...files, unreferenced: unreferencedFiles(core.db) },
    counts: countsOf(core.db),
  };
};

// 清理: what files/ holds that no row names (a crash's, a restore's, temporary files), and the stored
// files nothing refers to that this database's newest backup in the backup folder holds as let go
// (in a shared backup folder, another workstation's prunes by its own rules); the others wait for the
// next backup, which removes them itself.
export const cleanData = (core: Core, job: Job): CleanResult => {
  job.progress('check', 0, 1);
  const newest = newestOwnBackup(core);
  const swept = sweepUnreferenced(core, job, newest?.path);
  const strays = removeStrays(core, job);
  job.progress('check', 1, 1);
  return { ...swept, strays };
};
