import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Everywhere, SearchKind } from '../../../shared/search/schemas';
import { readingsOf } from '../../../shared/text/pinyin';
import { failure, value } from '../testing/expect-result';
import { populateClass } from '../testing/populated-class';
import { bareSampleClass } from '../testing/sample-class';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let roster: Awaited<ReturnType<typeof populateClass>>['roster'];
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  const classId = await bareSampleClass(t);
  ({ roster } = await populateClass(t, classId));
});
afterEach(() => t.dispose());

const search = async (query: string) => value(await t.router.call('search.everywhere', { query }));
// The first letters of a name's first reading (张伟: zw).
const initialsOf = (name: string) =>
  readingsOf(name)
    .map((options) => options[0]?.[0] ?? '')
    .join('');
const titles = (found: Everywhere, kind: SearchKind) => found.groups.find((g) => g.kind === kind)?.hits.map((h) => h.title) ?? [];

describe('search everywhere', () => {
  it('finds each kind by what people type: names, pinyin initials, units, villages and the reports’ text', async () => {
    const exercised = new Set<SearchKind>();
    const note = (found: Everywhere) => {
      for (const g of found.groups) exercised.add(g.kind);
      return found;
    };
    // A class by its name, by pinyin initials of it.
    expect(titles(note(await search('年轻干部')), 'class')).toEqual(['2019年年轻干部培训班']);
    expect(titles(note(await search('nqgb')), 'class')).toEqual(['2019年年轻干部培训班']);
    // A trainee by name and by the initials of it, with the unit and the class beside.
    const someone = roster[3];
    const byName = note(await search(someone?.name ?? '-'));
    expect(titles(byName, 'trainee')).toContain(someone?.name);
    const hit = byName.groups.find((g) => g.kind === 'trainee')?.hits.find((h) => h.title === someone?.name);
    expect(hit?.detail).toContain('2019年年轻干部培训班');
    expect(titles(note(await search(initialsOf(someone?.name ?? ''))), 'trainee')).toContain(someone?.name);
    // Staff by pinyin initials; the teaching point, its households and the reports all by a village.
    expect(titles(note(await search('hl')), 'staff')).toContain('韩丽');
    const village = note(await search('朝阳村'));
    expect(titles(village, 'site')).toContain('安石镇朝阳村');
    expect(village.groups.find((g) => g.kind === 'household')?.total).toBeGreaterThan(5);
    expect(village.groups.find((g) => g.kind === 'household')?.hits).toHaveLength(5);
    // A phrase that stands only inside the reports' text.
    const phrase = note(await search('梅花鹿养殖'));
    expect(phrase.groups.map((g) => g.kind)).toEqual(['report']);
    expect(phrase.groups[0]?.total).toBe(12);
    // Nothing of a word no one wrote.
    expect((await search('量子计算机')).groups).toEqual([]);

    console.log(`search everywhere: kinds found ${[...exercised].join(', ')}`);
    expect([...exercised].sort()).toEqual(['class', 'household', 'report', 'site', 'staff', 'trainee']);
  });

  it('refuses an empty or overlong query and changes nothing', async () => {
    const before = snapshot(t.core.db);
    failure(await t.router.call('search.everywhere', { query: '   ' }), 'INVALID_INPUT');
    failure(await t.router.call('search.everywhere', { query: '字'.repeat(51) }), 'INVALID_INPUT');
    failure(await t.router.call('search.everywhere', { query: 'a', perKind: 0 }), 'INVALID_INPUT');
    expect(snapshot(t.core.db)).toBe(before);
  });
});
