import Database from 'better-sqlite3';
import { type AuditContext, defaultAuditContext, registerAuditFunctions } from '../db/audit-functions';

// What the security review (issue 19, H3) put into a version-current cadre.sqlite3 with any SQLite
// tool, for the tests that hold the app to refusing such a file wherever one can come from.
export const tampering = {
  // Each new 身份证号 copied into 职务, which every "masked" export prints in full.
  idIntoPosition: `
    CREATE TRIGGER trainees_normalise AFTER INSERT ON trainees
    BEGIN
      UPDATE trainees SET position = NEW.id_number WHERE id = NEW.id;
    END;`,
  // The lines saying who exported, revealed or printed personal data deleted as they are written; the
  // log's guard against deletion replaced by one that lets exactly those go.
  auditErased: `
    DROP TRIGGER audit_log_no_delete;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    WHEN OLD.action NOT IN ('export', 'reveal', 'print')
    BEGIN
      SELECT RAISE(ABORT, 'the audit log is append-only');
    END;
    CREATE TRIGGER audit_log_compact AFTER INSERT ON audit_log
    WHEN NEW.action IN ('export', 'reveal', 'print')
    BEGIN
      DELETE FROM audit_log WHERE id = NEW.id;
    END;`,
  // Plain-looking additions and a removal: none of them does harm, each says the file is not as made.
  extraTable: 'CREATE TABLE notes_cache (id INTEGER PRIMARY KEY, body TEXT) STRICT;',
  extraIndex: 'CREATE INDEX trainees_by_unit ON trainees (unit);',
  extraView: 'CREATE VIEW trainee_units AS SELECT name, unit FROM trainees;',
  missingIndex: 'DROP INDEX trainees_by_name;',
} as const;

export type Tampering = keyof typeof tampering;

// Changes a closed database file as an outside tool would: a plain connection, no checks; with
// `writesSchema`, out of defensive mode, so that PRAGMA writable_schema lets it write sqlite_schema.
export const tamper = (file: string, sql: string, options: { writesSchema?: boolean } = {}): void => {
  const db = new Database(file, { fileMustExist: true });
  try {
    if (options.writesSchema) db.unsafeMode(true);
    db.exec(sql);
  } finally {
    db.close();
  }
};

// Opens a file as the app did before its schema was checked (functions registered, schema trusted), to
// show that a crafted file does what it was made for when it is let in.
export const openTrusting = (file: string, audit: AuditContext = defaultAuditContext()) => {
  const db = new Database(file, { fileMustExist: true });
  registerAuditFunctions(db, audit);
  return db;
};
