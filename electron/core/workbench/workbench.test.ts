import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minutesOf } from '../../../shared/schedule/schemas';
import { value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

describe('the workbench', () => {
  it('shows the year of the Liaoyuan sample in figures, each counted again here from the records', async () => {
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
});
