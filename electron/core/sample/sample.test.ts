import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { openTempCore, type TempCore } from '../testing/temp-core';

// What the sample's 年轻干部 class holds, as the screens read it.
const contents = async (t: TempCore) => {
  const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
  const roster = value(await t.router.call('roster.list', { classId })).items;
  const [stay] = value(await t.router.call('lodging.stays', { classId }));
  const board = value(await t.router.call('lodging.board', { stayId: stay?.id ?? 0 }));
  const attendance = value(await t.router.call('attendance.summary', { classId }));
  const reports = value(await t.router.call('reports.list', { classId })).rows;
  const surveys = value(await t.router.call('surveys.list', { classId }));
  const responses = await Promise.all(
    surveys.map(async (survey) => value(await t.router.call('surveys.responses', { surveyId: survey.id }))),
  );
  return {
    roster: roster.map((p) => [p.name, p.sex, p.unit, p.position, p.group, p.role]),
    homes: board.households.map((h) => [h.head, h.occupants.map((o) => o.name), h.confirmedOn !== null]),
    unplaced: board.unplaced.length,
    attendance: attendance.trainees.map((a) => [a.name, a.present, a.late, a.leave, a.absent]),
    reports: reports.map((r) => [r.title, r.authors.map((a) => a.name), r.review?.grade, r.publication?.journal ?? null]),
    responses: responses.map((list) => list.map((r) => [r.scores, r.comment])),
  };
};

describe('the Liaoyuan sample', () => {
  it('is the same every time it is loaded, and its class holds every kind of record', async () => {
    const loaded = [];
    for (const _ of [1, 2]) {
      const t = openTempCore();
      try {
        value(await t.router.call('app.loadSample', {}));
        loaded.push(await contents(t));
      } finally {
        t.dispose();
      }
    }
    const [first, second] = loaded;
    expect(second).toEqual(first);
    if (!first) throw new Error('not loaded');
    // About forty made-up people: no two with one name, some of two characters, a 复姓 among them.
    const names = first.roster.map(([name]) => String(name));
    expect(names).toHaveLength(40);
    expect(new Set(names).size).toBe(40);
    expect(names.some((name) => name.length === 2)).toBe(true);
    expect(names.some((name) => /^(司马|欧阳)/.test(name))).toBe(true);
    // Everyone placed in a household by the engine, each household that hosts confirmed.
    expect(first.unplaced).toBe(0);
    const hosting = first.homes.filter(([, occupants]) => (occupants as string[]).length > 0);
    expect(hosting.flatMap(([, occupants]) => occupants as string[]).sort()).toEqual([...names].sort());
    expect(hosting.every(([, , confirmed]) => confirmed)).toBe(true);
    // Attendance taken for every session; the reports reviewed, one excellent and published.
    expect(first.attendance.every(([, present, late]) => Number(present) + Number(late) > 0)).toBe(true);
    expect(first.reports.filter(([, , grade]) => grade === 'excellent').map(([, , , journal]) => journal)).toEqual(['辽源论丛']);
    expect(first.responses.every((list) => list.length > 0)).toBe(true);
  });
});
