import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openTrusting, tamper, tampering } from '../testing/crafted-database';
import { makeTempDir } from '../testing/temp-core';
import { checkDatabaseReadOnly, latestVersion, openDatabase, openReadOnly } from './connection';
import { migrations } from './migrations';
import { expectedSchema, readSchema } from './schema-check';

const temps: { remove: () => void }[] = [];
const tempFile = (name = 'test.sqlite3') => {
  const temp = makeTempDir();
  temps.push(temp);
  return join(temp.dir, name);
};
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const caught = (run: () => unknown): AppError => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const insertClass = `INSERT INTO classes (code, name, category, year, start_date, end_date, status, created_at, updated_at)
  VALUES ('1', '班', '主体班', 2026, '2026-01-01', '2026-01-02', 'planning', 't', 't')`;

// A database as the app leaves it at the current version, closed.
const current = () => {
  const file = tempFile();
  openDatabase(file).close();
  return file;
};

describe('a database is trusted only when its schema is what the migrations make', () => {
  it('accepts the fresh database of every version, as made and once migrated', () => {
    for (let version = 0; version <= latestVersion; version += 1) {
      const file = tempFile(`v${version}.sqlite3`);
      openDatabase(file, { targetVersion: version }).close();
      expect(() => checkDatabaseReadOnly(file, undefined), `version ${version}`).not.toThrow();
      const db = openDatabase(file);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      db.close();
      // The migrated file is opened again as any later start opens it.
      openDatabase(file).close();
    }
  });

  it('accepts what SQLite adds of its own: the statistics of ANALYZE and PRAGMA optimize', () => {
    const file = current();
    const trusting = openTrusting(file);
    trusting.exec(`${insertClass}; ANALYZE;`);
    trusting.close();
    const db = openReadOnly(file, undefined);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name GLOB 'sqlite_stat*'").pluck().all()).toEqual(
      expect.arrayContaining(['sqlite_stat1', 'sqlite_stat4']),
    );
    db.close();
    openDatabase(file).close();
  });

  it('refuses a database missing an index, before anything is written to it', () => {
    const file = current();
    tamper(file, tampering.missingIndex);
    const before = sha256(file);
    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('DATABASE_FOREIGN');
    expect(error.message).toBe('这个数据库不是本程序创建的，或已被改动（缺少索引“trainees_by_name”）');
    expect(error.details).toMatchObject({
      differences: [{ change: 'missing', type: 'index', name: 'trainees_by_name' }],
      differenceCount: 1,
    });
    expect(sha256(file)).toBe(before);
    // The read-only probe leaves SQLite's empty -wal beside a WAL file; nothing is in it.
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
  });

  it('refuses an extra table, index, view or trigger, and one whose SQL was changed, naming it but not its SQL', () => {
    const cases = [
      [tampering.extraTable, { change: 'extra', type: 'table', name: 'notes_cache' }],
      [tampering.extraIndex, { change: 'extra', type: 'index', name: 'trainees_by_unit' }],
      [tampering.extraView, { change: 'extra', type: 'view', name: 'trainee_units' }],
      [tampering.idIntoPosition, { change: 'extra', type: 'trigger', name: 'trainees_normalise' }],
      [
        'DROP VIEW session_rows; CREATE VIEW session_rows AS SELECT * FROM sessions;',
        { change: 'changed', type: 'view', name: 'session_rows' },
      ],
    ] as const;
    for (const [sql, difference] of cases) {
      const file = current();
      tamper(file, sql);
      const error = caught(() => openDatabase(file));
      expect(error.code).toBe('DATABASE_FOREIGN');
      expect(error.details?.['differences']).toEqual([difference]);
      expect(JSON.stringify(error.details)).not.toMatch(/CREATE|SELECT/);
    }
  });

  it('names the first few differences of many and counts them all', () => {
    const file = current();
    tamper(file, Array.from({ length: 12 }, (_, i) => `CREATE TABLE extra_${String(i).padStart(2, '0')} (x);`).join('\n'));
    const error = caught(() => openDatabase(file));
    expect(error.details?.['differences']).toHaveLength(5);
    expect(error.details?.['differenceCount']).toBe(12);
  });

  it('refuses a database of version 0 that holds anything: another program’s SQLite file is not a new one', () => {
    const file = tempFile();
    const db = new Database(file);
    db.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    expect(caught(() => openDatabase(file)).code).toBe('DATABASE_FOREIGN');
    expect(caught(() => checkDatabaseReadOnly(file, undefined)).code).toBe('DATABASE_FOREIGN');
  });

  it('does not let SQLite’s reserved prefix hide an object: a trigger named sqlite_… read from a file fires', () => {
    const file = current();
    // SQLite refuses to create such a name, but loads one that a tool wrote into sqlite_schema.
    tamper(
      file,
      `PRAGMA writable_schema = ON;
       INSERT INTO sqlite_schema (type, name, tbl_name, rootpage, sql) VALUES ('trigger', 'sqlite_keep', 'trainees', 0,
         'CREATE TRIGGER sqlite_keep AFTER INSERT ON trainees BEGIN UPDATE trainees SET notes = NEW.id_number WHERE id = NEW.id; END');`,
      { writesSchema: true },
    );
    const trusting = openTrusting(file);
    trusting
      .prepare("INSERT INTO trainees (name, id_number, created_at, updated_at) VALUES ('张三', '110101199003070011', 't', 't')")
      .run();
    expect(trusting.prepare('SELECT notes FROM trainees').pluck().get()).toBe('110101199003070011');
    trusting.prepare('DELETE FROM trainees').run();
    trusting.close();
    const error = caught(() => openDatabase(file));
    expect(error.code).toBe('DATABASE_FOREIGN');
    expect(error.details?.['differences']).toEqual([{ change: 'extra', type: 'trigger', name: 'sqlite_keep' }]);
  });

  it('pins the search index’s shadow tables as SQLite writes them (an upgrade that changed them must fail here)', () => {
    const shadow = expectedSchema(migrations, latestVersion, undefined).filter((o) => o.name.startsWith('report_index_'));
    expect(shadow.map(({ name, sql }) => [name, sql])).toEqual([
      ['report_index_config', "CREATE TABLE 'report_index_config'(k PRIMARY KEY, v) WITHOUT ROWID"],
      ['report_index_data', "CREATE TABLE 'report_index_data'(id INTEGER PRIMARY KEY, block BLOB)"],
      ['report_index_docsize', "CREATE TABLE 'report_index_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER)"],
      ['report_index_idx', "CREATE TABLE 'report_index_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID"],
    ]);
    // The file's own shadow tables are compared with these, to the character.
    const file = current();
    tamper(
      file,
      "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'block BLOB', 'block BLOB DEFAULT 1') WHERE name = 'report_index_data';",
      { writesSchema: true },
    );
    expect(caught(() => openDatabase(file)).details?.['differences']).toEqual([
      { change: 'changed', type: 'table', name: 'report_index_data' },
    ]);
  });
});

describe('how the app’s connections meet a file', () => {
  it('runs in SQLite’s defensive mode: no statement can write the schema, writable_schema or not', () => {
    const db = openDatabase(tempFile());
    db.pragma('writable_schema = ON');
    expect(() => db.exec("UPDATE sqlite_schema SET sql = sql WHERE name = 'trainees'")).toThrow(/may not be modified/);
    db.close();
  });

  it('reads a file from outside with trusted_schema OFF, where the file’s views cannot call a function of the app', () => {
    const file = tempFile();
    const made = new Database(file);
    made.exec('CREATE VIEW who AS SELECT app_secret() AS x');
    made.close();
    const db = openReadOnly(file, undefined);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    db.function('app_secret', () => 'secret');
    expect(() => db.prepare('SELECT x FROM who').get()).toThrow(/unsafe use of app_secret/);
    db.close();
  });

  it('trusts the schema (and registers the audit functions) only once it is proven ours', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('trusted_schema', { simple: true })).toBe(1);
    db.exec(insertClass);
    expect(db.prepare("SELECT count(*) FROM audit_log WHERE entity = 'classes'").pluck().get()).toBe(1);
    expect(readSchema(db)).toEqual(expectedSchema(migrations, latestVersion, undefined));
    db.close();
  });
});
