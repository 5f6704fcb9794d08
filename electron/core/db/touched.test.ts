import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, domains } from '../../../shared/contract';
import { concerns, type Result } from '../../../shared/result';
import { conflictKinds } from '../../../shared/schedule/schemas';
import { value } from '../testing/expect-result';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
let ids: Record<string, number>;
let names: Record<string, string>;
let classFields: Record<string, string>;
let lesson: Record<string, unknown>;
let stayFields: Record<string, unknown>;

const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => t.router.handle(channel, input);
const first = <T>(rows: readonly T[], what: string): T => {
  const row = rows[0];
  if (row === undefined) throw new Error(`the sample has no ${what}`);
  return row;
};

beforeAll(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  const sample = first(value(await t.router.call('classes.list', { search: '年轻' })).items, 'class');
  const classId = sample.id;
  classFields = { name: sample.name, category: sample.category, startDate: sample.startDate, endDate: sample.endDate };
  const sessions = value(await t.router.call('schedule.list', { classId }));
  const roster = value(await t.router.call('roster.list', { classId }));
  const stay = first(value(await t.router.call('lodging.stays', { classId })), 'stay');
  const board = value(await t.router.call('reports.board', { classId }));
  const survey = first(value(await t.router.call('surveys.list', { classId })), 'survey');
  const team = value(await t.router.call('staff.team', { classId }));
  stayFields = { siteId: stay.siteId, arrive: stay.arrive, depart: stay.depart, groups: stay.groups, notes: '自带洗漱用品' };
  const households = value(await t.router.call('lodging.households', { siteId: stay.siteId }));
  const {
    id: _id,
    classId: _class,
    slot: _slot,
    accepted: _accepted,
    siteId: _site,
    teachers,
    ...fields
  } = first(sessions, 'session');
  // An evening lesson with no teacher yet: kept, with the warning it brings accepted.
  lesson = {
    ...fields,
    date: sample.startDate,
    start: '19:00',
    end: '21:00',
    teacherIds: [],
    place: '党校报告厅',
    title: '晚间自学',
  };
  void teachers;
  names = { trainee: first(roster.items, 'trainee').name, staff: first(team, 'team member').name };
  ids = {
    classId,
    sessionId: first(sessions, 'session').id,
    enrolmentId: first(roster.items, 'trainee').enrolmentId,
    traineeId: first(roster.items, 'trainee').traineeId,
    stayId: stay.id,
    siteId: stay.siteId,
    reportId: first(
      board.rows.flatMap((row) => (row.reportId === null ? [] : [row.reportId])),
      'report',
    ),
    surveyId: survey.id,
    householdId: first(households, 'household').id,
    staffId: first(team, 'team member').staffId,
  };
});
afterAll(() => t.dispose());

// The reads the screens make, with the sample's ids.
const queries = (): readonly [Channel, unknown][] => [
  ['workbench.overview', { year: 2019, today: '2019-07-01' }],
  ['classes.list', {}],
  ['classes.get', { ref: ids.classId }],
  ['roster.list', { classId: ids.classId }],
  ['trainees.search', {}],
  ['trainees.get', { id: ids.traineeId }],
  // Answers the trainees from the index kept in memory (trainees/service.ts) as often as not.
  ['search.everywhere', { query: names.trainee }],
  ['schedule.list', { classId: ids.classId }],
  ['schedule.conflicts', { classId: ids.classId }],
  ['schedule.balance', { classId: ids.classId }],
  ['attendance.summary', { classId: ids.classId }],
  ['attendance.session', { sessionId: ids.sessionId }],
  ['checkin.list', { classId: ids.classId, missing: false }],
  ['reports.board', { classId: ids.classId }],
  ['reports.get', { id: ids.reportId }],
  ['surveys.list', { classId: ids.classId }],
  ['surveys.results', { surveyId: ids.surveyId }],
  ['lodging.stays', { classId: ids.classId }],
  ['lodging.board', { stayId: ids.stayId }],
  ['lodging.payments', { classId: ids.classId }],
  ['lodging.households', { siteId: ids.siteId }],
  ['sites.tree', { includeInactive: true }],
  ['staff.list', {}],
  ['staff.team', { classId: ids.classId }],
  ['lifecycle.check', { classId: ids.classId }],
  ['lifecycle.figures', { classId: ids.classId }],
  ['settings.get', {}],
  ['vocab.get', { kind: 'module' }],
  ['audit.list', {}],
];

// Writes the screens make, one per domain at least.
const commands = (): readonly [Channel, unknown][] => [
  ['lodging.saveStay', { classId: ids.classId, id: ids.stayId, fields: stayFields }],
  ['attendance.record', { sessionId: ids.sessionId, marks: [{ enrolmentId: ids.enrolmentId, status: 'late' }] }],
  ['checkin.mark', { enrolmentId: ids.enrolmentId, status: 'leave', note: '' }],
  ['trainees.update', { id: ids.traineeId, fields: { name: names.trainee, unit: '辽源市统计局' } }],
  ['classes.update', { id: ids.classId, fields: { ...classFields, location: '党校第二教室' } }],
  ['staff.update', { id: ids.staffId, fields: { name: names.staff, title: '研究员' } }],
  ['reports.setDeadline', { classId: ids.classId, deadline: '2019-09-30' }],
  ['surveys.saveResponses', { surveyId: ids.surveyId, responses: [{ scores: [5, 4, 5, 5, 4] }] }],
  ['vocab.set', { kind: 'module', items: ['理想信念教育', '党性修养'] }],
  ['settings.update', { schoolName: '辽源市委党校（新校区）' }],
  ['reports.rename', { reportId: ids.reportId, title: '乡村振兴中的基层治理调研' }],
  ['lodging.saveHousehold', { siteId: ids.siteId, fields: { head: '新农户', beds: 2 } }],
  ['lodging.lock', { stayId: ids.stayId, enrolmentId: ids.enrolmentId, locked: true }],
  ['lodging.saveParticipant', { stayId: ids.stayId, enrolmentId: ids.enrolmentId, participation: 'absent' }],
  ['lodging.setPayment', { classId: ids.classId, householdId: ids.householdId, nights: 2, people: 2, amount: 160, paidOn: null }],
  [
    'schedule.save',
    { classId: ids.classId, session: lesson, accept: conflictKinds.map((kind) => ({ kind, reason: '两个班合上' })) },
  ],
  ['schedule.remove', { sessionId: ids.sessionId }],
];

type Answer = { text: string; read: readonly string[] | undefined };

const answers = async (): Promise<Map<string, Answer>> => {
  const found = new Map<string, Answer>();
  for (const [channel, input] of queries()) {
    const result = await call(channel, input);
    // A refusal (the session is gone) is an answer too, and says nothing of what it read.
    found.set(
      channel,
      result.ok ? { text: JSON.stringify(result.value), read: result.read } : { text: result.error.code, read: undefined },
    );
  }
  return found;
};

describe('what a call read and wrote', () => {
  it('saving an attendance record writes attendance (and the log), and does not concern the reports board', async () => {
    const board = await call('reports.board', { classId: ids.classId });
    const summary = await call('attendance.summary', { classId: ids.classId });
    if (!board.ok || !summary.ok) throw new Error('the sample class reads');
    expect(board.read).toContain('reports');
    expect(board.read).not.toContain('attendance');
    const saved = await call('attendance.record', {
      sessionId: ids.sessionId,
      marks: [{ enrolmentId: ids.enrolmentId, status: 'absent' }],
    });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.wrote).toEqual(['attendance', 'audit']);
    // The reports board is not read again, and rightly so: it reads the same as before.
    expect(concerns(board.read, saved.wrote)).toBe(false);
    expect(value(await t.router.call('reports.board', { classId: ids.classId }))).toEqual(board.value);
    // The attendance summary is, and its answer did change.
    expect(concerns(summary.read, saved.wrote)).toBe(true);
    expect(value(await t.router.call('attendance.summary', { classId: ids.classId }))).not.toEqual(summary.value);
  });

  it('every read is reloaded by each write that changes its answer, and by some write of the list', async () => {
    const refreshed = new Set<string>();
    for (const [channel, input] of commands()) {
      const before = await answers();
      const done = await call(channel, input);
      if (!done.ok) throw new Error(`${channel}: ${done.error.message}`);
      expect(done.wrote, channel).toBeDefined();
      const after = await answers();
      for (const [query, answer] of after) {
        const old = before.get(query);
        if (old?.text === answer.text) continue;
        // The answer changed: the screen showing it must be told.
        expect(
          concerns(old?.read, done.wrote),
          `${channel} changed ${query} (read ${old?.read?.join()}, wrote ${done.wrote?.join()})`,
        ).toBe(true);
        refreshed.add(query);
      }
    }
    expect(
      queries()
        .map(([query]) => query)
        .filter((query) => !refreshed.has(query)),
    ).toEqual([]);
  });
});

describe('what a job wrote', () => {
  it('a backup wrote the backups (and its time in the settings), an export only the log, a restore everything', async () => {
    let clock = new Date('2026-11-25T08:00:00Z');
    const own = openTempCore({ now: () => clock });
    try {
      value(await own.router.call('app.loadSample', {}));
      const listed = await own.router.handle('backup.list', {});
      const made = await own.router.handle('backup.create', {});
      if (!made.ok || !listed.ok) throw new Error('backup');
      expect(made.wrote).toEqual(['audit', 'backup', 'settings']);
      expect(concerns(listed.read, made.wrote)).toBe(true);

      const exported = await own.router.handle('staff.export', { grant: own.grant(`${own.dir}/staff.xlsx`, 'export') });
      if (!exported.ok) throw new Error(exported.error.message);
      expect(exported.wrote).toEqual(['audit']);

      clock = new Date(clock.getTime() + 5 * 60_000);
      const backups = value(await own.router.call('backup.list', {}));
      const restored = await own.router.handle('backup.restore', { backup: first(backups.items, 'backup').name });
      if (!restored.ok) throw new Error(restored.error.message);
      expect(restored.wrote).toEqual([...domains].sort());
    } finally {
      own.dispose();
    }
  });
});
