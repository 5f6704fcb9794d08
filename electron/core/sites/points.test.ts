import { describe, expect, it } from 'vitest';
import { failure } from '../testing/expect-result';
import { snapshot } from '../testing/temp-core';
import { eachSampleFolder } from '../testing/sample-sites';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
eachSampleFolder((opened) => (t = opened));

describe('teaching bases and points', () => {
  it('refuses a second point of the same name, a base that does not exist, and a capacity of nothing', async () => {
    const before = snapshot(t.core.db);
    expect(failure(await t.router.call('sites.savePoint', { fields: { name: '秋硕合作社' } }), 'INVALID_INPUT').message).toBe(
      '已有名为“秋硕合作社”的现场教学点',
    );
    expect(
      failure(await t.router.call('sites.savePoint', { fields: { name: '新教学点', baseId: 999 } }), 'INVALID_INPUT').message,
    ).toBe('找不到这个教学基地');
    const zero = failure(await t.router.call('sites.savePoint', { fields: { name: '新教学点', capacity: 0 } }), 'INVALID_INPUT');
    expect(zero.details?.issues?.[0]).toMatchObject({ field: 'fields.capacity' });
    expect(zero.message).toContain('容纳人数');
    const unnamed = failure(await t.router.call('sites.savePoint', { fields: { name: ' ' } }), 'INVALID_INPUT');
    expect(unnamed.message).toBe('请填写“教学点名称”');
    expect(snapshot(t.core.db)).toBe(before);
  });
});
