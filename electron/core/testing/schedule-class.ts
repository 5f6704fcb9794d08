import type { SessionFieldsInput } from '../../../shared/schedule/schemas';
import { eachTest } from './each-test';
import { value } from './expect-result';
import { openTempCore, type TempCore } from './temp-core';

// The week the schedule and attendance tests plan: a class of five days (and a second one at the same
// time, for clashes across classes), two teachers, and the sessions the exports are tested on.

export type ScheduleClass = { t: TempCore; classId: number; otherClassId: number; hanLi: number; wang: number };

const openScheduleClass = async (): Promise<ScheduleClass> => {
  const t = openTempCore();
  const classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-07',
    }),
  ).id;
  const otherClassId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年青年干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    }),
  ).id;
  const hanLi = value(
    await t.router.call('staff.create', {
      name: '韩丽',
      roles: ['授课教师'],
      organisation: '安石镇朝阳村',
      title: '村党支部书记',
    }),
  ).id;
  const wang = value(
    await t.router.call('staff.create', {
      name: '王建国',
      roles: ['项目顾问'],
      organisation: '辽源市农业农村局',
      expertise: '水稻种植',
    }),
  ).id;
  return { t, classId, otherClassId, hanLi, wang };
};

// The steps, on the class open when each is called.
const scheduleSteps = (current: () => ScheduleClass) => {
  const lecture = (overrides: Partial<SessionFieldsInput> = {}): SessionFieldsInput => ({
    date: '2019-06-03',
    start: '08:30',
    end: '11:30',
    title: '现代生态农业政策解读',
    module: '政策法规及实践运用',
    format: '专题讲座',
    teacherIds: [current().wang],
    place: '党校第一教室',
    ...overrides,
  });

  const save = async (session: SessionFieldsInput, extra: Record<string, unknown> = {}, target = current().classId) =>
    current().t.router.call('schedule.save', { classId: target, session, ...extra });

  // The three sessions the exports are tested on, under the school's name.
  const exportedWeek = async () => {
    const { t, hanLi, wang } = current();
    value(await t.router.call('settings.update', { schoolName: '中共辽源市委党校' }));
    value(await save(lecture()));
    value(
      await save(
        lecture({
          start: '14:00',
          end: '17:00',
          title: '朝阳村现场教学',
          format: '现场教学',
          teacherIds: [hanLi],
          place: '安石镇朝阳村',
        }),
      ),
    );
    value(
      await save(
        lecture({
          date: '2019-06-04',
          title: '访谈：韩丽书记谈乡村振兴',
          format: '访谈教学',
          teacherIds: [hanLi, wang],
          place: '朝阳村村部',
        }),
      ),
    );
  };

  return { lecture, save, exportedWeek };
};

// Each test of a file on a week of its own, the steps acting on it (see each-test.ts).
export const eachScheduleClass = (set: (opened: ScheduleClass) => void) => scheduleSteps(eachTest(openScheduleClass, set));
