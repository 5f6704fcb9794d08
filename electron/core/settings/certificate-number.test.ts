import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  certificateNumber,
  defaultCertificateNumberFormat,
  parseCertificateNumberFormat,
} from '../../../shared/lifecycle/certificate-number';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { getSettings } from './service';

// The 证书编号 pattern set in settings: a small template language ({year}, {class}, {seq:N}), refused
// with what is wrong in it, and held to the same rule when read back from a database file.

let t: TempCore;
beforeEach(() => {
  t = openTempCore();
});
afterEach(() => t.dispose());

const values = { year: 2019, classCode: '2019-003', seq: 3 };

describe('证书编号 pattern', () => {
  it('writes the year, the class code and the zero-padded place; a wider number is written whole', () => {
    expect(certificateNumber('辽党校结〔{year}〕第{seq:3}号', values)).toBe('辽党校结〔2019〕第003号');
    expect(certificateNumber('{class}-{seq}', { ...values, seq: 12 })).toBe('2019-003-12');
    expect(certificateNumber('第{seq:2}号', { ...values, seq: 123 })).toBe('第123号');
    expect(certificateNumber(defaultCertificateNumberFormat, values)).toBe('结业证字第2019-003-003号');
    // A pattern that could not be saved stands in for nothing: the default is written.
    expect(certificateNumber('{year}', values)).toBe('结业证字第2019-003-003号');
    expect(parseCertificateNumberFormat('{ seq:3 }').ok).toBe(true);
  });

  it('is refused with what is wrong in it, and nothing is written', async () => {
    const before = snapshot(t.core.db);
    const refusals: [string, string][] = [
      ['辽党校结〔{year}〕', '证书编号格式中没有序号 {seq}：否则每张证书的编号都一样'],
      [
        '第{seq:3}号{name}',
        '证书编号格式中的“{name}”不认识：可用 {year}（年度）、{class}（班次代码）、{seq}或{seq:3}（序号，补足 3 位）',
      ],
      ['第{seq:3号', '证书编号格式中有不成对的花括号：占位符写作 {year}、{class}、{seq:3}'],
      ['第seq:3}号', '证书编号格式中有不成对的花括号：占位符写作 {year}、{class}、{seq:3}'],
      ['第{seq:9}号', '证书编号格式中的“{seq:9}”：序号位数应为 1 至 6'],
      ['第{seq:0}号', '证书编号格式中的“{seq:0}”：序号位数应为 1 至 6'],
    ];
    for (const [format, said] of refusals) {
      const refused = failure(await t.router.call('settings.update', { certificateNumberFormat: format }), 'INVALID_INPUT');
      expect(refused.message, format).toBe(said);
      expect(refused.details?.issues?.[0]?.field).toBe('certificateNumberFormat');
      expect(snapshot(t.core.db)).toBe(before);
    }
    // Empty, too long, or an attendance share out of 0–100: the schema's own words, naming the field.
    expect(failure(await t.router.call('settings.update', { certificateNumberFormat: '  ' }), 'INVALID_INPUT').message).toContain(
      '证书编号格式',
    );
    expect(
      failure(await t.router.call('settings.update', { certificateNumberFormat: `{seq}${'号'.repeat(60)}` }), 'INVALID_INPUT')
        .message,
    ).toContain('证书编号格式');
    expect(failure(await t.router.call('settings.update', { certificateMinAttendance: 101 }), 'INVALID_INPUT').message).toContain(
      '结业出勤率要求',
    );
    // Printed on every certificate: a line break, a bidi override ("第\u202E{seq}号" prints the
    // number's words reversed) or a hidden mark in the pattern is refused, naming the field.
    for (const format of ['第{seq}\n号', '\u202E第{seq}号', '第{seq}\u200B号', '第\u0007{seq}号'])
      expect(
        failure(await t.router.call('settings.update', { certificateNumberFormat: format }), 'INVALID_INPUT').message,
        JSON.stringify(format),
      ).toContain('证书编号格式');
    expect(snapshot(t.core.db)).toBe(before);

    const saved = value(await t.router.call('settings.update', { certificateNumberFormat: ' 辽党校结〔{year}〕第{seq:3}号 ' }));
    expect(saved.certificateNumberFormat).toBe('辽党校结〔{year}〕第{seq:3}号');
  });

  it('read back from a database file that says otherwise: the default', () => {
    const set = t.core.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    set.run('certificateNumberFormat', JSON.stringify('{year}'));
    set.run('certificateMinAttendance', JSON.stringify(150));
    expect(getSettings(t.core)).toMatchObject({
      certificateNumberFormat: defaultCertificateNumberFormat,
      certificateMinAttendance: 80,
    });
  });
});
