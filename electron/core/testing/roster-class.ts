import { eachTest } from './each-test';
import { value } from './expect-result';
import { openTempCore, type TempCore } from './temp-core';

// An empty class of its own for each test of a file — 2019年市管干部培训班, two weeks of June — and
// the steps that put people on its roster and read the roster's names back.

export type RosterClass = { t: TempCore; classId: number };

const openRosterClass = async (): Promise<RosterClass> => {
  const t = openTempCore();
  const classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    }),
  ).id;
  return { t, classId };
};

// The steps, on the class open when each is called.
const rosterSteps = (current: () => RosterClass) => {
  const add = async (name: string, fields: Record<string, unknown> = {}, enrolment: Record<string, unknown> = {}) =>
    value(await current().t.router.call('roster.add', { classId: current().classId, trainee: { name, ...fields }, enrolment }));

  const names = async (query: Record<string, unknown> = {}) =>
    value(await current().t.router.call('roster.list', { classId: current().classId, ...query })).items.map((e) => e.name);

  return { add, names };
};

export const eachRosterClass = (set: (opened: RosterClass) => void) => rosterSteps(eachTest(openRosterClass, set));
