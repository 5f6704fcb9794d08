import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CoreEvent } from '../../../shared/events';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { value } from './expect-result';
import { idNumber } from './roster-files';
import { openTempCore, type TempCore } from './temp-core';

// The class the roster's exports are tested on: 2019年市管干部培训班, three days under the school's
// name, four trainees in two groups (张三 its first group's 组长, 王五 with a unit that looks like a
// formula), printed by Chromium, every job's progress kept in `events`. `exportTo` writes a document
// of it into the data folder and answers the file's path.

export type RosterExportClass = {
  t: TempCore;
  classId: number;
  events: CoreEvent[];
  exportTo: (name: string, input: Record<string, unknown>) => Promise<string>;
};

export const zhangId = idNumber('1980-05-06', 123);

const openRosterExportClass = async (): Promise<RosterExportClass> => {
  const events: CoreEvent[] = [];
  const t = openTempCore({ platform: chromiumPlatform(), emit: (event) => events.push(event) });
  value(await t.router.call('settings.update', { schoolName: '中共辽源市委党校' }));
  const classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-05',
    }),
  ).id;
  const people = [
    {
      name: '张三',
      idNumber: zhangId,
      unit: '辽源市龙山区人民政府',
      position: '副区长',
      phone: '13943100001',
      politicalStatus: '中共党员',
    },
    { name: '李四', sex: 'female', unit: '东辽县安石镇人民政府', position: '副镇长', phone: '13943100002', birthDate: '1982-03' },
    { name: '王五', sex: 'male', unit: '=HYPERLINK("http://evil.example","点我")', position: '+科长', phone: '13943100003' },
    { name: '赵六', sex: 'male', unit: '辽源市财政局', position: '科长', phone: '13943100004' },
  ];
  for (const [i, trainee] of people.entries()) {
    value(
      await t.router.call('roster.add', { classId, trainee, enrolment: { group: (i % 2) + 1, role: i === 0 ? '组长' : '' } }),
    );
  }
  const exportTo = async (name: string, input: Record<string, unknown>) => {
    const path = join(t.dir, name);
    value(await t.router.call('roster.export', { classId, grant: t.grant(path, 'export'), ...input }));
    return path;
  };
  return { t, classId, events, exportTo };
};

// One class for all the tests of a file, in order: a test may go on from what the one before it
// exported or planned.
export const allTestsRosterExportClass = (set: (opened: RosterExportClass) => void): void => {
  let current: RosterExportClass | undefined;
  beforeAll(async () => {
    current = await openRosterExportClass();
    set(current);
  });
  afterAll(() => current?.t.dispose());
};
