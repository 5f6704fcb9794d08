import { describe, expect, it } from 'vitest';
import { failure } from '../testing/expect-result';
import { eachLodgingClass } from '../testing/lodging-class';
import { snapshot, type TempCore } from '../testing/temp-core';

// A class’s stays in a village (stays.ts): the dates and the village it refuses.

let t: TempCore;
let classId: number;
let village: number;
const { newStay } = eachLodgingClass((opened) => {
  ({ t, classId, village } = opened);
});

describe('a stay', () => {
  it('refuses dates outside the class, a village that is no village, and two stays of one class on the same nights', async () => {
    const before = snapshot(t.core.db);
    expect(
      failure(
        await t.router.call('lodging.saveStay', {
          classId,
          fields: { siteId: village, arrive: '2019-09-01', depart: '2019-09-03' },
        }),
        'INVALID_INPUT',
      ).message,
    ).toContain('班次日期');
    expect(
      failure(
        await t.router.call('lodging.saveStay', {
          classId,
          fields: { siteId: village, arrive: '2019-09-13', depart: '2019-09-11' },
        }),
        'INVALID_INPUT',
      ).details?.issues?.[0]?.field,
    ).toBe('fields.depart');
    expect(snapshot(t.core.db)).toBe(before);
    await newStay();
    expect(
      failure(
        await t.router.call('lodging.saveStay', {
          classId,
          fields: { siteId: village, arrive: '2019-09-12', depart: '2019-09-14' },
        }),
        'INVALID_INPUT',
      ).message,
    ).toContain('已有住宿安排');
  });
});
