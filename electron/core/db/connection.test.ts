import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { makeTempDir } from '../testing/temp-core';
import { migrate, openDatabase } from './connection';
import { migrations } from './migrations';
import type { Migration } from './migrations/types';

const temps: { remove: () => void }[] = [];
const tempFile = () => {
  const temp = makeTempDir();
  temps.push(temp);
  return join(temp.dir, 'test.sqlite3');
};
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('openDatabase', () => {
  it('opens with WAL, foreign keys and a busy timeout, fully migrated', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // FULL (2), not WAL's NORMAL (1): a commit that returned survives a power cut.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('numbers migrations 1, 2, 3 … with no gap, each in its own file beside its own test', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    // Each migration is tested as the house asks: stopped at N−1, data put in, migrated to N, compared.
    const files = readdirSync(join(import.meta.dirname, 'migrations'));
    for (const { version } of migrations) {
      const prefix = `${String(version).padStart(3, '0')}-`;
      const source = files.filter((name) => name.startsWith(prefix) && !name.endsWith('.test.ts'));
      expect(source, `migration ${version}`).toHaveLength(1);
      expect(files, `migration ${version} has no test`).toContain(source[0]?.replace(/\.ts$/, '.test.ts'));
    }
  });

  it('refuses a database from a newer version and leaves the file untouched', () => {
    const file = tempFile();
    const newer = new Database(file);
    newer.exec('CREATE TABLE future (x TEXT)');
    newer.pragma(`user_version = ${migrations.length + 5}`);
    newer.close();
    const before = sha256(file);

    let caught: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect((caught as AppError).code).toBe('DATABASE_TOO_NEW');
    expect((caught as AppError).message).toContain('更新版本');
    expect(sha256(file)).toBe(before);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });

  it('applies all pending migrations in one transaction: a failing step leaves the file as it was', () => {
    const file = tempFile();
    const first: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE one (x INTEGER) STRICT') };
    const second: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE two (x INTEGER) STRICT') };
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up: (db) => {
        db.exec('CREATE TABLE three (x INTEGER) STRICT');
        throw new Error('disk said no');
      },
    };
    openDatabase(file, { migrations: [first] }).close();
    expect(() => openDatabase(file, { migrations: [first, second, broken] })).toThrow('disk said no');
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all();
    expect(tables).toEqual(['one']);
    expect(migrate(db, [first, second])).toBe(2);
    db.close();
  });
});
