import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { eachRosterClass } from '../testing/roster-class';
import type { TempCore } from '../testing/temp-core';
import { planGroups } from './groups';

let t: TempCore;
let classId: number;
const { add } = eachRosterClass((opened) => ({ t, classId } = opened));

describe('splitting a class into groups', () => {
  const units = ['财政局', '农业农村局', '安石镇', '白泉镇', '发改委', '自然资源局', '生态环境局', '大阳镇'];

  it('balances size and sex and spreads colleagues over the groups', () => {
    // 42 people, 8 units of uneven size, 14 women.
    const members = Array.from({ length: 42 }, (_, i) => ({
      enrolmentId: i + 1,
      name: `学员${i}`,
      sex: i % 3 === 0 ? ('female' as const) : ('male' as const),
      unit: units[i < 10 ? 0 : i % units.length] ?? '',
    }));
    const plan = planGroups(members, 6);
    const groups = [1, 2, 3, 4, 5, 6].map((g) => members.filter((m) => plan.get(m.enrolmentId) === g));
    expect(groups.map((g) => g.length)).toEqual([7, 7, 7, 7, 7, 7]);
    for (const group of groups) {
      const women = group.filter((m) => m.sex === 'female').length;
      expect(women).toBeGreaterThanOrEqual(2);
      expect(women).toBeLessThanOrEqual(3);
    }
    // A unit of at most six people never has two in one group.
    for (const unit of units.slice(1)) {
      for (const group of groups) expect(group.filter((m) => m.unit === unit).length).toBeLessThanOrEqual(1);
    }
    // The large unit (14 people over 6 groups) puts at most 3 in any one.
    for (const group of groups) expect(group.filter((m) => m.unit === units[0]).length).toBeLessThanOrEqual(3);
    expect(planGroups(members, 6)).toEqual(plan);
  });

  it('through the router, leaving out who has withdrawn', async () => {
    for (let i = 0; i < 10; i += 1)
      await add(`学员${i}`, { sex: i % 2 ? 'male' : 'female', unit: units[i % 4] }, i === 9 ? { status: 'withdrawn' } : {});
    const result = value(await t.router.call('roster.splitGroups', { classId, groups: 3 }));
    expect(result.groups.map((g) => g.size)).toEqual([3, 3, 3]);
    expect(result.groups.every((g) => g.sharedUnits === 0 || g.size > 3)).toBe(true);
    const list = value(await t.router.call('roster.list', { classId, sort: 'group' }));
    expect(list.groups).toEqual([1, 2, 3]);
    expect(list.items.find((e) => e.name === '学员9')?.group).toBeNull();
  });
});
