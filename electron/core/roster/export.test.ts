import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events';
import { chromiumPlatform, findChromium } from '../../cli/chromium-platform';
import { value } from '../testing/expect-result';
import { csvLines, docxText, docxXml, pdfText, readXlsx } from '../testing/read-documents';
import { idNumber } from '../testing/roster-files';
import { openTempCore, type TempCore } from '../testing/temp-core';

let t: TempCore;
const events: CoreEvent[] = [];
let classId: number;
const zhangId = idNumber('1980-05-06', 123);

beforeAll(async () => {
  t = openTempCore({ platform: chromiumPlatform(), emit: (event) => events.push(event) });
  value(await t.router.call('settings.update', { schoolName: '中共辽源市委党校' }));
  classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-05',
    }),
  ).id;
  const people = [
    {
      name: '张三',
      idNumber: zhangId,
      unit: '辽源市龙山区人民政府',
      position: '副区长',
      phone: '13943100001',
      politicalStatus: '中共党员',
    },
    { name: '李四', sex: 'female', unit: '东辽县安石镇人民政府', position: '副镇长', phone: '13943100002', birthDate: '1982-03' },
    { name: '王五', sex: 'male', unit: '=HYPERLINK("http://evil.example","点我")', position: '+科长', phone: '13943100003' },
    { name: '赵六', sex: 'male', unit: '辽源市财政局', position: '科长', phone: '13943100004' },
  ];
  for (const [i, trainee] of people.entries()) {
    value(
      await t.router.call('roster.add', { classId, trainee, enrolment: { group: (i % 2) + 1, role: i === 0 ? '组长' : '' } }),
    );
  }
});
afterAll(() => t.dispose());

const exportTo = async (name: string, input: Record<string, unknown>) => {
  const path = join(t.dir, name);
  value(await t.router.call('roster.export', { classId, grant: t.grant(path, 'export'), ...input }));
  return path;
};

describe('exporting a roster', () => {
  it('as .xlsx: title and school, borders, frozen header, A4 landscape with repeating header, masked personal data', async () => {
    const path = await exportTo('名册.xlsx', {
      document: 'roster',
      format: 'xlsx',
      columns: ['seq', 'name', 'sex', 'birthDate', 'idNumber', 'unit', 'position', 'politicalStatus', 'phone', 'group', 'role'],
    });
    const { sheet, rows } = await readXlsx(path);
    expect(rows[0]?.[0]).toBe('2019年市管干部培训班学员名册');
    expect(rows[1]?.[0]).toContain('中共辽源市委党校');
    expect(rows[2]).toEqual([
      '序号',
      '姓名',
      '性别',
      '出生年月',
      '身份证号',
      '工作单位',
      '职务',
      '政治面貌',
      '联系电话',
      '小组',
      '班委',
    ]);
    const zhang = rows.find((row) => row[1] === '张三');
    // 王 (4 strokes) comes before 张 (7) in stroke order.
    expect(zhang).toEqual([
      '2',
      '张三',
      '男',
      '1980.05',
      `220402${'*'.repeat(11)}${zhangId.slice(-1)}`,
      '辽源市龙山区人民政府',
      '副区长',
      '中共党员',
      '139****0001',
      '第一组',
      '组长',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '3:3' });
    expect(sheet.getCell('B4').border.top?.style).toBe('thin');
    expect(sheet.getCell('A1').isMerged).toBe(true);
    // No cell of the file is a formula, whatever a unit was called: in .xlsx a text cell is text, so
    // what the person typed is shown as typed, without the apostrophe CSV needs.
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(cells.some((cell) => typeof cell === 'object' && cell !== null && 'formula' in cell)).toBe(false);
    expect(rows.find((row) => row[1] === '王五')?.[5]).toBe('=HYPERLINK("http://evil.example","点我")');
    expect(rows.find((row) => row[1] === '王五')?.[6]).toBe('+科长');
    const parts = unzipSync(readFileSync(path));
    const worksheet = strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(worksheet).toContain('<sheetData>');
    expect(worksheet).not.toMatch(/<f[\s>]/);
  });

  it('with full ID numbers and phones only when ticked, and every export logged', async () => {
    const path = await exportTo('名册-完整.xlsx', {
      document: 'roster',
      format: 'xlsx',
      columns: ['name', 'idNumber', 'phone'],
      reveal: { idNumber: true, phone: true },
    });
    const { rows } = await readXlsx(path);
    expect(rows.find((row) => row[0] === '张三')).toEqual(['张三', zhangId, '13943100001']);
    const log = t.core.db.prepare(`SELECT summary FROM audit_log WHERE action = 'export' ORDER BY id`).pluck().all() as string[];
    expect(log.at(-1)).toMatch(/^导出“2019年市管干部培训班”学员名册（XLSX，4 人，含完整身份证号、完整电话）到 /);
    expect(log.length).toBeGreaterThanOrEqual(2);
  });

  it('logs the export before any file is written, and says so when the file could not be', async () => {
    const entries = () => t.core.db.prepare(`SELECT summary, after FROM audit_log WHERE action = 'export' ORDER BY id`).all();
    const before = entries().length;
    // A folder that has gone (a USB stick pulled out after the save dialog closed).
    const gone = join(t.dir, 'no-such-folder', '名册.xlsx');
    const result = await t.router.call('roster.export', {
      classId,
      grant: t.grant(gone, 'export'),
      document: 'roster',
      format: 'xlsx',
      reveal: { idNumber: true },
    });
    expect(result.ok).toBe(false);
    expect(existsSync(join(t.dir, 'no-such-folder'))).toBe(false);
    const added = entries().slice(before) as { summary: string; after: string | null }[];
    expect(added.map((entry) => entry.summary)).toEqual([
      expect.stringMatching(/^导出“2019年市管干部培训班”学员名册（XLSX，4 人，含完整身份证号）到 /),
      expect.stringMatching(/^导出未完成，文件没有写入（导出“2019年市管干部培训班”学员名册.*）：无法写入文件/),
    ]);
    expect(JSON.parse(added[1]?.after ?? '{}')).toEqual({ written: false });
  });

  it('as .docx: A4 landscape, a repeating header row, the same rows', async () => {
    const path = await exportTo('名册.docx', {
      document: 'roster',
      format: 'docx',
      columns: [
        'seq',
        'name',
        'sex',
        'unit',
        'position',
        'politicalStatus',
        'education',
        'phone',
        'group',
        'role',
        'notes',
        'idNumber',
        'rank',
      ],
    });
    const text = docxText(path);
    expect(text).toContain('2019年市管干部培训班学员名册');
    expect(text).toContain('中共辽源市委党校');
    expect(text).toContain('辽源市龙山区人民政府');
    expect(text).not.toContain(zhangId);
    const xml = docxXml(path);
    expect(xml).toMatch(/<w:pgSz[^>]*w:orient="landscape"/);
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml);
    expect(Number(size?.[1])).toBeGreaterThan(Number(size?.[2]));
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('as .csv for Chinese Excel: GB18030 by default, UTF-8 with a BOM on request, no formulas', async () => {
    const gb = csvLines(await exportTo('名册.csv', { document: 'roster', format: 'csv', columns: ['name', 'unit'] }), 'gb18030');
    expect(gb.bom).toBe(false);
    expect(gb.lines[0]).toBe('姓名,工作单位');
    expect(gb.lines).toContain('张三,辽源市龙山区人民政府');
    expect(gb.lines).toContain(`王五,"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    const utf = csvLines(
      await exportTo('名册-utf8.csv', { document: 'roster', format: 'csv', columns: ['name'], csvEncoding: 'utf8bom' }),
      'utf8bom',
    );
    expect(utf.bom).toBe(true);
    expect(utf.lines).toContain('张三');
  });

  it('group list and contact list', async () => {
    const groups = docxText(await exportTo('分组.docx', { document: 'groups', format: 'docx' }));
    expect(groups).toContain('2019年市管干部培训班分组名单');
    expect(groups).toMatch(/第一组（2 人）　组长：张三/);
    expect(groups).toContain('第二组（2 人）');
    const { rows } = await readXlsx(await exportTo('通讯录.xlsx', { document: 'contacts', format: 'xlsx' }));
    expect(rows[2]).toEqual(['序号', '姓名', '工作单位', '职务', '联系电话', '小组']);
    expect(rows.find((row) => row[1] === '李四')?.[4]).toBe('139****0002');
  });

  it('sign-in sheet as .docx: one page per day with empty signature cells', async () => {
    const text = docxText(await exportTo('签到.docx', { document: 'signin', format: 'docx' }));
    expect(text).toContain('2019年市管干部培训班签到表');
    for (const day of ['2019年6月3日（星期一）', '2019年6月4日（星期二）', '2019年6月5日（星期三）']) expect(text).toContain(day);
    expect(docxXml(join(t.dir, '签到.docx')).match(/w:pageBreakBefore/g)?.length).toBe(2);
  });

  it('sign-in sheet per session: a page per session, only the groups that attend, teacher and place', async () => {
    const refused = await t.router.call('roster.export', {
      classId,
      grant: t.grant(join(t.dir, '无课.docx'), 'export'),
      document: 'signin',
      format: 'docx',
      signinBy: 'session',
    });
    expect(refused.ok || refused.error.details).toMatchObject({ issues: [{ field: 'signinBy' }] });
    if (!refused.ok) expect(refused.error.message).toContain('还没有课程安排');

    const teacher = value(await t.router.call('staff.create', { name: '韩丽', roles: ['授课教师'] })).id;
    const lecture = value(
      await t.router.call('schedule.save', {
        classId,
        session: {
          date: '2019-06-03',
          start: '08:30',
          end: '11:30',
          title: '乡村振兴战略解读',
          teacherIds: [teacher],
          place: '第一教室',
        },
      }),
    ).session;
    value(
      await t.router.call('schedule.save', {
        classId,
        session: {
          date: '2019-06-04',
          start: '14:00',
          end: '17:00',
          title: '现场教学：朝阳村',
          place: '安石镇朝阳村',
          groups: [2],
        },
        accept: [{ kind: 'no_teacher', reason: '村党支部书记现场讲解' }],
      }),
    );
    const docx = await exportTo('课程签到.docx', { document: 'signin', format: 'docx', signinBy: 'session' });
    const text = docxText(docx);
    expect(text).toContain('6月3日（星期一）上午 08:30—11:30　乡村振兴战略解读');
    expect(text).toContain('授课人：韩丽　地点：第一教室　应到 4 人');
    expect(text).toContain('6月4日（星期二）下午 14:00—17:00　现场教学：朝阳村');
    expect(text).toContain('地点：安石镇朝阳村　应到 2 人（第二组）');
    expect(docxXml(docx).match(/w:pageBreakBefore/g)?.length).toBe(1);
    // Group 2 is 李四 and 赵六 (every second person added): the field visit's page lists only them.
    const fieldPage = text.slice(text.indexOf('现场教学：朝阳村'));
    expect(fieldPage).toContain('李四');
    expect(fieldPage).not.toContain('张三');

    const one = docxText(await exportTo('一节课.docx', { document: 'signin', format: 'docx', sessionId: lecture.id }));
    expect(one).toContain('乡村振兴战略解读');
    expect(one).not.toContain('朝阳村');

    // Another class's session, or a session with another document: refused, nothing written.
    const other = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2019年青年干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-05',
      }),
    ).id;
    const foreign = value(
      await t.router.call('schedule.save', {
        classId: other,
        session: { date: '2019-06-03', start: '19:00', end: '21:00', title: '学员论坛', place: '报告厅' },
        accept: [{ kind: 'no_teacher', reason: '学员自己主持' }],
      }),
    ).session;
    for (const [input, field] of [
      [{ document: 'signin', sessionId: foreign.id }, 'sessionId'],
      [{ document: 'roster', signinBy: 'session' }, 'signinBy'],
    ] as const) {
      const path = join(t.dir, `拒绝-${field}.docx`);
      const result = await t.router.call('roster.export', { classId, grant: t.grant(path, 'export'), format: 'docx', ...input });
      expect(result.ok || result.error.details).toMatchObject({ issues: [{ field }] });
      expect(existsSync(path)).toBe(false);
    }
  });

  const pdf = findChromium() ? it : it.skip;
  if (!findChromium()) console.log('PDF export tests skipped: no Chromium, Chrome or Edge on this machine');

  pdf('as PDF, printed by Chromium: roster and a three-day sign-in sheet', async () => {
    const roster = await pdfText(await exportTo('名册.pdf', { document: 'roster', format: 'pdf' }));
    expect(roster.pages).toBe(1);
    for (const text of ['2019年市管干部培训班学员名册', '中共辽源市委党校', '张三', '辽源市龙山区人民政府', '139****0001'])
      expect(roster.text).toContain(text);
    // The sessions planned in the test above fall on 6月3日 and 6月4日: no page for 6月5日, unless every day is asked for.
    const signin = await pdfText(await exportTo('签到.pdf', { document: 'signin', format: 'pdf' }));
    expect(signin.pages).toBe(2);
    expect(signin.text).toContain('2019年6月4日（星期二）');
    expect(signin.text).not.toContain('2019年6月5日');
    expect(signin.text).toContain('上午签到');
    // The progress names the step that takes the time: Chromium printing, then the file written.
    const everyDay = await pdfText(
      await exportTo('签到全部.pdf', { document: 'signin', format: 'pdf', allDays: true, jobId: 'signin-pdf' }),
    );
    const phases = events
      .filter((event) => event.jobId === 'signin-pdf')
      .map((event) => `${event.phase} ${event.done}/${event.total}`);
    expect(phases).toEqual(['prepare 0/1', 'print 0/1', 'write 0/1', 'write 1/1']);
    expect(everyDay.pages).toBe(3);
    expect(everyDay.text).toContain('2019年6月5日（星期三）');
    // A page per session planned in the test above, each with its teacher, place and expected count.
    const perSession = await pdfText(await exportTo('课程签到.pdf', { document: 'signin', format: 'pdf', signinBy: 'session' }));
    expect(perSession.pages).toBe(2);
    expect(perSession.text).toContain('授课人：韩丽');
    expect(perSession.text).toContain('应到 2 人（第二组）');
  });
});
