import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../shared/idcard';
import { value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { idNumber, writeBook } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

// Everything a masked view shows about one person, gathered from every place that shows it — the
// roster, the trainee's page, the search, the import preview, the masked export and the audit log —
// must leave at least a thousand ID numbers possible. Each candidate is enumerated.

let t: TempCore;
afterAll(() => t.dispose());

// Forty people with birth dates across the year (leap days, month ends) and both sexes.
const people = Array.from({ length: 40 }, (_, n) => {
  const year = 1960 + ((n * 7) % 40);
  const month = 1 + ((n * 5) % 12);
  const day = [1, 9, 15, 28, 29, 30, 31][n % 7] ?? 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const birth = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return { name: `测试${String.fromCharCode(0x4e00 + n * 37)}${n}`, id: idNumber(birth, 100 + n * 17), unit: `单位${n}` };
});

type Seen = { masks: Set<string>; births: Set<string>; sexes: Set<string> };
const seen = new Map<string, Seen>();
const note = (name: string, what: Partial<{ mask: string; birth: string | null; sex: string | null }>) => {
  const entry = seen.get(name) ?? { masks: new Set(), births: new Set(), sexes: new Set() };
  if (what.mask) entry.masks.add(what.mask);
  if (what.birth) entry.births.add(what.birth.replace('.', '-'));
  if (what.sex) entry.sexes.add(what.sex);
  seen.set(name, entry);
};

beforeAll(async () => {
  t = openTempCore();
  const classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-14',
    }),
  ).id;
  const file = writeBook(join(t.dir, 'people.xlsx'), [
    ['姓名', '身份证号', '工作单位'],
    ...people.map((p) => [p.name, p.id, p.unit]),
  ]);
  const grant = t.grant(file, 'rosterImport');
  const preview = value(await t.router.call('roster.importPreview', { classId, grant }));
  for (const row of preview.sample)
    note(row.values['name'] ?? '', { mask: row.values['idNumber'], birth: row.values['birthDate'], sex: row.values['sex'] });
  value(await t.router.call('roster.importCommit', { classId, grant, token: preview.token }));

  for (const entry of value(await t.router.call('roster.list', { classId })).items) {
    note(entry.name, { mask: entry.idNumberMasked, birth: entry.birthDate, sex: entry.sex });
    const detail = value(await t.router.call('trainees.get', { id: entry.traineeId }));
    note(detail.name, { mask: detail.idNumberMasked, birth: detail.birthDate, sex: detail.sex });
  }
  for (const found of value(await t.router.call('trainees.search', { search: '测试', limit: 500 })).items)
    note(found.name, { mask: found.idNumberMasked, birth: found.birthDate, sex: found.sex });

  const exported = join(t.dir, 'masked.xlsx');
  value(
    await t.router.call('roster.export', {
      classId,
      document: 'roster',
      format: 'xlsx',
      columns: ['name', 'sex', 'birthDate', 'idNumber'],
      grant: t.grant(exported, 'export'),
    }),
  );
  for (const row of (await readXlsx(exported)).rows.slice(3))
    note(String(row[0] ?? ''), { sex: String(row[1] ?? ''), birth: String(row[2] ?? ''), mask: String(row[3] ?? '') });

  for (const line of value(await t.router.call('audit.list', { entity: 'trainees', limit: 500 })).items) {
    for (const side of [line.before, line.after]) {
      if (typeof side !== 'object' || side === null) continue;
      const get = (key: string) => {
        const found: unknown = Reflect.get(side, key);
        return typeof found === 'string' ? found : null;
      };
      note(get('name') ?? '', { mask: get('id_number') ?? undefined, birth: get('birth_date'), sex: get('sex') });
    }
  }
});

// Every valid 身份证号 that agrees with all that was shown.
const candidates = (shown: Seen): number => {
  const masks = [...shown.masks];
  const births = [...shown.births];
  const region = masks[0]?.slice(0, 6) ?? '';
  const sexes = [...shown.sexes].map((s) => (s === '男' ? 'male' : s === '女' ? 'female' : s));
  let count = 0;
  for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2026, 11, 31); ms += 86_400_000) {
    const date = new Date(ms).toISOString().slice(0, 10);
    if (!births.every((birth) => date.startsWith(birth))) continue;
    for (let sequence = 0; sequence < 1000; sequence += 1) {
      const sex = sequence % 2 === 1 ? 'male' : 'female';
      if (!sexes.every((s) => s === sex)) continue;
      const first17 = `${region}${date.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
      const id = first17 + checkCharOf(first17);
      if (masks.every((mask) => [...mask].every((char, i) => char === '*' || char === id[i]))) count += 1;
    }
  }
  return count;
};

describe('masked personal data', () => {
  it('leaves at least a thousand possible ID numbers for every person, from all that is shown together', () => {
    const counts = people.map((p) => {
      const shown = seen.get(p.name);
      if (!shown) throw new Error(`${p.name} was never shown`);
      // The real number is among the candidates: the enumeration reads what was shown correctly.
      expect([...shown.masks].every((mask) => mask.startsWith(p.id.slice(0, 6)) && mask.endsWith(p.id.slice(-1)))).toBe(true);
      return candidates(shown);
    });
    const sorted = [...counts].sort((a, b) => a - b);
    console.log(
      `masking: ${people.length} people, seen in six places; possible ID numbers per person: fewest ${sorted[0]}, median ${sorted[Math.floor(sorted.length / 2)]}`,
    );
    expect(Math.min(...counts)).toBeGreaterThanOrEqual(1000);
    // What was shown: a month, never a day, and the same mask everywhere.
    for (const shown of seen.values()) {
      expect([...shown.births].every((birth) => /^\d{4}-\d{2}$/.test(birth))).toBe(true);
      expect(shown.masks.size).toBeLessThanOrEqual(1);
    }
  }, 60_000);
});
