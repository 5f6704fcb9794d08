import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Of } from '../files/store';
import { failure, value } from '../testing/expect-result';
import { eachLodgingClass } from '../testing/lodging-class';
import { docxText, pdfText, readXlsx } from '../testing/read-documents';
import { idOf, person } from '../testing/roster-files';
import type { TempCore } from '../testing/temp-core';

// The four togethers day by day, each trainee’s part, and what the households are paid (plan.ts).

let t: TempCore;
let classId: number;
const { newStay } = eachLodgingClass((opened) => {
  ({ t, classId } = opened);
});

describe('the four togethers', () => {
  it('plans each day, records each trainee, and prints the lists for the village and the class — never an ID number', async () => {
    const stay = await newStay();
    value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const plan = value(
      await t.router.call('lodging.savePlanDay', {
        stayId: stay.id,
        day: {
          date: '2019-09-12',
          meals: ['lunch', 'breakfast', 'dinner'],
          study: '村党支部主题党日',
          labourTask: '秋收',
          labourField: '万亩水田',
          labourHours: 4,
          labourLeader: '韩丽',
        },
      }),
    );
    expect(plan.map((d) => [d.date, d.people])).toEqual([
      ['2019-09-11', 40],
      ['2019-09-12', 40],
      ['2019-09-13', 0],
    ]);
    expect(plan[1]?.meals).toEqual(['breakfast', 'lunch', 'dinner']);
    expect(
      failure(await t.router.call('lodging.savePlanDay', { stayId: stay.id, day: { date: '2019-09-20' } }), 'INVALID_INPUT')
        .details?.issues?.[0]?.field,
    ).toBe('day.date');

    const people = value(await t.router.call('lodging.participants', { stayId: stay.id }));
    const [one, two] = people;
    if (!one || !two) throw new Error('no participants');
    expect(one.plannedHours).toBe(4);
    value(
      await t.router.call('lodging.saveParticipant', {
        stayId: stay.id,
        enrolmentId: one.enrolmentId,
        participation: 'partial',
        labourHours: 2,
        reflection: '同吃同住，收获很大。',
      }),
    );
    const note = join(t.dir, '心得体会.txt');
    writeFileSync(note, '在朝阳村的三天……');
    const attached = value(
      await t.router.call('lodging.attachReflection', {
        stayId: stay.id,
        enrolmentId: two.enrolmentId,
        grant: t.grant(note, 'attachment'),
      }),
    );
    expect(attached.reflectionFile).toBe('心得体会.txt');
    expect(
      t.core.db
        .prepare('SELECT count(*) FROM stored_files WHERE sha256 = ?')
        .pluck()
        .get(sha256Of(readFileSync(note))),
    ).toBe(1);

    const exported = async (document: 'households' | 'trainees' | 'plan' | 'hours', format: 'xlsx' | 'docx' | 'pdf') => {
      const path = join(t.dir, `${document}.${format}`);
      value(await t.router.call('lodging.export', { stayId: stay.id, document, format, grant: t.grant(path, 'export') }));
      return path;
    };
    const households = await readXlsx(await exported('households', 'xlsx'));
    const text = households.rows.flat().join(' ');
    expect(households.rows[0]?.[0]).toBe('2019年年轻干部培训班接待农户入住名单');
    expect(text).toContain('组长电话');
    expect(text).not.toMatch(/\d{17}[\dX]/);
    const ids = Array.from({ length: 40 }, (_, n) => idOf(person(n), n));
    expect(ids.some((id) => text.includes(id))).toBe(false);
    const trainees = docxText(await exported('trainees', 'docx'));
    expect(trainees).toContain('学员住宿安排表');
    expect(trainees).toContain('0437-555');
    const planPdf = await pdfText(await exported('plan', 'pdf'));
    expect(planPdf.text).toContain('村党支部主题党日');
    expect(planPdf.text).toContain('离村');
    const hours = await readXlsx(await exported('hours', 'xlsx'));
    const row = hours.rows.find((r) => r.includes(one.name));
    expect(row).toEqual(expect.arrayContaining(['部分参加', '2', '已交']));

    const payments = value(await t.router.call('lodging.payments', { classId }));
    const paid = payments[0];
    if (!paid) throw new Error('no households paid');
    expect(paid.placedNights).toBe(2);
    const after = value(
      await t.router.call('lodging.setPayment', {
        classId,
        householdId: paid.householdId,
        nights: 2,
        people: paid.placedPeople,
        amount: 240.5,
      }),
    );
    expect(after.find((p) => p.householdId === paid.householdId)).toMatchObject({ amount: 240.5, nights: 2 });
  });
});
