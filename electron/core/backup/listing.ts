// The backups in a folder: how each is named, what its manifest says, which are whole, and the
// half-made ones a crash left. Everything that reads a backup folder starts here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { type BackupInfo, type BackupReason, backupInfoSchema } from '../../../shared/backup/schemas';
import { message } from '../../../shared/i18n/translate';
import { removeInside } from '../files/contain';
import { databaseFileName } from '../db/file-name';
import { damaged } from './verify';

// A backup is a folder: the database (copied by SQLite's online backup API, never as a file), the
// stored files, and a manifest written last. It is made under a ".partial-" name and renamed only
// once verified, so a folder with a manifest is always a whole, checked backup.

export const manifestName = 'manifest.json';
export const partialPrefix = '.partial-';

const pad = (n: number) => String(n).padStart(2, '0');
export const stampOf = (date: Date) =>
  `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;

// Named by the moment to the millisecond; two backups in the same millisecond (a close right after a
// manual backup, a clock set back) get a counter rather than one replacing the other.
export const backupName = (dir: string, date: Date, reason: BackupReason) => {
  const base = `cadre-backup-${stampOf(date)}-${String(date.getMilliseconds()).padStart(3, '0')}`;
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}-${reason}` : `${base}-${n}-${reason}`;
    if (!existsSync(join(dir, name))) return name;
  }
};

const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, entry) => sum + (entry.isDirectory() ? folderBytes(join(dir, entry.name)) : statSync(join(dir, entry.name)).size),
    0,
  );

// A backup folder, its manifest, or the database inside it: all name the same backup.
export const backupFolderOf = (path: string): string => {
  if (existsSync(path) && statSync(path).isDirectory()) return path;
  if (basename(path) === manifestName || basename(path) === databaseFileName) return dirname(path);
  return path;
};

// What a manifest says of its backup. Where it is, its size, and what the list adds (the rules that
// keep it, whether it came from another database) are the app's own findings, never the manifest's.
export const manifestSchema = backupInfoSchema.omit({ path: true, bytes: true, keptBy: true, otherDatabase: true });

export const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const readBackup = (path: string): BackupInfo => {
  const folder = backupFolderOf(path);
  const manifest = join(folder, manifestName);
  if (!existsSync(manifest)) {
    // The folder that holds the backups (the USB disk's 党校备份), chosen instead of one of them: said so,
    // with the newest one named, rather than "not a backup".
    const inside = listBackups(folder);
    if (inside.length > 0)
      throw damaged(folder, message('backup.holdsBackups', { count: inside.length, newest: inside[0]?.name ?? '' }));
    throw damaged(folder, message('backup.noManifest'));
  }
  const parsed = manifestSchema.safeParse(parseJson(readFileSync(manifest, 'utf8')));
  if (!parsed.success) throw damaged(folder, message('backup.noManifest'));
  return { ...parsed.data, path: folder, bytes: folderBytes(folder) };
};

// The complete backups in a folder, newest first. Half-made ones (".partial-…") are never listed.
export const listBackups = (dir: string): BackupInfo[] => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith(partialPrefix) && existsSync(join(dir, entry.name, manifestName)),
    )
    .flatMap((entry) => {
      try {
        return [readBackup(join(dir, entry.name))];
      } catch {
        return [];
      }
    })
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
};

// Removes half-made backups left by a crash. One still being made by another process is younger
// than a few minutes and is left alone.
export const removeStalePartials = (dir: string, now: Date) => {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || !entry.name.startsWith(partialPrefix)) continue;
    if (now.getTime() - statSync(join(dir, entry.name)).mtimeMs > 10 * 60 * 1000) removeInside(dir, [entry.name]);
  }
};
