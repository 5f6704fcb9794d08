import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { removeInside, writeInside } from './contain';

// The app's file store: every file (a report, an attachment) named by the SHA-256 of its bytes, so a
// file can never be half-replaced, duplicates cost nothing, and a check can prove each is intact.

const filesFolder = 'files';
export const filesDir = (dataDir: string) => join(dataDir, filesFolder);

export const isHash = (name: string) => /^[0-9a-f]{64}$/.test(name);

// A temporary file of a write that never finished, by the names the program gives them: contain.ts's
// ".cadre-<16 hex>.tmp", and the ".<name>.<pid>.<ms>.tmp" of earlier versions.
export const isLeftoverName = (name: string) => /^\.cadre-[0-9a-f]{16}\.tmp$/.test(name) || /^\..+\.\d+\.\d+\.tmp$/.test(name);

export // A hash read from a database (one that came from a backup, another workstation) builds a path only
// once it is what a SHA-256 is: 64 hex characters, nothing that could name another folder.
const checkedHash = (sha256: string): string => {
  if (!isHash(sha256))
    throw new AppError('INVALID_STATE', message('files.notAHash', { value: JSON.stringify(sha256.slice(0, 80)) }));
  return sha256;
};

// Where a stored file lies, as parts under the data folder (for the containment helper).
export const storedParts = (sha256: string): string[] => [filesFolder, checkedHash(sha256).slice(0, 2), sha256];

export const storedPath = (dataDir: string, sha256: string) => join(dataDir, ...storedParts(sha256));

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

// Whether the file at `path` is what its name says: a file (not a link, not a folder) of these bytes. A
// wrong file found under a stored file's name (planted there, or half-copied by an older version) is
// written over rather than trusted for good.
const holds = (path: string, sha256: string, size: number): boolean => {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  return stat !== undefined && stat.isFile() && stat.size === size && sha256Of(readFileSync(path)) === sha256;
};

// Call inside a write transaction: the bytes reach their final name (written aside, synced, renamed)
// before the row exists, so a crash can leave at worst a file nobody points to, never a row
// without its file.
export const storeFile = (core: Core, bytes: Uint8Array, name: string): string => {
  const sha256 = sha256Of(bytes);
  if (!holds(storedPath(core.dataDir, sha256), sha256, bytes.length)) writeInside(core.dataDir, storedParts(sha256), bytes);
  statement(core.db, 'INSERT OR IGNORE INTO stored_files (sha256, size, name, created_at) VALUES (?, ?, ?, ?)').run(
    sha256,
    bytes.length,
    name,
    timestamp(core),
  );
  return sha256;
};

export const readStoredFile = (core: Core, sha256: string): Buffer => readFileSync(storedPath(core.dataDir, sha256));

export type StoredFileReport = {
  checked: number;
  missing: string[];
  mismatched: string[];
  orphans: string[];
  leftovers: string[];
};

// Every row has its file with the right hash; every file on disk has its row; no temporary leftovers.
// `each` runs after every file checked: the data check reports progress and hears a cancel there.
export const checkStoredFiles = async (
  dataDir: string,
  rows: readonly { sha256: string; size: number }[],
  each: (done: number, total: number) => Promise<void> | void = () => undefined,
): Promise<StoredFileReport> => {
  const report: StoredFileReport = { checked: rows.length, missing: [], mismatched: [], orphans: [], leftovers: [] };
  const known = new Set(rows.map((row) => row.sha256));
  for (const [index, row] of rows.entries()) {
    const path = storedPath(dataDir, row.sha256);
    if (!existsSync(path)) report.missing.push(row.sha256);
    else if (statSync(path).size !== row.size || sha256Of(readFileSync(path)) !== row.sha256) report.mismatched.push(row.sha256);
    await each(index + 1, rows.length);
  }
  const root = filesDir(dataDir);
  if (!existsSync(root)) return report;
  // Only the names the store gives: what else a files\ folder holds is not the store's business.
  for (const bucket of readdirSync(root).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    const dir = join(root, bucket);
    const stat = lstatSync(dir);
    // A link where a bucket belongs is not the store's: removed as a leftover (the link itself).
    if (stat.isSymbolicLink()) report.leftovers.push(bucket);
    if (!stat.isDirectory()) continue;
    for (const name of readdirSync(dir)) {
      if (isHash(name)) {
        if (!known.has(name)) report.orphans.push(name);
      } else if (isLeftoverName(name)) report.leftovers.push(join(bucket, name));
    }
  }
  return report;
};

// Temporary files of writes that never finished (a crash, a power cut): safe to remove.
export const removeLeftovers = (dataDir: string, report: StoredFileReport) => {
  for (const leftover of report.leftovers) removeInside(dataDir, [filesFolder, ...leftover.split(/[\\/]/)]);
};
