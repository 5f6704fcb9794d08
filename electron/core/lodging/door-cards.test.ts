import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { value } from '../testing/expect-result';
import { eachDormClass } from '../testing/lodging-class';
import { pdfText } from '../testing/read-documents';
import type { TempCore } from '../testing/temp-core';

// The door cards (door-cards.ts): each room's card within its half of the sheet, its number on one line.

let t: TempCore;
let dorm: number;

describe('door cards', () => {
  const { stayAt } = eachDormClass((opened) => {
    ({ t, dorm } = opened);
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
