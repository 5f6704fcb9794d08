import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import { nameProblem, UnsafeName } from '../../../shared/files/names';
import { message } from '../../../shared/i18n/translate';
import { replaceWith, syncFolder } from './atomic';

// Rule 9 of the house (architecture.md): every file the core writes goes through here. A name that
// came from outside — a dropped folder, a zip entry, a report's file name, a backup's name — is made
// safe first and checked after; the path is built under a folder the app chose (its base); each folder
// on the way is created here or must already be a real folder, never a link; the real parent must lie
// inside the real base; and a file is only ever created on a fresh name (O_EXCL, which does not follow
// a link) or renamed into place (which replaces a link, never writes through it).
//
// The base itself is where the person put the data (or chose to save): its own path may pass through
// links of theirs (a home folder on another disk); below it, every name is the app's or checked here.

// The base itself: a folder the person named (the data folder, a backup folder on a USB disk), made
// with its parents if it is not there yet. Links on the way to it are the person's own business.
export const baseFolder = (dir: string): string => {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new AppError(
      'INVALID_STATE',
      message('files.contain.cannotMake', { path: dir, reason: errorCode(error) || String(error) }),
    );
  }
  return dir;
};

// A path with its links resolved, or as written when it does not exist (yet).
// (The system's own answer: on Windows it also expands 8.3 short names, CADRET~1, that the JavaScript
// one leaves as they are.)
export const realOrAsWritten = (path: string): string => {
  try {
    return realpathSync.native(path);
  } catch {
    return resolve(path);
  }
};

// Whether `path` is `folder` or lies below it (as written: resolve links first where they matter).
// "..a" is a name below it; only "..", or ".." followed by a separator, climbs.
export const isInside = (folder: string, path: string): boolean => {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : '');

// A link, or something else than a folder, where the app keeps a folder of its own.
const notOurFolder = (path: string) => new AppError('INVALID_STATE', message('files.contain.notFolder', { path }));
const escapes = (path: string) => new AppError('INVALID_STATE', message('files.contain.escapes', { path }));
const isLink = (path: string) => lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;

const checkedParts = (parts: readonly string[]) => {
  for (const part of parts) {
    const problem = nameProblem(part);
    if (problem) throw new UnsafeName(part, problem);
  }
};

// The base as the system resolves it; a base that is not there (a USB disk taken out, a folder
// renamed since it was chosen) is said in words, not as ENOENT.
const realBaseOf = (base: string): string => {
  try {
    return realpathSync(base);
  } catch (error) {
    if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR')
      throw new AppError('INVALID_STATE', message('files.contain.noFolder', { path: base }));
    throw error;
  }
};

// base/parts as a folder: each part checked, each folder created here or found as a real folder (not
// a link, not a file), and the whole, resolved, inside the base.
export const folderInside = (base: string, parts: readonly string[]): string => {
  checkedParts(parts);
  const realBase = realBaseOf(base);
  let at = base;
  for (const part of parts) {
    at = join(at, part);
    try {
      mkdirSync(at);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
    const stat = lstatSync(at);
    if (stat.isSymbolicLink() || !stat.isDirectory()) throw notOurFolder(at);
  }
  if (!isInside(realBase, realpathSync(at))) throw escapes(at);
  return at;
};

// The path of a file at base/parts, its folders made (folderInside) and the name itself checked. What
// writes there next must not follow a link already at the name: each writer below says how.
export const fileInside = (base: string, parts: readonly string[]): string => {
  const name = parts.at(-1);
  if (name === undefined) throw new UnsafeName('', 'empty');
  const dir = folderInside(base, parts.slice(0, -1));
  checkedParts([name]);
  return join(dir, name);
};

// The bytes in a file created here and now (O_EXCL: a name anything holds, a link too, is EEXIST),
// flushed to disk; on failure the half-written file goes.
const writeFresh = (path: string, bytes: Uint8Array, mode = 0o666): void => {
  const fd = openSync(path, 'wx', mode);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
};

// A new file, under a name nothing holds yet. For names the app numbers itself when taken.
export const writeNewInside = (base: string, parts: readonly string[], bytes: Uint8Array): string => {
  const path = fileInside(base, parts);
  writeFresh(path, bytes);
  return path;
};

// The bytes written to a fresh temporary name beside the target, then renamed over it: a crash leaves
// the old file or the whole new one, and a link at the target is replaced, never written through.
// `readOnly`: the file is made without write permission (Windows: the read-only attribute), for a copy
// handed to another program that must not be taken for the original.
export const writeInside = (
  base: string,
  parts: readonly string[],
  bytes: Uint8Array,
  options: { readOnly?: boolean } = {},
): string => {
  const path = fileInside(base, parts);
  const temp = join(path, '..', `.cadre-${randomBytes(8).toString('hex')}.tmp`);
  writeFresh(temp, bytes, options.readOnly ? 0o444 : 0o666);
  replaceWith(temp, path);
  return path;
};

// A copy of a file (a database to try on a throw-away copy) under a fresh name: never over anything.
export const copyNewInside = (base: string, parts: readonly string[], source: string): string => {
  const path = fileInside(base, parts);
  copyFileSync(source, path, constants.COPYFILE_EXCL);
  return path;
};

// A folder of the app's removed only if nothing is in it (rmdir never removes what a folder holds).
export const removeEmptyInside = (base: string, parts: readonly string[]): void => {
  const path = join(base, ...parts);
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (stat === undefined || stat.isSymbolicLink() || !stat.isDirectory()) return;
  checkedParts(parts);
  rmdirSync(path);
};

// One of the app's files or folders given another name in the same base (a backup made under a
// partial name, a database set aside or swapped in): both names checked, both folders real. A rename
// replaces a link at the new name, never writes through it; the folder is synced after.
export const moveInside = (base: string, from: readonly string[], to: readonly string[]): string => {
  const source = join(folderInside(base, from.slice(0, -1)), from.at(-1) ?? '');
  checkedParts(from.slice(-1));
  const target = fileInside(base, to);
  renameSync(source, target);
  syncFolder(dirname(target));
  return target;
};

// O_NOFOLLOW where the system has it (not Windows, where the link check above is what stands).
const noFollow = constants.O_NOFOLLOW ?? 0;

// A line added to a file of the app's (its log): never through a link.
export const appendInside = (base: string, parts: readonly string[], text: string): void => {
  const path = fileInside(base, parts);
  if (isLink(path)) throw notOurFolder(path);
  const fd = openSync(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | noFollow, 0o644);
  try {
    // What was opened is a file of its own: not a FIFO, not a second name of the person's ~/.bashrc.
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.nlink > 1) throw notOurFolder(path);
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
};

// Removes base/parts (a folder with what it holds). The folders on the way must be real folders: a
// link among them is refused, so that nothing outside the base is ever removed; a link at the end is
// removed itself, never what it points to (as rm does inside the tree too).
// (Names found on disk are removed as they are: only a part that could climb or name a path is refused.)
export const removeInside = (base: string, parts: readonly string[]): void => {
  if (parts.length === 0 || parts.some((part) => part === '' || part === '.' || part === '..' || /[\\/\0]/.test(part)))
    throw escapes(join(base, ...parts));
  let at = base;
  for (const part of parts.slice(0, -1)) {
    at = join(at, part);
    const stat = lstatSync(at, { throwIfNoEntry: false });
    if (stat === undefined) return;
    if (stat.isSymbolicLink() || !stat.isDirectory()) throw notOurFolder(at);
  }
  rmSync(join(at, parts.at(-1) ?? ''), { recursive: true, force: true });
};

// A file of the app's own settings at a full path (main's window state, the remembered data folder):
// its folder is the base, the name checked, the bytes written aside and renamed in.
export const writeFileAtomic = (path: string, bytes: Uint8Array): string => writeInside(dirname(path), [basename(path)], bytes);
