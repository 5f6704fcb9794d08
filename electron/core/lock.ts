import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The running app marks its data folder, so that the CLI does not replace the database (a restore)
// underneath it. A mark left by a crashed app names a process that no longer exists and is ignored.
const lockFile = (dataDir: string) => join(dataDir, 'app.lock');

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
};

export const takeAppLock = (dataDir: string): (() => void) => {
  writeFileSync(lockFile(dataDir), JSON.stringify({ pid: process.pid, since: new Date().toISOString() }));
  return () => rmSync(lockFile(dataDir), { force: true });
};

export const appLockHolder = (dataDir: string): number | undefined => {
  try {
    const { pid } = JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' && pid !== process.pid && alive(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
};
