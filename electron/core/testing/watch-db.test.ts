import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { value } from './expect-result';
import { openTempCore, type TempCore, watchDb } from './temp-core';

let t: TempCore;
beforeAll(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterAll(() => t.dispose());

// The router's property test trusts this watch to see any write: it must see one.
describe('the database watch of the property tests', () => {
  it('sees a committed write, takes the new rows when settled, and a rolled-back write leaves it unchanged', () => {
    // Never the periodic full check here: only the write mark decides.
    const watch = watchDb(t.core.db, 1_000_000);
    expect(watch.unchanged()).toBe(true);
    t.core.db.exec(`UPDATE classes SET name = name || '（改）' WHERE id = (SELECT min(id) FROM classes)`);
    expect(watch.unchanged()).toBe(false);
    watch.settle();
    expect(watch.unchanged()).toBe(true);
    t.core.db.exec(`BEGIN; UPDATE classes SET location = '别处'; ROLLBACK`);
    expect(watch.unchanged()).toBe(true);
  });

  it('compares every row on every n-th check, whatever the mark says', () => {
    const watch = watchDb(t.core.db, 3);
    const before = watch.fullChecks();
    for (let i = 0; i < 9; i += 1) expect(watch.unchanged()).toBe(true);
    expect(watch.fullChecks() - before).toBe(3);
  });
});
