import { describe, expect, it } from 'vitest';
import { openCore } from '../open';
import { value } from '../testing/expect-result';
import { eachRosterClass } from '../testing/roster-class';
import type { TempCore } from '../testing/temp-core';

let t: TempCore;
let classId: number;
const { add } = eachRosterClass((opened) => ({ t, classId } = opened));

describe('searching every trainee the school has had', () => {
  it('finds by pinyin across classes, and sees edits made here and by another process', async () => {
    await add('张三', { unit: '辽源市财政局' });
    await add('张珊', { unit: '东辽县安石镇人民政府' });
    await add('李四', { unit: '辽源市财政局' });
    const found = async (search: string) => value(await t.router.call('trainees.search', { search })).items.map((p) => p.name);
    expect(await found('zs')).toEqual(['张三', '张珊']);
    expect(await found('安石镇')).toEqual(['张珊']);
    const lisi = value(await t.router.call('trainees.search', { search: 'ls' })).items[0];
    value(await t.router.call('trainees.update', { id: lisi?.id ?? 0, fields: { name: '李思', unit: '辽源市财政局' } }));
    expect(await found('lis')).toEqual(['李思']);
    // The CLI writing to the same data folder at the same time.
    const other = openCore({ dataDir: t.dir });
    value(await other.router.call('roster.add', { classId, trainee: { name: '赵六', unit: '辽源市财政局' } }));
    other.close();
    expect(await found('zl')).toEqual(['赵六']);
    const page = value(await t.router.call('trainees.search', { search: '财政局', limit: 2 }));
    expect(page).toMatchObject({ total: 3, items: [{}, {}] });
    expect(page.items[0]).toMatchObject({ classCount: 1 });
  });
});
