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

export const replaceWith = (temp: string, path: string): void => {
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
};

// Written aside, flushed, then renamed over the target: a crash leaves either the old file or the
// whole new one, never half a document under the final name.
export const writeFileAtomic = (path: string, bytes: Uint8Array): void => replaceWith(writeTempBeside(path, bytes), path);
