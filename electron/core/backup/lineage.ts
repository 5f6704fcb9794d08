// Whose a backup is: the database it came from, told by its id or its audit log's first line, so that
// two workstations sharing a backup folder never count (or delete) each other's backups.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { type Db, latestVersion, openReadOnly } from '../db/connection';
import { databaseFileName } from '../db/file-name';
import { checkSchema } from '../db/schema-check';
import { statement } from '../db/statements';
import { readDatabaseId } from '../settings/service';
import { tableExists, tooNew } from './verify';

// Which database a backup came from. Two workstations (two data folders) may share one backup
// folder (the README allows a USB disk or a network folder); told apart by shape alone, each one's
// retention counted the other's backups as its own and deleted them by its rules (issue 19, intruder
// 12). Each database now has a random id (settings' databaseId, settings/service.ts), and each backup
// names it in its manifest; the backup's own database must say the same, so that a manifest edited or
// copied onto another database's backup does not make that backup ours.
//
// Backups made before there were ids name none. Pruning them as before would go on deleting the other
// workstation's; never pruning them would keep every old backup for good (each a copy of the
// database and of every stored file: gigabytes on a USB disk). They are told apart instead by the
// first line of their audit log, which is the first line of this database's for as long as it lives
// (the log is append-only, and a restore carries it over: service.ts historySince) and differs
// between two databases made apart (its moment, to the millisecond, and who wrote it). A legacy
// backup whose log is empty, or whose database cannot be read, is nobody's we can name: kept, and not
// counted.
export type AuditMark = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  channel: string;
};

export const auditMarkSql = 'SELECT id, at, actor, action, entity, entity_id, channel FROM audit_log WHERE id = ?';

export const sameAuditLine = (a: AuditMark | undefined, b: AuditMark | undefined): boolean =>
  a !== undefined &&
  b !== undefined &&
  a.id === b.id &&
  a.at === b.at &&
  a.actor === b.actor &&
  a.action === b.action &&
  a.entity === b.entity &&
  a.entity_id === b.entity_id &&
  a.channel === b.channel;

export const firstAuditLine = (db: Db): AuditMark | undefined =>
  tableExists(db, 'audit_log')
    ? statement<[], AuditMark>(
        db,
        'SELECT id, at, actor, action, entity, entity_id, channel FROM audit_log ORDER BY id LIMIT 1',
      ).get()
    : undefined;

// What a database says of where it comes from.
export type Lineage = { id: string | undefined; firstLine: AuditMark | undefined };

export const lineageOf = (db: Db): Lineage => ({ id: readDatabaseId(db), firstLine: firstAuditLine(db) });

// A database file's lineage, read as a stranger's (read-only, trusted_schema OFF, none of the app's
// functions) and only once its schema is proven ours; undefined when it cannot be read. A backup never
// changes once made, so each is read once per process while its database file stays the same file.
const lineageCache = new Map<string, { stamp: string; lineage: Lineage | undefined }>();

export const lineageOfFile = (file: string, nativeBinding: string | undefined): Lineage | undefined => {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) return undefined;
  const stamp = `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
  const known = lineageCache.get(file);
  if (known?.stamp === stamp) return known.lineage;
  let lineage: Lineage | undefined;
  try {
    const db = openReadOnly(file, nativeBinding);
    try {
      const version = Number(db.pragma('user_version', { simple: true }));
      if (version > latestVersion) throw tooNew(version);
      checkSchema(db, file, version, { nativeBinding });
      lineage = lineageOf(db);
    } finally {
      db.close();
    }
  } catch {
    lineage = undefined;
  }
  if (lineageCache.size > 2000) lineageCache.clear();
  lineageCache.set(file, { stamp, lineage });
  return lineage;
};

export type Origin = 'this' | 'other' | 'unknown';

// Whether a backup was made from the database `ours` describes, from another, or cannot be told.
export const originOf = (backup: BackupInfo, ours: Lineage, nativeBinding: string | undefined): Origin => {
  const theirs = lineageOfFile(join(backup.path, databaseFileName), nativeBinding);
  if (theirs === undefined) return 'unknown';
  if (backup.databaseId !== undefined || theirs.id !== undefined) {
    // The manifest and the backup's database disagree: not a backup as this program makes them.
    if (backup.databaseId !== theirs.id) return 'other';
    return ours.id !== undefined && theirs.id === ours.id ? 'this' : 'other';
  }
  if (theirs.firstLine === undefined || ours.firstLine === undefined) return 'unknown';
  return sameAuditLine(theirs.firstLine, ours.firstLine) ? 'this' : 'other';
};
