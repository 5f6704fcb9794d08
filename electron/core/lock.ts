import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeInside, writeInside } from './files/contain';

// The running app marks its data folder, so that the CLI does not replace the database (a restore)
// underneath it, and retention never takes a folder in use. A mark left by a crashed app names a
// process that no longer exists and is ignored.
export const lockFileName = 'app.lock';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

// Written aside and renamed into place: an app.lock that is a link (to a file of the person's) is
// replaced, never written through.
export const takeAppLock = (dataDir: string): (() => void) => {
  writeInside(dataDir, [lockFileName], Buffer.from(JSON.stringify({ pid: process.pid, since: new Date().toISOString() })));
  return () => removeInside(dataDir, [lockFileName]);
};

export const appLockHolder = (dataDir: string): number | undefined => {
  const file = join(dataDir, lockFileName);
  try {
    // A link is not our mark: whatever it points to is not read as one.
    if (lstatSync(file).isSymbolicLink()) return undefined;
    const { pid } = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' && pid !== process.pid && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
};
