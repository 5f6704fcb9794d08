import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { failure, value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { stagedBytes, stagingCache, stagingLifetime, stagingToken, tokenIsFor } from './staging';

const digestOf = (text: string) => createHash('sha256').update(text).digest('hex');
const changed = () => new AppError('INVALID_INPUT', 'changed');

describe('the staging of a preview for its commit', () => {
  let t: TempCore;
  let clock: number;
  let path: string;
  beforeEach(() => {
    clock = Date.parse('2026-03-02T09:00:00+08:00');
    t = openTempCore({ now: () => new Date(clock) });
    path = join(t.dir, 'roster.xlsx');
    writeFileSync(path, 'the bytes previewed');
  });
  afterEach(() => t.dispose());

  const staged = () => ({ path, digest: digestOf('the bytes previewed') });

  it('names the kind, the scope, the bytes and the options in the token', () => {
    const token = stagingToken('roster', 12, [staged().digest], ['名单', 0]);
    expect(token).toMatch(/^roster\.12\.[0-9a-f]{64}$/);
    expect(tokenIsFor(token, 'roster', 12)).toBe(true);
    expect(tokenIsFor(token, 'roster', 13)).toBe(false);
    // Read with another header row, or another file: another token.
    expect(stagingToken('roster', 12, [staged().digest], ['名单', 1])).not.toBe(token);
    expect(stagingToken('roster', 12, [digestOf('other')], ['名单', 0])).not.toBe(token);
    expect(stagingToken('schedule', 12, [staged().digest], ['名单', 0])).not.toBe(token);
  });

  it('refuses a token of another kind of preview, or none at all, in its own words', () => {
    const token = stagingToken('roster', 12, [staged().digest]);
    for (const [brought, kind] of [
      [token, 'schedule'],
      [token, 'reports'],
      [`12.${'0'.repeat(64)}`, 'roster'],
      ['', 'table'],
      ['roster.12.not-a-hash', 'roster'],
    ] as const) {
      let refused: unknown;
      try {
        tokenIsFor(brought, kind, 12);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: '这不是本项导入的预览凭据，请重新预览后再导入' });
      expect((refused as AppError).details?.issues?.[0]?.field).toBe('token');
    }
  });

  it('gives back what the preview kept, on the same database and within its lifetime', () => {
    const cache = stagingCache<string>({ changed });
    const token = stagingToken('schedule', 3, [staged().digest]);
    cache.keep(t.core, token, [staged()], 'the plan');
    expect(cache.take(t.core, token, [path])).toEqual({ state: 'held', value: 'the plan' });
    // Read from another path, it is not this preview's commit.
    expect(cache.take(t.core, token, [join(t.dir, 'other.xlsx')])).toEqual({ state: 'gone' });
    expect(cache.take(t.core, 'schedule.3.other')).toEqual({ state: 'gone' });
    expect(cache.latest(t.core)).toEqual({ token, value: 'the plan' });
    clock += stagingLifetime - 1;
    expect(cache.take(t.core, token).state).toBe('held');
    clock += 1;
    expect(cache.take(t.core, token)).toEqual({ state: 'gone' });
    expect(cache.latest(t.core)).toBeUndefined();
  });

  it('holds nothing across a reopen of the database', () => {
    const cache = stagingCache<string>({ changed });
    const token = stagingToken('schedule', 3, [staged().digest]);
    cache.keep(t.core, token, [staged()], 'the plan');
    t.core.reopen();
    expect(cache.take(t.core, token)).toEqual({ state: 'reopened' });
    // And once said, it is gone.
    expect(cache.take(t.core, token)).toEqual({ state: 'gone' });
  });

  it('holds nothing across a restore of a backup', async () => {
    const cache = stagingCache<string>({ changed });
    const token = stagingToken('archive', 0, [staged().digest]);
    const backup = value(await t.router.call('backup.create', {}));
    cache.keep(t.core, token, [], 'the plan');
    value(await t.router.call('backup.restore', { backup: backup.name }));
    expect(cache.take(t.core, token)).toEqual({ state: 'reopened' });
  }, 60_000);

  it('refuses a file changed since the preview, and a file gone', () => {
    const cache = stagingCache<string>({ changed: () => new AppError('INVALID_INPUT', 'the file changed after the preview') });
    const token = stagingToken('roster', 1, [staged().digest]);
    cache.keep(t.core, token, [staged()], 'the plan');
    // Same size, other bytes: a size-and-time stamp could miss it; the hash does not.
    writeFileSync(path, 'the bytes PREVIEWED');
    expect(() => cache.take(t.core, token, [path])).toThrow('the file changed after the preview');
    writeFileSync(path, 'the bytes previewed');
    expect(cache.take(t.core, token, [path]).state).toBe('held');
    expect(stagedBytes(staged(), changed).toString()).toBe('the bytes previewed');
    expect(() => stagedBytes({ path: join(t.dir, 'gone.xlsx'), digest: staged().digest }, changed)).toThrow('changed');
  });

  it('keeps the newest previews it is told to, and drops a committed one', () => {
    const cache = stagingCache<number>({ keep: 2, changed });
    const tokens = [1, 2, 3].map((n) => stagingToken('reports', 1, [digestOf(String(n))]));
    tokens.forEach((token, index) => cache.keep(t.core, token, [], index));
    expect(tokens.map((token) => cache.take(t.core, token).state)).toEqual(['gone', 'held', 'held']);
    cache.drop(t.core, tokens[2] ?? '');
    expect(cache.take(t.core, tokens[2] ?? '').state).toBe('gone');
    expect(cache.take(t.core, tokens[1] ?? '').state).toBe('held');
  });

  it('is refused at every commit channel when brought from another kind of preview, changing nothing', async () => {
    value(await t.router.call('app.loadSample', {}));
    const classId = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '凭据测试班',
        startDate: '2020-09-09',
        endDate: '2020-09-20',
      }),
    ).id;
    const file = standardRoster(t.dir, 3);
    const roster = value(await t.router.call('roster.importPreview', { classId, grant: t.grant(file, 'rosterImport') })).token;
    expect(tokenIsFor(roster, 'roster', classId)).toBe(true);
    const schedule = `schedule.${classId}.${'0'.repeat(64)}`;
    const before = snapshot(t.core.db);
    const refusals = [
      failure(
        await t.router.call('roster.importCommit', { classId, grant: t.grant(file, 'rosterImport'), token: schedule }),
        'INVALID_INPUT',
      ),
      failure(
        await t.router.call('schedule.importCommit', { classId, grant: t.grant(file, 'scheduleImport'), token: roster }),
        'INVALID_INPUT',
      ),
      failure(
        await t.router.call('surveys.platformCommit', {
          classId,
          grant: t.grant(file, 'tableImport'),
          satisfaction: 'trainees',
          token: roster,
        }),
        'INVALID_INPUT',
      ),
      failure(await t.router.call('staff.import', { grant: t.grant(file, 'tableImport'), token: roster }), 'INVALID_INPUT'),
      failure(
        await t.router.call('reports.commit', { classId, token: roster, items: [{ key: '1', enrolmentIds: [1] }] }),
        'INVALID_INPUT',
      ),
    ];
    for (const refused of refusals) {
      expect(refused.message).toBe('这不是本项导入的预览凭据，请重新预览后再导入');
      expect(refused.details?.issues?.[0]?.field).toBe('token');
    }
    expect(snapshot(t.core.db)).toBe(before);
    // The roster's own commit takes it.
    expect(
      value(await t.router.call('roster.importCommit', { classId, grant: t.grant(file, 'rosterImport'), token: roster })).counts
        .added,
    ).toBe(3);
  }, 60_000);
});
