import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { bareSampleClass } from '../testing/sample-class';
import { eachSampleFolder, pointIdOf } from '../testing/sample-sites';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
eachSampleFolder((opened) => (t = opened));
const pointId = (search: string) => pointIdOf(t, search);

describe('teaching bases and points', () => {
  it('lets the schedule warn when a class is larger than a point holds, and when there is no time to travel between two points', async () => {
    const classId = await bareSampleClass(t);
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 40), 'rosterImport') }));
    const cotton = await pointId('第一棉袜');
    const village = await pointId('安石镇朝阳村');
    const cooperative = await pointId('秋硕合作社');
    const teacher = value(await t.router.call('staff.list', { search: '赵立新' })).items[0]?.id ?? 0;
    const session = (siteId: number, start: string, end: string, title: string) => ({
      date: '2019-09-14',
      start,
      end,
      title,
      format: '现场教学',
      siteId,
      teacherIds: [teacher],
    });
    const crowded = value(
      await t.router.call('schedule.check', { classId, session: session(cotton, '08:30', '10:00', '棉袜企业参观') }),
    );
    expect(crowded.find((c) => c.kind === 'over_capacity')?.message).toBe('东辽县第一棉袜生产企业最多容纳 30 人，这节课有 40 人');
    const saved = value(
      await t.router.call('schedule.save', {
        classId,
        session: session(village, '08:30', '10:00', '村史馆参观'),
        accept: [],
      }),
    );
    // The place of a session at a point is the point's name.
    expect(saved.session).toMatchObject({ place: '安石镇朝阳村', siteId: village });
    const hurried = value(
      await t.router.call('schedule.check', { classId, session: session(cooperative, '10:05', '11:30', '合作社座谈') }),
    );
    expect(hurried.find((c) => c.kind === 'travel_time')?.message).toBe(
      '从“安石镇朝阳村”到“秋硕合作社”需要约 15 分钟，两节课之间只有 5 分钟',
    );
  });
});
