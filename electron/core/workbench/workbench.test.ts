import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minutesOf } from '../../../shared/schedule/schemas';
import { figureKeys, type FigureKey } from '../../../shared/workbench/schemas';
import { failure, value } from '../testing/expect-result';
import { populateClass } from '../testing/populated-class';
import { readXlsxBook } from '../testing/read-documents';
import { standardRoster } from '../testing/roster-files';
import { bareSampleClass } from '../testing/sample-class';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

describe('the workbench', () => {
  it('asks for surveys only of a class that had trainees: the sample’s two earlier classes, with no roster, are no to-do', async () => {
    const overview = value(await t.router.call('workbench.overview', { year: 2019, today: '2019-09-20' }));
    expect(overview.todo.filter((item) => item.kind === 'surveysMissing')).toEqual([]);
    const earlier = value(await t.router.call('classes.list', { search: '市管干部' })).items[0];
    value(
      await t.router.call('roster.importCommit', {
        classId: earlier?.id ?? 0,
        grant: t.grant(standardRoster(t.dir, 3), 'rosterImport'),
      }),
    );
    const later = value(await t.router.call('workbench.overview', { year: 2019, today: '2019-09-20' }));
    expect(later.todo.filter((item) => item.kind === 'surveysMissing')).toEqual([
      { kind: 'surveysMissing', classId: earlier?.id, className: earlier?.name, count: 1 },
    ]);
  });

  it('fills every figure and every chart from the Liaoyuan sample alone', async () => {
    const overview = value(await t.router.call('workbench.overview', {}));
    // The sample's year, shown while this year has no class.
    expect(overview.year).toBe(2019);
    const zero = Object.entries(overview.figures)
      .filter(([, figure]) => figure === null || figure === 0)
      .map(([key]) => key);
    expect(zero, 'figures empty or zero').toEqual([]);
    const empty = Object.entries(overview.charts)
      .filter(([, chart]) => chart.length === 0 || chart.every((x) => (typeof x === 'number' ? x : x.value) === 0))
      .map(([key]) => key);
    expect(empty, 'charts with nothing to draw').toEqual([]);
    // The list behind each figure has rows.
    const lists = await Promise.all(
      figureKeys.map(
        async (figure) =>
          [figure, value(await t.router.call('workbench.figureList', { year: 2019, figure })).rows.length] as const,
      ),
    );
    expect(
      lists.filter(([, rows]) => rows === 0).map(([figure]) => figure),
      'figures with an empty list',
    ).toEqual([]);
    // What the sample holds, counted from its records: forty trainees in five groups, an excellent
    // report among five, the four satisfactions answered.
    const young = value(await t.router.call('classes.list', { search: '年轻' })).items[0];
    const classId = young?.id ?? 0;
    const roster = value(await t.router.call('roster.list', { classId })).items;
    expect(overview.figures).toMatchObject({ trainees: roster.length, people: roster.length, reports: 5, excellent: 1 });
    expect(new Set(roster.map((entry) => entry.group))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect(roster.filter((entry) => entry.role !== '').length).toBeGreaterThanOrEqual(10);
    const surveys = value(await t.router.call('surveys.list', { classId }));
    expect(new Set(surveys.filter((s) => s.responses > 0).map((s) => s.satisfaction))).toEqual(
      new Set(['organisation', 'trainees', 'base', 'teachers']),
    );
    const reports = value(await t.router.call('reports.list', { classId })).rows;
    const excellent = reports.filter((report) => report.review?.grade === 'excellent');
    expect(excellent.map((report) => report.publication?.journal)).toEqual(['辽源论丛']);
  });

  it('shows the year of the Liaoyuan sample in figures, each counted again here from the records', async () => {
    await bareSampleClass(t);
    const classes = value(await t.router.call('classes.list', { year: 2019 })).items;
    const young = classes.find((c) => c.name.includes('年轻')) ?? classes[0];
    value(
      await t.router.call('roster.importCommit', {
        classId: young?.id ?? 0,
        grant: t.grant(standardRoster(t.dir, 30), 'rosterImport'),
      }),
    );
    const sessions = value(await t.router.call('schedule.list', { classId: young?.id ?? 0 }));
    const overview = value(await t.router.call('workbench.overview', { year: 2019, today: sessions[0]?.date }));
    const days = classes.reduce(
      (sum, c) => sum + Math.round((Date.parse(c.endDate) - Date.parse(c.startDate)) / 86_400_000) + 1,
      0,
    );
    const visits = new Set(sessions.filter((s) => s.siteId !== null).map((s) => `${s.date}:${s.siteId}`)).size;
    expect(overview.figures).toMatchObject({
      classes: classes.length,
      trainees: 30,
      people: 30,
      trainingDays: days,
      visits,
      reports: 0,
      responses: 0,
      satisfiedRate: null,
    });
    expect(overview.years).toContain(2019);
    // Today's sessions (the young cadres' first day), in order.
    expect(overview.today.map((s) => s.title)).toEqual(sessions.filter((s) => s.date === sessions[0]?.date).map((s) => s.title));
    // Hours by module add up to the hours of the sessions that name one.
    const hours = sessions
      .filter((s) => s.module !== '')
      .reduce((sum, s) => sum + (minutesOf(s.end) - minutesOf(s.start)) / 60, 0);
    expect(overview.charts.hoursByModule.reduce((sum, m) => sum + m.value, 0)).toBeCloseTo(hours, 1);
    expect(overview.charts.traineesByMonth.reduce((a, b) => a + b, 0)).toBe(30);
    expect(overview.charts.traineesByUnit.reduce((sum, unit) => sum + unit.value, 0)).toBe(30);
    // What needs doing: the class that has ended without reports or surveys.
    const later = value(await t.router.call('workbench.overview', { year: 2019, today: '2019-12-31' }));
    expect(later.todo).toEqual(
      expect.arrayContaining([
        { kind: 'reportsMissing', classId: young?.id, className: young?.name, count: 30 },
        { kind: 'surveysMissing', classId: young?.id, className: young?.name, count: 1 },
      ]),
    );
  });

  it('opens the list behind each figure of a year whose class has every record, and exports them all', async () => {
    await bareSampleClass(t);
    const classes = value(await t.router.call('classes.list', { year: 2019 })).items;
    const young = classes.find((c) => c.name.includes('年轻'));
    const classId = young?.id ?? 0;
    const { sessions, reports } = await populateClass(t, classId);
    const { figures } = value(await t.router.call('workbench.overview', { year: 2019 }));
    // Ten who worked as planned (3 + 4 hours), one five hours, one absent.
    expect(figures).toMatchObject({ trainees: 12, labourHours: 75, reports: 12, excellent: 1, responses: 5 });
    // Of 24 scores given, one 3: 23 of 24 are 4 or 5.
    expect(figures.satisfiedRate).toBe(Math.round((23 / 24) * 1000) / 10);

    const list = async (figure: FigureKey) => value(await t.router.call('workbench.figureList', { year: 2019, figure }));
    const column = (l: Awaited<ReturnType<typeof list>>, label: string) => {
      const index = l.columns.findIndex((c) => c.label === label);
      expect(index, label).toBeGreaterThanOrEqual(0);
      return l.rows.map((row) => row.cells[index] ?? '');
    };
    // In the order they were held.
    expect((await list('classes')).rows.map((row) => row.classId)).toEqual(
      [...classes].sort((a, b) => a.startDate.localeCompare(b.startDate)).map((c) => c.id),
    );
    const trainees = await list('trainees');
    expect(trainees.rows).toHaveLength(figures.trainees);
    expect(trainees.rows.every((row) => row.classId === classId)).toBe(true);
    const days = await list('trainingDays');
    expect(column(days, '天数').reduce((sum, d) => sum + Number(d), 0)).toBe(figures.trainingDays);
    const visits = await list('visits');
    expect(visits.rows).toHaveLength(figures.visits);
    expect(visits.rows.length).toBe(new Set(sessions.filter((s) => s.siteId !== null).map((s) => `${s.date}:${s.siteId}`)).size);
    const labour = await list('labourHours');
    expect(column(labour, '劳动学时').map(Number)).toEqual([75]);
    expect(column(labour, '人数')).toEqual(['11']);
    const written = await list('reports');
    expect(written.rows).toHaveLength(12);
    expect(new Set(column(written, '题目'))).toEqual(new Set(reports.map((r) => r.title)));
    const excellent = await list('excellent');
    expect(column(excellent, '题目')).toEqual([reports[0]?.title]);
    expect(column(excellent, '评定')).toEqual(['优秀']);
    const rated = await list('satisfiedRate');
    expect(column(rated, '份数').reduce((sum, n) => sum + Number(n), 0)).toBe(figures.responses);
    expect(column(rated, '满意率（%）')).toContain('80');

    // The export: the figures first, then a worksheet for each list, read back as Excel would.
    const file = join(t.dir, '年度统计.xlsx');
    const result = value(await t.router.call('workbench.export', { year: 2019, grant: t.grant(file, 'export') }));
    expect(result.rows).toBe(8);
    const book = await readXlsxBook(file);
    expect(book.map((sheet) => sheet.name)).toEqual([
      '年度指标',
      '培训班次',
      '参训人次',
      '培训天数',
      '现场教学',
      '“四同”劳动学时',
      '调研报告',
      '优秀调研报告',
      '满意率（%）',
    ]);
    const [front, ...sheets] = book;
    expect(front?.rows[0]?.[0]).toBe('2019年度培训工作统计');
    const valueOf = (label: string) => front?.rows.find((row) => row[0] === label)?.[1];
    expect(valueOf('参训人次')).toBe('12');
    expect(valueOf('“四同”劳动学时')).toBe('75');
    expect(valueOf('优秀调研报告')).toBe('1');
    // Each list's worksheet holds its rows under the header, no more and no fewer.
    const lists = await Promise.all(
      (['classes', 'trainees', 'trainingDays', 'visits', 'labourHours', 'reports', 'excellent', 'satisfiedRate'] as const).map(
        list,
      ),
    );
    sheets.forEach((sheet, index) => {
      const l = lists[index];
      const header = sheet.rows.findIndex((row) => row[0] === l?.columns[0]?.label);
      expect(header, sheet.name).toBeGreaterThan(0);
      expect(sheet.rows.slice(header + 1).filter((row) => row.some((cell) => cell !== ''))).toEqual(
        l?.rows.map((row) => row.cells),
      );
    });
    // Nothing in them is an ID number.
    expect(book.flatMap((sheet) => sheet.rows.flat()).join(' ')).not.toMatch(/\d{17}[\dX]/);
  }, 60_000);

  it('lists the unresolved conflicts of schedules still to be held, on their own', async () => {
    const made = value(
      await t.router.call('classes.create', {
        name: '2027年春季主体班',
        category: '主体班',
        startDate: '2027-03-01',
        endDate: '2027-03-05',
      }),
    );
    // A session on its last day; then the class is cut short by a day, leaving it outside.
    value(
      await t.router.call('schedule.save', {
        classId: made.id,
        session: { date: '2027-03-05', start: '08:30', end: '11:30', title: '结业式', place: '第一教室' },
        accept: [{ kind: 'no_teacher', reason: '校领导讲话' }],
      }),
    );
    value(
      await t.router.call('classes.update', {
        id: made.id,
        fields: { name: '2027年春季主体班', category: '主体班', startDate: '2027-03-01', endDate: '2027-03-04' },
      }),
    );
    const before = value(await t.router.call('workbench.conflicts', { today: '2027-02-01' }));
    expect(before).toEqual([{ kind: 'conflicts', classId: made.id, className: '2027年春季主体班', count: 1 }]);
    // Over: nothing to put right any more.
    expect(value(await t.router.call('workbench.conflicts', { today: '2027-03-06' }))).toEqual([]);
  });

  it('refuses a year out of range, a figure it does not know and a path from the page', async () => {
    const field = (error: { details?: { issues?: { field: string }[] } }) => error.details?.issues?.[0]?.field;
    expect(field(failure(await t.router.call('workbench.figureList', { year: 1899, figure: 'classes' }), 'INVALID_INPUT'))).toBe(
      'year',
    );
    expect(
      field(
        failure(await t.router.call('workbench.figureList', { year: 2019, figure: 'salaries' as 'classes' }), 'INVALID_INPUT'),
      ),
    ).toBe('figure');
    const file = join(t.dir, 'x.xlsx');
    failure(await t.router.call('workbench.export', { year: 2019, grant: file }), 'INVALID_INPUT');
    expect(existsSync(file)).toBe(false);
  });
});
