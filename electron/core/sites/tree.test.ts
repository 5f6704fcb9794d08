import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { eachSampleFolder } from '../testing/sample-sites';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
eachSampleFolder((opened) => (t = opened));

describe('teaching bases and points', () => {
  it('shows the Liaoyuan bases as a tree, found by pinyin initials too', async () => {
    const tree = value(await t.router.call('sites.tree', {}));
    expect(tree.bases.map((b) => [b.name, b.points.length])).toEqual([
      // 辽 has 5 strokes (辶 is 3), 安 6.
      ['辽河源现代生态农业产业园', 11],
      ['安石镇朝阳村', 2],
    ]);
    const byInitials = value(await t.router.call('sites.tree', { search: 'qsh' }));
    expect(byInitials.bases.flatMap((b) => b.points.map((p) => p.name))).toEqual(['秋硕合作社']);
    // A base found by its own name shows all its points.
    expect(value(await t.router.call('sites.tree', { search: '辽河源' })).bases[0]?.points.length).toBe(11);
  });
});
