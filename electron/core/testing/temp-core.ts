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
