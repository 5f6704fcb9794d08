import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, monthDay } from '../../../shared/dates';
import { statement } from '../db/statements';
import { value } from '../testing/expect-result';
import { docxText, docxXml } from '../testing/read-documents';
import { openTempCore, type TempCore } from '../testing/temp-core';

// The 学员手册 of the sample class, read back from the .docx as Word would show it.

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const classNamed = async (part: string) => {
  const found = value(await t.router.call('classes.list', { search: part })).items[0];
  if (!found) throw new Error(`no class ${part}`);
  return found;
};

const handbookOf = async (classId: number) => {
  const file = join(t.dir, `手册-${classId}.docx`);
  const result = value(await t.router.call('lifecycle.handbook', { classId, grant: t.grant(file, 'export') }));
  return { file, result, text: docxText(file), xml: docxXml(file) };
};

describe('the trainee handbook', () => {
  it('of the sample class holds every section, filled from the class, and no ID number or trainee phone', async () => {
    const c = await classNamed('年轻干部');
    const { result, text, xml } = await handbookOf(c.id);
    const school = value(await t.router.call('settings.get', {})).schoolName;
    // The cover.
    expect(text).toContain(school);
    expect(text).toContain(c.name);
    expect(text).toContain('学员手册');
    expect(text).toContain('2019年9月9日 至 2019年9月20日');
    // The contents and each numbered section, in order, each a heading the contents list.
    // A Word table of contents, its page numbers written with it (WPS and LibreOffice show them as written).
    expect(/<w:instrText[^>]*>TOC \\h \\o/.test(xml), 'a TOC field').toBe(true);
    expect(/PAGEREF _Toc9 \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>\d+</.test(xml), 'page numbers').toBe(
      true,
    );
    const headings = [
      '一、开班须知',
      '二、课程安排表',
      '三、班委及小组名单',
      '四、学员名册',
      '五、现场教学点',
      '六、“四同”实践安排',
      '七、作息时间',
      '八、调研课题及要求',
      '九、联系方式',
    ];
    let from = 0;
    for (const heading of headings) {
      const at = text.indexOf(`\n${heading}\n`, from);
      expect(at, heading).toBeGreaterThan(from);
      from = at;
    }
    expect(result.rows).toBe(headings.length);
    // The school's default 开班须知 and 作息时间.
    expect(text).toContain('八项规定');
    expect(text).toContain('上午课程');

    // Every trainee by name, sex, unit and position; never an ID number or a trainee's phone.
    const people = statement<[number], { name: string; unit: string; position: string; id_number: string | null; phone: string }>(
      t.core.db,
      `SELECT t.name, t.unit, t.position, t.id_number, t.phone FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
        WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
    ).all(c.id);
    expect(people.length).toBeGreaterThan(10);
    const roster = text.slice(text.indexOf('\n四、学员名册\n'), text.indexOf('\n五、现场教学点\n'));
    for (const p of people) {
      expect(roster).toContain(p.name);
      expect(roster).toContain(p.unit);
      if (p.position) expect(roster).toContain(p.position);
      if (p.id_number) {
        expect(text).not.toContain(p.id_number);
        // Not even its birth date and tail, as a masked number would show.
        expect(text).not.toContain(p.id_number.slice(-4) + '\n');
      }
      if (p.phone) expect(text).not.toContain(p.phone);
    }
    expect(text).not.toMatch(/\d{17}[\dXx]/);
    expect(text).not.toMatch(/1\d{2}\*{4}\d{4}/);

    // Group leaders named with their groups.
    const leaders = statement<[number], { name: string; group_no: number }>(
      t.core.db,
      `SELECT t.name, e.group_no FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? AND e.role = '组长'`,
    ).all(c.id);
    expect(leaders.length).toBeGreaterThan(0);
    for (const leader of leaders) expect(text).toMatch(new RegExp(`第.+组（\\d+人）　组长：${leader.name}`));

    // The school's rules under 一、开班须知 are numbered a level down, （一）（二）, as official documents number them.
    const notice = text.slice(text.indexOf('\n一、开班须知\n') + '\n一、开班须知'.length, text.indexOf('\n二、课程安排表\n'));
    expect(notice).toMatch(/\n（一）学员应按时报到/);
    expect(notice).not.toMatch(/\n[一二三四五六]、/);

    // The committee in the order of the school's class roles: 班长 before 副班长 before 学习委员.
    const committee = text.slice(text.indexOf('\n班委\n'), text.indexOf('\n第一组（'));
    const at = (role: string) => committee.indexOf(`\n${role}\n`);
    expect(at('班长')).toBeGreaterThan(0);
    expect(at('班长')).toBeLessThan(at('副班长'));
    expect(at('副班长')).toBeLessThan(at('学习委员'));

    // The sessions, the sites with addresses, the stay's households, the topics and the team.
    const sessions = value(await t.router.call('schedule.list', { classId: c.id }));
    for (const s of sessions) expect(text).toContain(s.title);
    const site = sessions.find((s) => s.siteId !== null);
    expect(site).toBeDefined();
    const point = value(await t.router.call('sites.get', { id: site?.siteId ?? 0 }));
    expect(text).toContain(point.name);
    expect(text).toContain(point.address);
    if (point.minutesFromSchool !== null) expect(text).toContain(`约${point.minutesFromSchool}分钟`);
    // A point visited on days running on is dated as offices write it, 9月11日—12日, not day by day.
    const revisited = sessions.filter(
      (s) => s.siteId !== null && sessions.some((o) => o.siteId === s.siteId && o.date !== s.date),
    );
    const runOn = revisited.find((s) => revisited.some((o) => o.siteId === s.siteId && o.date === addDays(s.date, 1)));
    expect(runOn).toBeDefined();
    const next = Number(addDays(runOn?.date ?? '2019-01-01', 1).slice(8));
    expect(text).toContain(`${monthDay(runOn?.date ?? '')}—${next}日`);
    const [stay] = value(await t.router.call('lodging.stays', { classId: c.id }));
    if (!stay) throw new Error('the sample class has a stay');
    const village = value(await t.router.call('sites.get', { id: stay.siteId }));
    expect(text).toContain(`${stay.siteName}　2019年`);
    expect(text).toContain(village.contactName === '' ? '村联系人另行通知。' : `村联系人：${village.contactName}`);
    const board = value(await t.router.call('lodging.board', { stayId: stay.id }));
    const hosting = board.households.filter((h) => h.occupants.length > 0);
    expect(hosting.length).toBeGreaterThan(0);
    for (const h of hosting) {
      expect(text).toContain(h.head);
      for (const o of h.occupants) expect(text).toContain(o.name);
    }
    const topics = statement<[number], string>(t.core.db, 'SELECT title FROM report_topics WHERE class_id = ?').pluck().all(c.id);
    expect(topics.length).toBeGreaterThan(0);
    for (const topic of topics) expect(text).toContain(topic);
    const team = value(await t.router.call('staff.team', { classId: c.id }));
    expect(team.length).toBeGreaterThan(0);
    for (const member of team) expect(text).toContain(member.name);
  });

  it('lists a stay at the school’s dormitory by room number, with its address, not as a village’s households', async () => {
    const c = await classNamed('年轻干部');
    const dorm = value(
      await t.router.call('sites.savePoint', {
        fields: { name: '辽源市委党校学员宿舍', kind: '宿舍', address: '辽源市龙山区党校路1号' },
      }),
    ).id;
    for (const [head, hosts] of [
      ['301', 'male'],
      ['302', 'male'],
      ['401', 'female'],
      ['402', 'female'],
    ] as const)
      for (const n of [0, 1, 2, 3, 4])
        value(
          await t.router.call('lodging.saveRoom', {
            siteId: dorm,
            fields: { head: `${head.slice(0, 2)}${Number(head.slice(2)) + n * 2}`, floor: Number(head[0]), beds: 2, hosts },
          }),
        );
    const [village] = value(await t.router.call('lodging.stays', { classId: c.id }));
    if (!village) throw new Error('the sample class has a stay');
    value(await t.router.call('lodging.removeStay', { stayId: village.id }));
    const stay = value(
      await t.router.call('lodging.saveStay', {
        classId: c.id,
        fields: { siteId: dorm, arrive: '2019-09-09', depart: '2019-09-20' },
      }),
    );
    value(await t.router.call('lodging.assign', { stayId: stay.id }));
    const board = value(await t.router.call('lodging.board', { stayId: stay.id }));
    const { text } = await handbookOf(c.id);
    expect(text).toContain('六、住宿安排');
    expect(text).not.toContain('“四同”实践安排');
    const part = text.slice(text.indexOf('\n六、住宿安排\n'), text.indexOf('\n七、作息时间\n'));
    expect(part).toContain('辽源市委党校学员宿舍　2019年9月9日至2019年9月20日（11晚）');
    expect(part).toContain('地址：辽源市龙山区党校路1号');
    expect(part).toContain('房间号');
    for (const word of ['户主', '村联系人', '电话']) expect(part).not.toContain(word);
    for (const room of board.households.filter((h) => h.occupants.length > 0)) {
      expect(part).toContain(`\n${room.head}\n`);
      for (const o of room.occupants) expect(part).toContain(o.name);
    }
  });

  it('takes the school’s own texts from settings and the class’s notes, and leaves the 四同 out when there is no stay', async () => {
    const c = await classNamed('青年干部');
    value(
      await t.router.call('settings.update', {
        handbookNotice: '一、请佩戴学员证。\n二、按时上课。',
        handbookRoutine: '07:10 早餐\n08:00—12:00 上课',
      }),
    );
    const { name, category, startDate, endDate } = c;
    value(
      await t.router.call('classes.update', {
        id: c.id,
        fields: { name, category, startDate, endDate, notes: '请自带笔记本电脑。' },
      }),
    );
    const { text } = await handbookOf(c.id);
    expect(text).toContain('一、请佩戴学员证。');
    expect(text).toContain('本班特别提示');
    expect(text).toContain('请自带笔记本电脑。');
    expect(text).toContain('07:10');
    expect(text).not.toContain('八项规定');
    expect(text).not.toContain('“四同”实践安排');
    expect(text).toContain('八、联系方式');
    // An empty class says what is to come rather than printing empty tables.
    expect(text).toContain('学员名册另行印发。');
  });
});
