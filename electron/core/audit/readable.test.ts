import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/schemas';
import { defaultSettings } from '../../../shared/settings/schemas';
import { failure, value } from '../testing/expect-result';
import { reportText, writeReportDocx } from '../testing/report-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId = 0;
beforeEach(async () => {
  t = openTempCore({ now: () => new Date('2026-12-05T01:50:00Z') });
  value(await t.router.call('app.loadSample', {}));
  classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
});
afterEach(() => t.dispose());

const topLevel = async () => value(await t.router.call('audit.list', { limit: 500 }));
const partsOf = async (entry: AuditEntry) => {
  const parts: AuditEntry[] = [];
  for (let offset = 0; offset < entry.parts; offset += 500)
    parts.push(...value(await t.router.call('audit.parts', { command: entry.command, limit: 500, offset })).items);
  return parts;
};

// Ten trainees of the sample class each hand in a report, uploaded as one folder.
const uploadTen = async () => {
  const dir = join(t.dir, '调研报告');
  mkdirSync(dir);
  const people = value(await t.router.call('reports.board', { classId })).rows.slice(0, 10);
  for (const [i, person] of people.entries())
    await writeReportDocx(join(dir, `${person.name}-乡村调研${i + 1}.docx`), reportText(`关于朝阳村的第${i + 1}篇调研报告`));
  const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(dir, 'reportFolder'), grants: [] }));
  value(
    await t.router.call('reports.commit', {
      classId,
      token: staged.token,
      items: staged.files.map((file) => ({
        key: file.key,
        enrolmentIds: file.enrolmentIds,
        groupNo: file.groupNo,
        topicId: file.topicId,
        title: file.title,
      })),
    }),
  );
  return people;
};

describe('the audit log as people read it', () => {
  it('keeps an upload of ten reports as one entry that opens to its parts', async () => {
    const before = (await topLevel()).total;
    const people = await uploadTen();
    const { items, total } = await topLevel();
    expect(total).toBe(before + 1);
    const upload = items[0];
    expect(upload?.summary).toMatch(/上传调研报告 10 份文件/);
    expect(upload?.door).toBe('app');
    expect(upload?.parts).toBeGreaterThanOrEqual(10);
    const parts = await partsOf(upload as AuditEntry);
    expect(parts).toHaveLength(upload?.parts ?? 0);
    expect(parts.every((part) => part.command === upload?.command)).toBe(true);
    // Each new file is a part, named by its author and title, never by a number.
    const versions = parts.filter((part) => part.entity === 'report_versions');
    expect(versions).toHaveLength(10);
    for (const person of people) expect(versions.some((part) => part.summary.includes(person.name))).toBe(true);
    // A filter finds the command by any of its lines.
    const byVersions = value(await t.router.call('audit.list', { entity: 'report_versions' }));
    expect(byVersions.items[0]?.command).toBe(upload?.command);
  });

  it('says who did it by the name the settings give, and the account only as a detail', async () => {
    value(await t.router.call('settings.update', { operatorName: '  李明 ' }));
    value(
      await t.router.call('classes.create', {
        name: '2020年青年干部培训班',
        category: '青年干部培训班',
        startDate: '2020-04-06',
        endDate: '2020-04-17',
      }),
    );
    const [created, named] = (await topLevel()).items;
    expect(created).toMatchObject({ operator: '李明', summary: '新建班次“2020年青年干部培训班”' });
    expect(created?.actor).not.toBe('');
    // The setting itself is named as the settings page names it.
    expect(named?.summary).toBe('新建设置：操作人姓名');
    const refused = await t.router.call('settings.update', { operatorName: '李'.repeat(31) });
    expect(refused.ok).toBe(false);
    expect(value(await t.router.call('settings.get', {})).operatorName).toBe('李明');
    // The name stands beside every command in the log: one that breaks the line, reads backwards
    // ("李明\u202E" turns what follows around) or hides marks would make the log say other than it
    // does. Refused, naming the field, nothing written.
    const before = snapshot(t.core.db);
    for (const operatorName of ['李\n明', '李明\u202E', '\u2066王五\u2069', '李\u200B明', '李\u0000明', '李\u0085明'])
      expect(failure(await t.router.call('settings.update', { operatorName }), 'INVALID_INPUT').message).toContain('操作人姓名');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('names what changed in every entry and every part: no channel, no bare id, no setting key', async () => {
    value(await t.router.call('settings.update', { schoolName: '中共辽源市委党校', operatorName: '李明' }));
    const created = value(
      await t.router.call('classes.create', {
        name: '2020年青年干部培训班',
        category: '青年干部培训班',
        startDate: '2020-04-06',
        endDate: '2020-04-17',
      }),
    );
    value(
      await t.router.call('classes.update', {
        id: created.id,
        fields: {
          name: '2020年青年干部培训班',
          category: '青年干部培训班',
          startDate: '2020-04-06',
          endDate: '2020-04-18',
          location: '辽源市委党校',
        },
      }),
    );
    const added = value(await t.router.call('roster.add', { classId: created.id, trainee: { name: '张伟', sex: 'male' } }));
    value(await t.router.call('trainees.reveal', { ids: [added.traineeId] }));
    await uploadTen();
    const report = value(await t.router.call('reports.board', { classId })).rows.find((row) => row.reportId !== null);
    value(
      await t.router.call('reports.review', {
        reportId: report?.reportId ?? 0,
        review: { grade: 'excellent', score: 92, reviewedOn: '2019-09-20', reviewer: '王建国' },
      }),
    );
    const survey = value(
      await t.router.call('surveys.create', { classId: created.id, satisfaction: 'organisation', subject: 'class' }),
    );
    value(await t.router.call('surveys.saveResponses', { surveyId: survey.id, responses: [{ scores: [5, 4, 5, 5, 4] }] }));
    value(await t.router.call('vocab.set', { kind: 'classCategory', items: ['主体班', '专题班', '进修班'] }));
    // What issue 21 added: a title corrected, lodging and certificate settings, a base made and removed.
    value(await t.router.call('reports.rename', { reportId: report?.reportId ?? 0, title: '关于乡村振兴的调研报告' }));
    value(
      await t.router.call('settings.update', { lodgingTogether: true, certificateNumberFormat: '辽党校结〔{year}〕第{seq:3}号' }),
    );
    const base = value(await t.router.call('sites.saveBase', { fields: { name: '东辽县临时基地' } }));
    value(await t.router.call('sites.removeBase', { id: base.id }));
    const backup = await t.router.call('backup.create', {});
    expect(backup.ok).toBe(true);

    const { items } = await topLevel();
    const everything = [...items];
    for (const entry of items) everything.push(...(await partsOf(entry)));
    const settingKeys = [...Object.keys(defaultSettings), 'databaseId'];
    const offending = everything.filter(
      (entry) =>
        /\b[a-z]+\.[a-z]+[A-Z]?\w*\b/.test(entry.summary) ||
        /“\d+”|[：:]\s*\d+$|\b[0-9a-f]{16,}\b/.test(entry.summary) ||
        settingKeys.some((key) => new RegExp(`\\b${key}\\b`).test(entry.summary)),
    );
    expect(offending.map((entry) => entry.summary)).toEqual([]);
    expect(everything.every((entry) => entry.summary !== '')).toBe(true);
    // The review names the report by its authors and title, the questionnaire by its survey.
    expect(everything.some((entry) => /^新建调研报告评审：.+《.+》$/.test(entry.summary))).toBe(true);
    expect(everything.some((entry) => entry.summary === '新建测评问卷：组织满意度测评')).toBe(true);
    expect(everything.some((entry) => entry.summary.includes('《关于乡村振兴的调研报告》'))).toBe(true);
    expect(everything.some((entry) => entry.summary.includes('东辽县临时基地'))).toBe(true);
    expect(
      everything.some((entry) => entry.summary === '修改设置：上次备份时间' || entry.summary === '新建设置：上次备份时间'),
    ).toBe(true);
    // Every command of the scenario came through the window and carries the person's name from then on.
    expect(items.every((entry) => entry.door === 'app')).toBe(true);
    expect(items.slice(0, -1).every((entry) => entry.operator === '李明')).toBe(true);
  });
});
