import { copyFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { openCore } from '../open';
import { databaseFileName } from './file-name';
import { openTrusting, tamper, tampering } from '../testing/crafted-database';
import { value } from '../testing/expect-result';
import { makeTempDir } from '../testing/temp-core';

// Issue 19, H3, at the app's start: a version-current cadre.sqlite3 carrying triggers of its own.

const temps: { dir: string; remove: () => void }[] = [];
afterEach(() => temps.splice(0).forEach((temp) => temp.remove()));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

// A data folder with the sample data, as the app leaves it when it quits.
const sampleFolder = async () => {
  const temp = makeTempDir();
  temps.push(temp);
  const opened = openCore({ dataDir: temp.dir });
  value(await opened.router.call('app.loadSample', {}));
  opened.close();
  return { dir: temp.dir, file: join(temp.dir, databaseFileName) };
};

const refusedAtStart = (dataDir: string): AppError => {
  try {
    openCore({ dataDir }).close();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the crafted database was opened');
};

const newTrainee = `INSERT INTO trainees (name, id_number, position, created_at, updated_at)
  VALUES ('王五', '110101199003070011', '科员', 't', 't')`;
const exportLine = `INSERT INTO audit_log (at, actor, action, entity, summary) VALUES ('t', 'x', 'export', 'roster', '导出名册')`;

describe('a crafted database at the start of the app', () => {
  it('is refused when a trigger copies each new 身份证号 into 职务, and the file is left as it was', async () => {
    const { dir, file } = await sampleFolder();
    tamper(file, tampering.idIntoPosition);
    // What the file does once let in: the number sits in 职务, which masked exports print in full.
    const copy = join(dir, 'let-in.sqlite3');
    copyFileSync(file, copy);
    const trusting = openTrusting(copy);
    trusting.exec(newTrainee);
    expect(trusting.prepare("SELECT position FROM trainees WHERE name = '王五'").pluck().get()).toBe('110101199003070011');
    trusting.close();

    const before = sha256(file);
    const error = refusedAtStart(dir);
    expect(error.code).toBe('DATABASE_FOREIGN');
    expect(error.message).toMatch(/^这个数据库不是本程序创建的，或已被改动（.*(多出|缺少|被改动).*）$/);
    expect(error.details?.['differences']).toEqual([{ change: 'extra', type: 'trigger', name: 'trainees_normalise' }]);
    expect(sha256(file)).toBe(before);
  });

  it('is refused when a trigger deletes the export, reveal and print lines of the audit log', async () => {
    const { dir, file } = await sampleFolder();
    tamper(file, tampering.auditErased);
    const copy = join(dir, 'let-in.sqlite3');
    copyFileSync(file, copy);
    const trusting = openTrusting(copy);
    const lines = () => trusting.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const count = lines();
    trusting.exec(exportLine);
    expect(lines()).toBe(count);
    trusting.close();

    const before = sha256(file);
    const error = refusedAtStart(dir);
    expect(error.code).toBe('DATABASE_FOREIGN');
    expect(error.details?.['differences']).toEqual([
      { change: 'extra', type: 'trigger', name: 'audit_log_compact' },
      { change: 'changed', type: 'trigger', name: 'audit_log_no_delete' },
    ]);
    expect(sha256(file)).toBe(before);
  });

  it('opens the same data folder untouched, every time', async () => {
    const { dir } = await sampleFolder();
    for (let start = 0; start < 2; start += 1) {
      const opened = openCore({ dataDir: dir });
      expect(value(await opened.router.call('classes.list', {})).items).toHaveLength(3);
      opened.close();
    }
  });
});
