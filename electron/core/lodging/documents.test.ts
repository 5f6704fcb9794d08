import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { eachLodgingClass } from '../testing/lodging-class';
import { readXlsx } from '../testing/read-documents';
import type { TempCore } from '../testing/temp-core';

// The lodging documents (documents.ts): the village’s list with the leaders’ phones masked.

let t: TempCore;
let classId: number;

describe('the village’s list', () => {
  const { newStay } = eachLodgingClass((opened) => {
    ({ t, classId } = opened);
  });

  it('masks the group leaders’ mobiles on the village’s list unless they are asked for, and the log says which', async () => {
    const stay = await newStay();
    value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const phones = t.core.db
      .prepare<[number], string>(
        `SELECT t.phone FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? AND e.role = '组长'`,
      )
      .pluck()
      .all(classId);
    expect(phones).toHaveLength(5);
    expect(phones.every((phone) => /^1\d{10}$/.test(phone))).toBe(true);
    const exported = async (name: string, input: Record<string, unknown>) => {
      const path = join(t.dir, name);
      value(await t.router.call('lodging.export', { stayId: stay.id, format: 'xlsx', grant: t.grant(path, 'export'), ...input }));
      const entry = t.core.db
        .prepare<[], { summary: string; after: string }>(
          `SELECT summary, after FROM audit_log WHERE action = 'export' ORDER BY id DESC`,
        )
        .get();
      return {
        text: (await readXlsx(path)).rows.flat().join(' '),
        summary: entry?.summary ?? '',
        after: JSON.parse(entry?.after ?? '{}') as Record<string, unknown>,
      };
    };
    // By default: 139****0001, and the entry says so.
    const masked = await exported('masked.xlsx', { document: 'households' });
    for (const phone of phones) {
      expect(masked.text).not.toContain(phone);
      expect(masked.text).toContain(`${phone.slice(0, 3)}****${phone.slice(-4)}`);
    }
    expect(masked.summary).toMatch(/^导出“2019年年轻干部培训班”的接待农户入住名单（XLSX，组长电话部分隐藏）到 /);
    expect(masked.after).toMatchObject({ document: 'households', reveal: { phone: false } });
    // The households' own phones are the village's data: whole, as before. And the village is told why
    // a leader's number is partly hidden, and whom to ask.
    expect(masked.text).toContain('0437-555');
    expect(masked.text).toContain('组长电话按规定部分隐藏，需要联系时请向培训班班主任索取');
    // Asked for: whole, and the entry says that too.
    const revealed = await exported('revealed.xlsx', { document: 'households', reveal: { phone: true } });
    for (const phone of phones) expect(revealed.text).toContain(phone);
    expect(revealed.text).not.toContain('部分隐藏');
    expect(revealed.summary).toMatch(/^导出“2019年年轻干部培训班”的接待农户入住名单（XLSX，含完整电话）到 /);
    expect(revealed.after).toMatchObject({ reveal: { phone: true } });
    // A document without the leaders' phones records nothing shown, whatever was ticked.
    const trainees = await exported('trainees.xlsx', { document: 'trainees', reveal: { phone: true } });
    expect(trainees.summary).toMatch(/^导出“2019年年轻干部培训班”的学员住宿安排表（XLSX）到 /);
    expect(trainees.after).toMatchObject({ reveal: { phone: false } });
    for (const phone of phones) expect(trainees.text).not.toContain(phone);
  });
});
