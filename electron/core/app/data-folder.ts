import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { message } from '../../../shared/i18n/translate';
import { refuseField } from '../../../shared/validation';
import { record } from '../audit/service';
import type { Core } from '../context';
import { checkDatabaseReadOnly } from '../db/connection';
import type { Job } from '../jobs/job';
import { databaseFileName, isNetworkLocation } from '../paths';

const refuse = (key: Parameters<typeof message>[0], params: Record<string, string | number> = {}) =>
  refuseField('folder', message(key, params));

// Another data folder, from the next start on. Checked before anything changes: not the one in use,
// not on the network (SQLite's locks are unreliable there), writable, and — if it already holds a
// database — one this version can open (not newer, not damaged). The data where it is now stays
// where it is; main remembers the folder and restarts the app in it (the log of the data left behind
// says where it went).
export const useDataFolder = async (core: Core, grant: string, job: Job): Promise<{ path: string; existing: boolean }> => {
  const folder = resolve(core.grants.resolve(grant, 'dataFolder'));
  if (folder === resolve(core.dataDir)) throw refuse('dataFolder.same');
  if (isNetworkLocation(folder)) throw refuse('dataFolder.network', { path: folder });
  const probe = join(folder, `.cadre-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw refuse('dataFolder.notWritable', { path: folder, reason: error instanceof Error ? error.message : String(error) });
  }
  const database = join(folder, databaseFileName);
  const existing = existsSync(database);
  if (existing) checkDatabaseReadOnly(database, core.nativeBinding);
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
