import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { eachDormClass, eachLodgingClass } from '../testing/lodging-class';
import { pdfText, readXlsx } from '../testing/read-documents';
import type { TempCore } from '../testing/temp-core';

// The lodging documents (documents.ts): the village’s list with the leaders’ phones masked, and the door cards.

let t: TempCore;
let classId: number;
let dorm: number;

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

describe('door cards', () => {
  const { stayAt } = eachDormClass((opened) => {
    ({ t, classId, dorm } = opened);
  });

  // Found attacking the door cards: a card sized its names for six at most, so a big dormitory room's
  // twenty names ran over the card below it (printed across the other room's number) and the lower
  // card's last names were cut off the sheet. Each card keeps its names within its half of the sheet.
  it('prints a door card for a room of twenty within its own half of the sheet, every name on it', async () => {
    for (const [head, hosts] of [
      ['101', 'male'],
      ['102', 'female'],
    ] as const)
      value(await t.router.call('lodging.saveRoom', { siteId: dorm, fields: { head, floor: 1, beds: 20, hosts } }));
    const stay = await stayAt();
    const board = value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const rooms = board.households.filter((r) => r.occupants.length > 0);
    expect(rooms.map((r) => r.head)).toEqual(['101', '102']);
    expect(rooms.map((r) => r.occupants.length)).toEqual([20, 14]);
    const path = join(t.dir, 'doors-16.pdf');
    value(
      await t.router.call('lodging.export', {
        stayId: stay.id,
        document: 'doors',
        format: 'pdf',
        grant: t.grant(path, 'export'),
      }),
    );
    expect((await pdfText(path)).pages).toBe(1);
    // Each word's place on the page (A4: 842 points high, the cut at half way).
    const words = [
      ...execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' }).matchAll(
        /<word xMin="[\d.-]+" yMin="([\d.-]+)" xMax="[\d.-]+" yMax="([\d.-]+)">([^<]+)<\/word>/g,
      ),
    ].map(([, top, bottom, text]) => ({ top: Number(top), bottom: Number(bottom), text }));
    rooms.forEach((room, half) => {
      // Names of three characters or more come back as one word (a two-character one is spaced apart).
      const names = room.occupants.map((o) => o.name).filter((name) => [...name].length > 2);
      expect(names.length).toBeGreaterThan(3);
      for (const name of names) {
        const word = words.find((w) => w.text === name);
        expect(word, `${name} on the card of ${room.head}`).toBeDefined();
        if (half === 0) expect(word?.bottom, `${name} within the upper card`).toBeLessThan(421);
        else expect(word?.top, `${name} within the lower card`).toBeGreaterThan(421);
      }
    });
  });

  // Found attacking the door cards: a room's number was set at 96 pt whatever its length, so a hotel's
  // “国际会议中心A座1201” broke over two lines of 96 pt and pushed its guests' names off the card.
  it('sets a long room name on its door card on one line within the sheet', async () => {
    value(
      await t.router.call('lodging.saveRoom', {
        siteId: dorm,
        fields: { head: '国际会议中心A座1201', floor: 12, beds: 50, hosts: 'any' },
      }),
    );
    const stay = await stayAt();
    value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const path = join(t.dir, 'doors-long.pdf');
    value(
      await t.router.call('lodging.export', {
        stayId: stay.id,
        document: 'doors',
        format: 'pdf',
        grant: t.grant(path, 'export'),
      }),
    );
    const bbox = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    const [, left, right] =
      /<word xMin="([\d.-]+)" yMin="[\d.-]+" xMax="([\d.-]+)" yMax="[\d.-]+">国际会议中心A座1201<\/word>/.exec(bbox) ?? [];
    expect(left, 'the room name in the text').toBeDefined();
    // A4 is 595 points across; the card's margins are 16 mm (45 points) each side.
    expect(Number(left)).toBeGreaterThanOrEqual(40);
    expect(Number(right)).toBeLessThanOrEqual(555);
  });
});
