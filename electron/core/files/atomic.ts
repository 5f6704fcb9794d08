import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// The bytes under a temporary name beside the target, flushed to disk. Renaming it over the target
// is the moment the new file appears, whole.
export const writeTempBeside = (path: string, bytes: Uint8Array): string => {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, 'w');
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
};

// A rename is written in the folder's own entry: syncing the folder makes it survive a power cut.
// (Windows cannot open a folder for this; NTFS journals the rename itself.)
export const syncFolder = (dir: string): void => {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // A system that cannot sync a folder: the rename is as durable as it makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

export const replaceWith = (temp: string, path: string): void => {
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
};

// Written aside, flushed, then renamed over the target: a crash leaves either the old file or the
// whole new one, never half a document under the final name.
export const writeFileAtomic = (path: string, bytes: Uint8Array): void => replaceWith(writeTempBeside(path, bytes), path);
