import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { eachLodgingClass } from '../testing/lodging-class';
import { snapshot, type TempCore } from '../testing/temp-core';

// Saving a household or a room by the form (unit-write.ts): what it refuses, naming the field.

let t: TempCore;
let village: number;
eachLodgingClass((opened) => {
  ({ t, village } = opened);
});

describe('host households', () => {
  it('are kept per village; a bad bed count, a duplicate or a point that is no village is refused, nothing changed', async () => {
    const households = value(await t.router.call('lodging.households', { siteId: village }));
    expect(households).toHaveLength(16);
    expect(households.every((h) => h.notes.includes('示例数据'))).toBe(true);
    const before = snapshot(t.core.db);
    for (const beds of [0, -2, 2.5, 51]) {
      const error = failure(
        await t.router.call('lodging.saveHousehold', { siteId: village, fields: { head: '新农户', beds } }),
        'INVALID_INPUT',
      );
      expect(error.details?.issues?.[0]).toMatchObject({ field: 'fields.beds' });
      expect(error.message).toContain('床位数');
      // A bound with no other end is said as that bound, never with "∞".
      expect(error.message).not.toMatch(/∞/);
      if (beds === 0) expect(error.details?.issues?.[0]?.message).toBe('“床位数”应至少为 1');
    }
    expect(
      failure(
        await t.router.call('lodging.saveHousehold', { siteId: village, fields: { head: '王德福', beds: 2 } }),
        'INVALID_INPUT',
      ).message,
    ).toBe('“安石镇朝阳村”已有户主为“王德福”的接待农户');
    const park = value(await t.router.call('sites.tree', { search: '秋硕' })).bases[0]?.points[0]?.id ?? 0;
    expect(
      failure(
        await t.router.call('lodging.saveHousehold', { siteId: park, fields: { head: '新农户', beds: 2 } }),
        'INVALID_INPUT',
      ).message,
    ).toContain('的类型不是“村”“宿舍”或“宾馆”，不能登记接待农户或房间：请先把它的类型改为“村”（农户）');
    expect(snapshot(t.core.db)).toBe(before);
  });
});
