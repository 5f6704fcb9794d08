import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GrantPurpose } from '../../../shared/files/schemas';
import type { Db } from '../db/connection';
import { openCore, type OpenCoreOptions, type OpenedCore } from '../open';

// A fresh data folder per test, removed afterwards: tests run against real SQLite files.
export const makeTempDir = (prefix = 'cadre-test-'): { dir: string; remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};

// `grant` is what a dialog (or the CLI) does with a chosen file: the tests name files as the page does.
export type TempCore = OpenedCore & { dir: string; dispose: () => void; grant: (path: string, purpose: GrantPurpose) => string };

export const openTempCore = (options: Partial<OpenCoreOptions> = {}): TempCore => {
  const temp = makeTempDir();
  const opened = openCore({ dataDir: temp.dir, ...options });
  return {
    ...opened,
    dir: temp.dir,
    grant: (path, purpose) => opened.core.grants.issue(path, purpose),
    dispose: () => {
      opened.close();
      temp.remove();
    },
  };
};

// Every row of every table, in a stable order: "the database is exactly as before" made checkable.
export const snapshot = (db: Db): string => {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all();
  const dump: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    // Ordered by every column: the search index's own tables have no rowid.
    const quoted = `"${name.replaceAll('"', '""')}"`;
    const columns = db.prepare(`SELECT * FROM ${quoted} LIMIT 0`).columns().length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    dump[name] = db.prepare(`SELECT * FROM ${quoted}${columns > 0 ? ` ORDER BY ${order}` : ''}`).all();
  }
  return JSON.stringify({ version: db.pragma('user_version', { simple: true }), dump });
};

// What any write leaves on this connection, read in microseconds: rows changed (triggers included), the schema's
// version and the user version. A rolled-back write moves it too, so it can only send us to the full comparison.
const writeMark = (db: Db): string =>
  JSON.stringify([
    db.prepare('SELECT total_changes()').pluck().get(),
    db.pragma('schema_version', { simple: true }),
    db.pragma('user_version', { simple: true }),
  ]);

export type DbWatch = {
  // Whether the database holds exactly what it held when last settled.
  unchanged: () => boolean;
  // Takes the database as it is now as what the next calls are compared with.
  settle: () => void;
  // How many checks compared every row (the rest were cleared by the write mark).
  fullChecks: () => number;
};

// For property tests that make thousands of calls: a whole snapshot per call costs seconds on the sample data, so
// the full comparison runs when the write mark moved, and on every `every`-th check whatever the mark says, so that
// the mark itself is checked against the rows.
export const watchDb = (db: Db, every = 10): DbWatch => {
  let mark = writeMark(db);
  let whole = snapshot(db);
  let checks = 0;
  let full = 0;
  return {
    unchanged: () => {
      checks += 1;
      if (writeMark(db) === mark && checks % every !== 0) return true;
      full += 1;
      const same = snapshot(db) === whole;
      // A write rolled back leaves the rows as they were: the mark moves on with them.
      if (same) mark = writeMark(db);
      return same;
    },
    settle: () => {
      const now = writeMark(db);
      if (now === mark) return;
      mark = now;
      whole = snapshot(db);
    },
    fullChecks: () => full,
  };
};
