import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as XLSX from '@e965/xlsx';
import { failure, value } from '../testing/expect-result';
import { message } from '../../../shared/i18n/translate';
import { writeBook } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// Files crafted by someone who wants to hurt the office that imports them: each must be read in
// bounded time and memory, or refused in words, never hang the app.

let t: TempCore;
beforeEach(() => {
  t = openTempCore();
});
afterEach(() => t.dispose());

describe('crafted table files', () => {
  it('reads a 师资库 declaring four hundred thousand merged ranges in seconds, not minutes', async () => {
    const rows = [['姓名', '工作单位', '职务/职称'], ...Array.from({ length: 10_000 }, (_, i) => [`教师${i}`, '某校', '讲师'])];
    // Merged ranges far below the table: nothing to fill, but every cell of every row was once
    // checked against each of them on the app's main thread.
    const merges: XLSX.Range[] = Array.from({ length: 400_000 }, (_, i) => ({
      s: { r: 500_000 + i * 2, c: 0 },
      e: { r: 500_001 + i * 2, c: 2 },
    }));
    const grant = t.grant(writeBook(join(t.dir, '师资库.xlsx'), rows, 'xlsx', merges), 'tableImport');
    const started = performance.now();
    expect(value(await t.router.call('staff.import', { grant }))).toMatchObject({ added: 10_000 });
    expect(performance.now() - started).toBeLessThan(8000);
  }, 60_000);

  it('refuses, in words and at once, a sheet whose merged ranges are stacked over one another across the whole sheet', async () => {
    const rows = [['姓名', '工作单位', '职务/职称'], ...Array.from({ length: 2000 }, (_, i) => [`教师${i}`, '某校', '讲师'])];
    // Each range A2:XFD1048576: filled one by one, the worker walked a million rows for each.
    const merges: XLSX.Range[] = Array.from({ length: 50_000 }, () => ({ s: { r: 1, c: 0 }, e: { r: 1_048_575, c: 16_383 } }));
    const grant = t.grant(writeBook(join(t.dir, '师资库.xlsx'), rows, 'xlsx', merges), 'tableImport');
    const before = snapshot(t.core.db);
    const started = performance.now();
    expect(failure(await t.router.call('staff.import', { grant }), 'INVALID_INPUT').message).toContain(message('import.overlappingMerges'));
    expect(performance.now() - started).toBeLessThan(8000);
    expect(snapshot(t.core.db)).toEqual(before);
  }, 60_000);
});
