import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { snapshot } from '../testing/temp-core';
import { eachSampleFolder, pointIdOf } from '../testing/sample-sites';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
eachSampleFolder((opened) => (t = opened));
const pointId = (search: string) => pointIdOf(t, search);

describe('teaching bases and points', () => {
  it('keeps each point’s visits from the schedule, its reviews over the years and its travel times', async () => {
    const id = await pointId('秋硕合作社');
    const detail = value(await t.router.call('sites.get', { id }));
    expect(detail.visitHistory).toEqual([
      expect.objectContaining({
        className: '2019年年轻干部培训班',
        date: '2019-09-12',
        sessions: 1,
        titles: ['秋硕合作社现场教学'],
      }),
    ]);
    expect(detail.travel.find((x) => x.name === '安石镇朝阳村')?.minutes).toBe(15);
    const review = value(
      await t.router.call('sites.addReview', {
        id,
        review: {
          reviewedOn: '2019-09-20',
          reviewer: '孙海燕',
          theme: 5,
          courses: 4,
          facilities: 3,
          management: 4,
          teaching: 5,
          effect: 5,
        },
      }),
    );
    expect(review.average).toBe(4.33);
    const before = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('sites.addReview', {
          id,
          review: { reviewedOn: '2019-09-20', theme: 6, courses: 4, facilities: 0, management: 4, teaching: 5, effect: 5 },
        }),
        'INVALID_INPUT',
      ).details?.issues?.map((issue) => issue.field),
    ).toEqual(['review.theme', 'review.facilities']);
    expect(snapshot(t.core.db)).toBe(before);
    // Travel, either way round; cleared with null.
    const other = await pointId('刺五加');
    value(await t.router.call('sites.setTravel', { id: other, travel: [{ siteId: id, minutes: 35 }] }));
    expect(value(await t.router.call('sites.get', { id })).travel.find((x) => x.siteId === other)?.minutes).toBe(35);
    value(await t.router.call('sites.setTravel', { id, travel: [{ siteId: other, minutes: null }] }));
    expect(value(await t.router.call('sites.get', { id: other })).travel.find((x) => x.siteId === id)?.minutes).toBeNull();
    expect(
      failure(await t.router.call('sites.setTravel', { id, travel: [{ siteId: id, minutes: 3 }] }), 'INVALID_INPUT').message,
    ).toBe('不能设置教学点到它自己的车程');
  });
});
