import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { idNumber, standardRoster } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
beforeEach(() => {
  t = openTempCore({ now: () => new Date('2026-11-25T08:00:00Z') });
});
afterEach(() => t.dispose());

const log = async (query: Record<string, unknown> = {}) => value(await t.router.call('audit.list', query));

describe('the audit log', () => {
  it('records every change with who, when, through which call, before and after', async () => {
    const created = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年市管干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-14',
      }),
    );
    value(
      await t.router.call('classes.update', {
        id: created.id,
        fields: { name: '2019年市管干部培训班', startDate: '2019-06-03', endDate: '2019-06-15', location: '辽源市委党校' },
      }),
    );
    const { items } = await log({ entity: 'classes' });
    expect(items.map((e) => [e.action, e.channel, e.door, e.parts, e.summary])).toEqual([
      ['update', 'classes.update', 'app', 1, '修改班次“2019年市管干部培训班”'],
      ['create', 'classes.create', 'app', 1, '新建班次“2019年市管干部培训班”'],
    ]);
    expect(items[0]).toMatchObject({ actor: userInfo().username, at: '2026-11-25T08:00:00.000Z', entityId: String(created.id) });
    expect(items[0]?.before).toMatchObject({ end_date: '2019-06-14', location: '' });
    expect(items[0]?.after).toMatchObject({ end_date: '2019-06-15', location: '辽源市委党校' });
  });

  it('records imports row by row and as one line, reveals, and never a full ID number', async () => {
    const classId = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年市管干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-14',
      }),
    ).id;
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 20), 'rosterImport') }));
    // One import is one entry of the log, that opens to the rows it wrote.
    const imported = await log({ entity: 'trainees', action: 'create' });
    expect(imported.total).toBe(1);
    const parts = value(await t.router.call('audit.parts', { command: imported.items[0]?.command ?? 0, limit: 500 }));
    expect(parts.items.filter((e) => e.entity === 'trainees' && e.action === 'create')).toHaveLength(20);
    expect(parts.items.filter((e) => e.entity === 'enrolments')).toHaveLength(20);
    expect(parts.total).toBe(imported.items[0]?.parts);
    // Asked by the id of a line inside the command (a crafted call), the lines are still the whole
    // command's, said with its door and operator, never that one line passed off as a command alone.
    const inner = parts.items[5];
    const asked = value(await t.router.call('audit.parts', { command: inner?.id ?? 0, limit: 500 }));
    expect(asked.total).toBe(parts.total);
    expect(asked.items.map((e) => e.id)).toEqual(parts.items.map((e) => e.id));
    expect(asked.items[0]?.door).toBe(parts.items[0]?.door);
    // An id no line has: nothing, counted as nothing.
    expect(value(await t.router.call('audit.parts', { command: 9_000_000_000, limit: 500 }))).toEqual({ items: [], total: 0 });
    expect((await log({ action: 'import' })).items[0]?.summary).toBe(
      '导入名册“roster-20.xlsx”：新增 20 人，更新 0 人，未变 0 人，拒绝 0 行',
    );

    const someone = value(
      await t.router.call('roster.add', {
        classId,
        trainee: { name: '张三', idNumber: idNumber('1980-05-06', 123), phone: '13943100001' },
      }),
    );
    value(await t.router.call('trainees.reveal', { ids: [someone.traineeId] }));
    expect((await log({ action: 'reveal' })).items[0]?.summary).toBe('查看完整身份证号和电话：张三');
    const everything = JSON.stringify((await log({ limit: 500 })).items);
    expect(everything).not.toContain(idNumber('1980-05-06', 123));
    expect(everything).not.toContain('13943100001');
    expect(everything).toContain('139****0001');
  });

  it('filters by action, table, text and dates, and exports to .xlsx', async () => {
    value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年青年干部培训班',
        startDate: '2019-04-08',
        endDate: '2019-04-19',
      }),
    );
    value(await t.router.call('settings.update', { schoolName: '中共辽源市委党校' }));
    expect((await log({ search: '青年干部' })).total).toBe(1);
    expect((await log({ entity: 'settings' })).items[0]?.summary).toBe('新建设置：学校名称');
    expect((await log({ from: '2026-11-25', to: '2026-11-25' })).total).toBe(2);
    expect((await log({ from: '2026-11-26' })).total).toBe(0);

    const path = join(t.dir, '操作日志.xlsx');
    value(await t.router.call('audit.export', { grant: t.grant(path, 'export') }));
    const { rows } = await readXlsx(path);
    expect(rows[0]?.[0]).toBe('操作日志');
    expect(rows[2]).toEqual(['时间', '操作人', '操作', '说明', '来源', '变更前', '变更后']);
    expect(rows.slice(3).map((row) => row[3])).toEqual(['新建班次“2019年青年干部培训班”', '新建设置：学校名称']);
    // Who did it and where from, as people say it: the account (no name given in the settings), the window.
    expect(rows.slice(3).map((row) => [row[1], row[4]])).toEqual([
      [userInfo().username, '界面'],
      [userInfo().username, '界面'],
    ]);
  });
});
