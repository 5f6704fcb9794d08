import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCharOf } from '../../../shared/idcard';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// An ID number of 1990 whose check character is the one asked for: the reader types X as x at times.
const idNumberEndingIn = (end: string) => {
  for (let seq = 100; seq < 999; seq += 1) {
    const first17 = `11010119900307${seq}`;
    if ((end === 'X') === (checkCharOf(first17) === 'X')) return first17 + checkCharOf(first17);
  }
  throw new Error('no ID number');
};

let t: TempCore;
let classId = 0;
const zhangWeiId = idNumberEndingIn('X');
const people = [
  { name: '张伟', idNumber: zhangWeiId, unit: '辽源市农业农村局', phone: '13912345678' },
  { name: '赵文', unit: '辽源市财政局', phone: '13800001111' },
  { name: '李明', unit: '辽源市农业农村局', phone: '13700002222' },
  { name: '王芳', unit: '东丰县人民政府', phone: '' },
  { name: '王芳芳', unit: '东丰县人民政府', phone: '' },
];
const enrolments = new Map<string, number>();

beforeEach(async () => {
  t = openTempCore({ now: () => new Date('2026-12-05T00:31:05Z') });
  classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2026年青年干部培训班',
      startDate: '2026-12-05',
      endDate: '2026-12-18',
    }),
  ).id;
  for (const trainee of people)
    enrolments.set(trainee.name, value(await t.router.call('roster.add', { classId, trainee })).enrolmentId);
});
afterEach(() => t.dispose());

const list = async (missing = false) => value(await t.router.call('checkin.list', { classId, missing }));
const statusOf = async (name: string) =>
  (await list()).units.flatMap((u) => u.rows).find((row) => row.name === name)?.status ?? null;

describe('check-in (报到) through the router', () => {
  it('checks in by pinyin initials, records the local time, and counts the 报到率', async () => {
    const done = value(await t.router.call('checkin.checkIn', { classId, query: 'lm' }));
    expect(done.outcome).toBe('checkedIn');
    if (done.outcome !== 'checkedIn') return;
    expect(done.row.name).toBe('李明');
    // Stored as an instant, read in the workstation's time (the tests run in Asia/Shanghai or UTC).
    expect(done.row.at).toMatch(/^2026-12-05 (08|00):31:05$/);
    expect(done.summary).toContain('李明');
    const { figures } = await list();
    expect(figures).toEqual({ expected: 5, arrived: 1, late: 0, leave: 0, rate: 0.2 });
    // The workbench shows the 报到率 of a class at its first day; not the day before.
    const workbench = value(await t.router.call('workbench.overview', { today: '2026-12-05' }));
    expect(workbench.checkins).toEqual([{ classId, className: '2026年青年干部培训班', arrived: 1, expected: 5, rate: 0.2 }]);
    expect(value(await t.router.call('workbench.overview', { today: '2026-12-04' })).checkins).toEqual([]);
    // A second scan of the same person changes nothing and says when they came.
    const before = snapshot(t.core.db);
    const again = value(await t.router.call('checkin.checkIn', { classId, query: '李明' }));
    expect(again.outcome).toBe('already');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('checks in by the ID number as a reader types it (lower-case x, spaces, full-width digits)', async () => {
    const typed = `${zhangWeiId.slice(0, 6)} ${zhangWeiId.slice(6, 17)}x`.replace('1', '１');
    const done = value(await t.router.call('checkin.checkIn', { classId, query: typed }));
    expect(done.outcome === 'checkedIn' && done.row.name).toBe('张伟');
    // An ID number on nobody in the class: refused, and the number is not echoed in full.
    const stranger = idNumberEndingIn('0');
    const before = snapshot(t.core.db);
    const error = failure(await t.router.call('checkin.checkIn', { classId, query: stranger }), 'NOT_FOUND');
    expect(error.message).not.toContain(stranger);
    expect(snapshot(t.core.db)).toBe(before);
    // A number cut short (17 digits, a phone) finds no one and is not shown whole on the desk's screen
    // either: the message says what to type instead.
    for (const partial of [zhangWeiId.slice(0, 17), `${zhangWeiId.slice(0, 6)} ${zhangWeiId.slice(6, 16)}`]) {
      const cut = failure(await t.router.call('checkin.checkIn', { classId, query: partial }), 'NOT_FOUND');
      expect(cut.message).not.toContain(partial.replace(' ', '').slice(6, 14));
      expect(cut.message).toContain('18 位');
      expect(cut.message).toContain(`（${partial.replace(' ', '').length} 位）`);
    }
    // A mobile number is said to be one (not "an ID number of 11 digits"), masked as the app masks phones.
    const phone = failure(await t.router.call('checkin.checkIn', { classId, query: '13912345678' }), 'NOT_FOUND');
    expect(phone.message).toBe('“139****5678”是电话号码：报到不按电话查找，请输入身份证号全部 18 位，或姓名、拼音首字母');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('finds the person a desk names as it types from paper: an old 15-digit number, a name spaced as printed', async () => {
    // The 15-digit number of the same person (no century, no check character) names them as the 18 does.
    const old = `${zhangWeiId.slice(0, 6)}${zhangWeiId.slice(8, 17)}`;
    const byOld = value(await t.router.call('checkin.checkIn', { classId, query: old }));
    expect(byOld.outcome === 'checkedIn' && byOld.row.name).toBe('张伟');
    // 桌签 and 名册 print a two-character name with a space in it (李　明): typed so, it is still 李明,
    // and 王 芳 is 王芳 exactly, not a choice with 王芳芳.
    for (const [typed, name] of [
      ['李　明', '李明'],
      ['王 芳', '王芳'],
    ] as const) {
      const done = value(await t.router.call('checkin.checkIn', { classId, query: typed }));
      expect(done.outcome === 'checkedIn' && done.row.name).toBe(name);
    }
    // A phone typed with dashes is a number too: refused masked, not echoed whole to the queue.
    const before = snapshot(t.core.db);
    const dashed = failure(await t.router.call('checkin.checkIn', { classId, query: '139-1234-5678' }), 'NOT_FOUND');
    expect(dashed.message).toContain('“139****5678”是电话号码');
    expect(snapshot(t.core.db)).toBe(before);
  });

  // What a desk pastes or a phone's contact card gives: +86, dots, brackets, long dashes, an invisible
  // mark (zero-width space, a right-to-left override, a soft hyphen) — each was echoed whole to the
  // queue as 名册中没有与“+86 13912345678”相符的学员. A number is masked wherever it stands in a query.
  it('never shows a phone or ID number whole, however it is typed, and checks in an ID number pasted with marks', async () => {
    const before = snapshot(t.core.db);
    const phones = [
      '+86 13912345678',
      '0086-139-1234-5678',
      '13912345678\u200b',
      '\u202e13912345678',
      '\u00ad13912345678',
      '139.1234.5678',
      '(139)1234 5678',
      '139_1234_5678',
      '139—1234—5678',
      '13912345678；',
      '张伟 13912345678',
    ];
    for (const query of phones) {
      const error = failure(await t.router.call('checkin.checkIn', { classId, query }), 'NOT_FOUND');
      expect(error.message, query).not.toContain('1234');
      expect(error.message, query).toContain('5678');
    }
    const stranger = idNumberEndingIn('0');
    for (const query of [
      `${stranger.slice(0, 6)}.${stranger.slice(6, 14)}.${stranger.slice(14)}`,
      `${stranger}。`,
      `编号${stranger}`,
    ]) {
      const error = failure(await t.router.call('checkin.checkIn', { classId, query }), 'NOT_FOUND');
      expect(error.message, query).not.toContain(stranger.slice(6, 14));
    }
    expect(snapshot(t.core.db)).toBe(before);
    const pasted = `\u200e${zhangWeiId.slice(0, 6)}\u200b${zhangWeiId.slice(6)}`;
    const done = value(await t.router.call('checkin.checkIn', { classId, query: pasted }));
    expect(done.outcome === 'checkedIn' && done.row.name).toBe('张伟');
    const named = value(await t.router.call('checkin.checkIn', { classId, query: '\u202b李明\u200b' }));
    expect(named.outcome === 'checkedIn' && named.row.name).toBe('李明');
  });

  // A name pasted from a chat or a web form brings invisible marks with it (a zero-width space, a
  // direction override, a soft hyphen): kept in the name, 李明 typed at the desk found nobody, and the
  // override printed the name reversed on every list.
  it('keeps no invisible marks in a name, so the desk finds it as typed', async () => {
    const added = value(
      await t.router.call('roster.add', { classId, trainee: { name: '\u202e欧\u200b阳\u00ad修\u200d', unit: '辽源市财政局' } }),
    );
    expect(added.name).toBe('欧阳修');
    const done = value(await t.router.call('checkin.checkIn', { classId, query: '欧阳修' }));
    expect(done.outcome === 'checkedIn' && done.row.name).toBe('欧阳修');
  });

  it('returns the choices when more than one fits, never guessing, and checks in the one chosen', async () => {
    const before = snapshot(t.core.db);
    const zw = value(await t.router.call('checkin.checkIn', { classId, query: 'zw' }));
    expect(zw.outcome).toBe('choose');
    if (zw.outcome !== 'choose') return;
    expect(zw.choices.map((c) => c.name).sort()).toEqual(['张伟', '赵文']);
    expect(zw.choices.every((c) => !c.phoneMasked.includes('12345678'))).toBe(true);
    expect(snapshot(t.core.db)).toBe(before);
    // A full name that is someone's exactly is that person, not the longer names holding it.
    const wf = value(await t.router.call('checkin.checkIn', { classId, query: '王芳' }));
    expect(wf.outcome === 'checkedIn' && wf.row.name).toBe('王芳');
    // Part of a name that fits one person only is offered, not taken: the one meant may be a 李 the
    // roster lacks. The whole name spelled (lim, liming) is sure.
    const offered = snapshot(t.core.db);
    for (const query of ['李', 'li', 'mi']) {
      const partial = value(await t.router.call('checkin.checkIn', { classId, query }));
      expect(partial.outcome === 'choose' && partial.choices.map((c) => c.name), query).toEqual(['李明']);
    }
    expect(snapshot(t.core.db)).toBe(offered);
    const spelled = value(await t.router.call('checkin.checkIn', { classId, query: 'LiMing' }));
    expect(spelled.outcome === 'checkedIn' && spelled.row.name).toBe('李明');
    const chosen = zw.choices.find((c) => c.name === '赵文');
    const done = value(await t.router.call('checkin.checkIn', { classId, enrolmentId: chosen?.enrolmentId ?? 0 }));
    expect(done.outcome === 'checkedIn' && done.row.name).toBe('赵文');
  });

  it('refuses what names nobody or is not a query, leaving the database as it was', async () => {
    const other = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2026年另一个班',
        startDate: '2026-12-07',
        endDate: '2026-12-09',
      }),
    ).id;
    const before = snapshot(t.core.db);
    failure(await t.router.call('checkin.checkIn', { classId, query: '欧阳' }), 'NOT_FOUND');
    failure(await t.router.call('checkin.checkIn', { classId, query: '   ' }), 'INVALID_INPUT');
    // Nothing but invisible marks is no query either (it offered the whole class to choose from).
    failure(await t.router.call('checkin.checkIn', { classId, query: '\u200b\u202e' }), 'INVALID_INPUT');
    failure(await t.router.call('checkin.checkIn', { classId, query: 'x'.repeat(101) }), 'INVALID_INPUT');
    failure(await t.router.call('checkin.checkIn', { classId }), 'INVALID_INPUT');
    failure(await t.router.call('checkin.checkIn', { classId: classId + 1, query: 'lm' }), 'NOT_FOUND');
    // An enrolment of another class is not checked in through this one.
    failure(await t.router.call('checkin.checkIn', { classId: other, enrolmentId: enrolments.get('李明') ?? 0 }), 'NOT_FOUND');
    failure(
      await t.router.call('checkin.mark', { enrolmentId: enrolments.get('李明') ?? 0, status: 'gone', note: '' }),
      'INVALID_INPUT',
    );
    failure(await t.router.call('checkin.undo', { enrolmentId: enrolments.get('李明') ?? 0 }), 'INVALID_STATE');
    failure(await t.router.call('checkin.undo', { enrolmentId: 999_999 }), 'NOT_FOUND');
    failure(
      await t.router.call('checkin.mark', { enrolmentId: enrolments.get('李明') ?? 0, status: 'leave', note: '假'.repeat(201) }),
      'INVALID_INPUT',
    );
    expect(snapshot(t.core.db)).toBe(before);
  });

  // A name of fifty 和 (he, huo, hu each): the search tried 3^49 spellings of a query of h's before
  // saying it was none of them, and the desk hung.
  it('answers at once for a hostile name whose characters all read alike', async () => {
    const name = '和'.repeat(50);
    value(await t.router.call('roster.add', { classId, trainee: { name, unit: '辽源市财政局' } }));
    const near = value(await t.router.call('checkin.checkIn', { classId, query: `${'h'.repeat(49)}z` }));
    expect(near.outcome).toBe('choose');
    const done = value(await t.router.call('checkin.checkIn', { classId, query: 'h'.repeat(50) }));
    expect(done.outcome === 'checkedIn' && done.row.name).toBe(name);
  });

  it('notes 请假 and 迟到 with what the desk wrote, undoes a check-in, and lists who has not arrived by unit', async () => {
    const li = enrolments.get('李明') ?? 0;
    value(
      await t.router.call('checkin.mark', {
        enrolmentId: enrolments.get('赵文') ?? 0,
        status: 'leave',
        note: '市里开会，明天到',
      }),
    );
    value(await t.router.call('checkin.mark', { enrolmentId: li, status: 'late', note: '车晚点' }));
    let figures = (await list()).figures;
    expect(figures).toEqual({ expected: 5, arrived: 0, late: 1, leave: 1, rate: 0.2 });
    value(await t.router.call('checkin.undo', { enrolmentId: li }));
    expect(await statusOf('李明')).toBeNull();
    const missing = await list(true);
    expect(missing.units.map((u) => u.unit)).toEqual(['东丰县人民政府', '辽源市农业农村局']);
    const farm = missing.units.find((u) => u.unit === '辽源市农业农村局');
    expect(farm?.rows.map((r) => r.name)).toEqual(['李明', '张伟']);
    expect(farm?.rows.find((r) => r.name === '张伟')?.phoneMasked).toBe('139****5678');
    figures = (await list()).figures;
    expect(figures.rate).toBe(0);
    // The log names the person, never a number.
    const audit = value(await t.router.call('audit.list', { limit: 5 })).items;
    expect(audit[0]?.summary).toContain('李明');
    expect(audit[0]?.summary).toContain('报到');
    expect(audit.some((entry) => entry.summary.includes('赵文'))).toBe(true);
  });

  it('adds a walk-in through the roster rules and checks them in at once; refuses a bad row with nothing changed', async () => {
    const id = idNumberEndingIn('0');
    const done = value(
      await t.router.call('checkin.walkIn', {
        classId,
        trainee: { name: '孙丽', idNumber: id, unit: '龙山区委组织部' },
        note: '名单外，组织部通知',
      }),
    );
    expect(done.row).toMatchObject({ name: '孙丽', status: 'arrived', note: '名单外，组织部通知' });
    expect((await list()).figures).toMatchObject({ expected: 6, arrived: 1 });
    const roster = value(await t.router.call('roster.list', { classId })).items;
    expect(roster.some((entry) => entry.name === '孙丽' && entry.unit === '龙山区委组织部')).toBe(true);

    const before = snapshot(t.core.db);
    const bad = failure(
      await t.router.call('checkin.walkIn', { classId, trainee: { name: '周强', idNumber: '110101199003071235' }, note: '' }),
      'INVALID_INPUT',
    );
    expect(bad.message).toMatch(/身份证/);
    failure(await t.router.call('checkin.walkIn', { classId, trainee: { name: '' }, note: '' }), 'INVALID_INPUT');
    // Someone already on the roster is checked in, not added twice.
    failure(
      await t.router.call('checkin.walkIn', { classId, trainee: { name: '张伟', idNumber: zhangWeiId }, note: '' }),
      'CONFLICT',
    );
    expect(snapshot(t.core.db)).toBe(before);
  });
});
