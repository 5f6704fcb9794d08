import { closeSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

// The two steps after a file was written aside (files/contain.ts writes it): the rename that makes
// it appear, whole, and the sync of the folder that makes the rename survive a power cut.

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
