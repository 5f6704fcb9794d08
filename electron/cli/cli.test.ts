import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TrainingClass } from '../../shared/classes/schemas';
import { openCore } from '../core/open';
import { docxText, pdfText, readXlsx } from '../core/testing/read-documents';
import { reportText, writeReportDocx } from '../core/testing/report-files';
import { idNumber, messyRoster, standardRoster, writeBook } from '../core/testing/roster-files';
import { expectedRate, madeAnswers, questionTexts, tencentRows, wjxRows, writeExport } from '../core/testing/survey-exports';
import { makeTempDir, snapshot } from '../core/testing/temp-core';
import { writeOfficeTable } from '../core/testing/office-table';
import { run } from './run';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

// The CLI in-process: the same run() the entry point calls, with its output captured.
const cadre = async (...args: string[]) => {
  const out: string[] = [];
  const errors: string[] = [];
  const code = await run(args, { stdout: (s) => out.push(s), stderr: (s) => errors.push(s), env: { CADRE_DATA_DIR: temp.dir } });
  return { code, stdout: out.join('\n'), stderr: errors.join('\n') };
};

const databaseState = () => {
  const opened = openCore({ dataDir: temp.dir });
  try {
    return snapshot(opened.core.db);
  } finally {
    opened.close();
  }
};

// A sign-in sheet with a page per session of class 2019-001.
const signinBySession = (out: string) =>
  [
    'roster',
    'export',
    '--class',
    '2019-001',
    '--document',
    'signin',
    '--by',
    'session',
    '--format',
    'docx',
    '--out',
    out,
  ] as const;

describe('command line', () => {
  it('describes --site as an option, and the roster import as it works (bad rows left out, the rest written)', async () => {
    const households = await cadre('households', 'import', '--help');
    expect(households.stdout).toContain('教学点（名称或编号）：接待农户所在的村，或宿舍、宾馆');
    expect(households.stdout).not.toContain('请用 --site');
    // A hotel's rooms are imported with the same option: its help does not send the 班主任 to a village.
    const rooms = await cadre('rooms', 'import', '--help');
    expect(rooms.stdout).toContain('宿舍、宾馆');
    const roster = await cadre('roster', 'import', '--help');
    expect(roster.stdout).toContain('有问题的行不导入');
    expect(roster.stdout).not.toContain('全部成功或全部不导入');
  });

  it('creates, lists (with pinyin search) and shows classes', async () => {
    const created = await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '市管干部培训班',
      '--location',
      '辽源市委党校',
      '--json',
    );
    expect(created.code).toBe(0);
    const createdClass = JSON.parse(created.stdout) as TrainingClass;
    expect(createdClass).toMatchObject({
      code: '2019-001',
      name: '2019年市管干部培训班',
      location: '辽源市委党校',
      status: 'planning',
    });

    await cadre(
      'class',
      'create',
      '--name',
      '2020年主体班',
      '--start',
      '2020-03-02',
      '--end',
      '2020-03-06',
      '--category',
      '主体班',
    );
    const listed = await cadre('class', 'list', '--year', '2019', '--json');
    expect((JSON.parse(listed.stdout) as TrainingClass[]).map((c) => c.code)).toEqual(['2019-001']);
    const searched = await cadre('class', 'list', '--search', 'sggb', '--json');
    expect((JSON.parse(searched.stdout) as TrainingClass[]).map((c) => c.name)).toEqual(['2019年市管干部培训班']);
    const byStatus = await cadre('class', 'list', '--status', '筹备中');
    expect(byStatus.stdout).toContain('共 2 个班次');

    const shown = await cadre('class', 'show', '2019-001');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('2019年市管干部培训班');
    expect(shown.stdout).toContain('2019-06-03 至 2019-06-14');
    const byId = await cadre('class', 'show', String(createdClass.id), '--json');
    expect(JSON.parse(byId.stdout)).toEqual(createdClass);
  });

  it('reports bad input on stderr with a non-zero exit code and changes nothing', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2020年主体班',
      '--start',
      '2020-03-02',
      '--end',
      '2020-03-06',
      '--category',
      '主体班',
    );
    const before = databaseState();

    const reversed = await cadre(
      'class',
      'create',
      '--name',
      '倒序',
      '--start',
      '2020-03-06',
      '--end',
      '2020-03-02',
      '--category',
      '主体班',
    );
    expect(reversed).toMatchObject({ code: 1, stdout: '' });
    expect(reversed.stderr).toContain('结束日期不能早于开始日期');

    const many = await cadre('class', 'create', '--name', '', '--start', '2020-02-30', '--end', 'tomorrow', '--planned', '-5');
    expect(many.code).toBe(1);
    expect(many.stderr).toContain('请填写“班次名称”');
    // No --category: the person names one, as in the form (no silent 主体班).
    expect(many.stderr).toContain('请填写“班次类别”');
    expect(many.stderr).toContain('“开始日期”不是有效日期');
    expect(many.stderr).toContain('“计划人数”');

    const asJson = await cadre(
      'class',
      'create',
      '--name',
      'x',
      '--start',
      '2020-03-02',
      '--end',
      '2020-03-06',
      '--category',
      '外星班',
      '--json',
    );
    expect(asJson.code).toBe(1);
    expect(JSON.parse(asJson.stderr)).toMatchObject({
      error: { code: 'INVALID_INPUT', details: { issues: [{ field: 'category' }] } },
    });

    const unknownOption = await cadre('class', 'create', '--nmae', 'x');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toContain('未知的选项“--nmae”');
    const missingValue = await cadre('class', 'list', '--year');
    expect(missingValue.stderr).toContain('选项“--year”需要一个值');
    const notFound = await cadre('class', 'show', '2031-001');
    expect(notFound).toMatchObject({ code: 1 });
    expect(notFound.stderr).toContain('找不到班次“2031-001”');
    const unknownCommand = await cadre('class', 'explode');
    expect(unknownCommand.code).toBe(2);
    expect(unknownCommand.stderr).toContain('未知的命令');

    expect(databaseState()).toBe(before);
  });

  it('splits a roster’s 工作单位及职务 into unit and position, says which rows to check, or keeps it whole', async () => {
    for (const [name, start] of [
      ['2019年市管干部培训班', '2019-06-03'],
      ['2019年青年干部培训班', '2019-07-01'],
    ] as const)
      await cadre('class', 'create', '--name', name, '--start', start, '--end', start, '--category', '主体班');
    const file = writeBook(join(temp.dir, '组织部名单.xlsx'), [
      ['姓名', '性别', '单位及职务'],
      ['张伟', '男', '东丰县委组织部副部长'],
      ['杨洋', '男', '西安区灯塔镇党委副书记、镇长'],
      ['郭亮', '男', '辽源市龙山区东盛街道联络员'],
    ]);
    const split = await cadre('roster', 'import', '--class', '2019-001', file);
    expect(split.code).toBe(0);
    expect(split.stdout).toContain('“单位及职务”（C 列）已分为工作单位和职务，其中 1 行分不清，整段记为工作单位');
    expect(split.stdout).toContain('第 4 行 C 列：“辽源市龙山区东盛街道联络员”分不清哪里是单位、哪里是职务');
    const listed = JSON.parse((await cadre('roster', 'list', '--class', '2019-001', '--json')).stdout) as {
      name: string;
      unit: string;
      position: string;
    }[];
    expect(listed.find((entry) => entry.name === '杨洋')).toMatchObject({ unit: '西安区灯塔镇', position: '党委副书记、镇长' });
    const whole = await cadre('roster', 'import', '--class', '2019-002', file, '--keep-unit-position');
    expect(whole.stdout).toContain('“单位及职务”（C 列）未分开，整段作为工作单位导入');
  });

  it('imports, lists and exports a roster', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '主体班',
    );
    const imported = await cadre('roster', 'import', '--class', '2019-001', messyRoster(temp.dir));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('新增 5 人，更新 0 人，未变 0 人，拒绝 1 行');
    expect(imported.stdout).toContain('未导入的列：年龄');
    expect(imported.stdout).toMatch(/第 9 行（陈红梅）：F列：身份证号已被 Excel 转成数字/);
    // Its 工作单位及职务 column holds units only (the posts are in 职务): split, nothing to check.
    expect(imported.stdout).toContain('“工作单位及职务”（G 列）已分为工作单位和职务');
    const again = await cadre('roster', 'import', '--class', '2019-001', messyRoster(temp.dir), '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({
      counts: { added: 0, updated: 0, unchanged: 5, rejected: 1 },
      rejected: [{ row: 9 }],
    });

    const listed = await cadre('roster', 'list', '--class', '2019-001', '--json');
    const entries = JSON.parse(listed.stdout) as { name: string; idNumberMasked: string; idNumber?: string }[];
    expect(entries.map((e) => e.name)).toContain('单田芳');
    expect(entries.every((e) => e.idNumber === undefined && /\*{8}/.test(e.idNumberMasked))).toBe(true);
    const revealed = await cadre('roster', 'list', '--class', '2019-001', '--reveal', '--sort', 'pinyin');
    expect(revealed.stdout).toMatch(/220402\d{11}[\dX]/);

    const out = `${temp.dir}/导出.xlsx`;
    const exported = await cadre('roster', 'export', '--class', '2019-001', '--format', 'xlsx', '--out', out);
    expect(exported.stdout).toContain('已导出 5 行');
    expect((await readXlsx(out)).rows[0]?.[0]).toBe('2019年市管干部培训班学员名册');
    // Masked numbers are said to be masked, with the way to have them whole.
    expect(exported.stdout).toContain('电话只写出部分数字；需要完整号码请加 --reveal');
    const contacts = await cadre(
      'roster',
      'export',
      '--class',
      '2019-001',
      '--document',
      'contacts',
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(contacts.stdout).toContain('电话只写出部分数字');
    const whole = await cadre(
      'roster',
      'export',
      '--class',
      '2019-001',
      '--document',
      'contacts',
      '--format',
      'xlsx',
      '--reveal',
      '--out',
      out,
    );
    expect(whole.stdout).not.toContain('部分数字');
    expect((await readXlsx(out)).rows.flat().join(' ')).toMatch(/1\d{10}/);
    const withIds = await cadre(
      'roster',
      'export',
      '--class',
      '2019-001',
      '--columns',
      'name,idNumber',
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(withIds.stdout).toContain('身份证号只写出部分数字');

    const before = databaseState();
    const bigger = standardRoster(temp.dir, 3);
    const wrongClass = await cadre('roster', 'import', '--class', '2030-001', bigger);
    expect(wrongClass).toMatchObject({ code: 1 });
    expect(wrongClass.stderr).toContain('找不到班次“2030-001”');
    const badFormat = await cadre('roster', 'export', '--class', '2019-001', '--format', 'odt', '--out', out);
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toContain('“格式”的取值“odt”无效');
    const noSessions = await cadre(...signinBySession(`${temp.dir}/签到.docx`));
    expect(noSessions.code).toBe(1);
    expect(noSessions.stderr).toContain('该班次还没有课程安排');
    const noFile = await cadre('roster', 'import', '--class', '2019-001');
    expect(noFile.code).toBe(2);
    expect(databaseState().replace(/"at":"[^"]+"/g, '')).toBe(before.replace(/"at":"[^"]+"/g, ''));
  });

  it('checks trainees in by name, initials or ID number, lists who has not arrived, and never guesses', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '主体班',
    );
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(temp.dir, 12))).code).toBe(0);
    const opened = openCore({ dataDir: temp.dir });
    const people = opened.core.db
      .prepare('SELECT name, name_pinyin AS pinyin, id_number AS id FROM trainees ORDER BY id')
      .all() as {
      name: string;
      pinyin: string;
      id: string;
    }[];
    opened.close();
    const [first, second] = people;
    if (!first || !second) throw new Error('no roster');

    const byName = await cadre('checkin', '--class', '2019-001', first.name);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toContain(`“${first.name}”报到`);
    const byId = await cadre('checkin', '--class', '2019-001', second.id.toLowerCase());
    expect(byId.code).toBe(0);
    expect(byId.stdout).toContain(`“${second.name}”报到`);

    // Initials shared by two people: the choices are printed, exit 1, and nothing is written.
    const initials = (pinyin: string) =>
      pinyin
        .split(' ')
        .map((syllable) => syllable[0])
        .join('');
    const shared = people.find((p, i) =>
      people.some((q, j) => j !== i && initials(q.pinyin).startsWith(initials(p.pinyin).slice(0, 1))),
    );
    const before = databaseState();
    const ambiguous = await cadre('checkin', '--class', '2019-001', initials(shared?.pinyin ?? 'x').slice(0, 1));
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stdout).toMatch(/位学员与.*相符，请选择/);
    expect(databaseState()).toBe(before);
    const nobody = await cadre('checkin', '--class', '2019-001', '欧阳修');
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toContain('名册中没有与“欧阳修”相符的学员');
    expect((await cadre('checkin', '--class', '2019-001')).code).not.toBe(0);
    expect(databaseState()).toBe(before);

    const listed = await cadre('checkin', 'list', '--class', '2019-001');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('已报到 2 / 应到 12 人，迟到 0，请假 0，报到率 16.7%');
    expect(listed.stdout).not.toContain(second.id);
    const missing = await cadre('checkin', 'list', '--class', '2019-001', '--missing', '--json');
    const rows = (JSON.parse(missing.stdout) as { units: { rows: { name: string; phoneMasked: string }[] }[] }).units.flatMap(
      (unit) => unit.rows,
    );
    expect(rows).toHaveLength(10);
    expect(rows.map((row) => row.name)).not.toContain(first.name);
    expect(rows.every((row) => row.phoneMasked === '' || row.phoneMasked.includes('****'))).toBe(true);
  });

  it('says which columns of a roster and a schedule it did not import, and imports the rest', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '主体班',
    );
    const table = (name: string, labels: string[], rows: string[][]) =>
      writeOfficeTable(join(temp.dir, name), { title: name, labels, rows });
    const roster = await table(
      '名册.xlsx',
      ['序号', '姓名', '年龄', '身份证号', '组别', '籍贯'],
      [
        ['1', '王建国', '45岁', idNumber('1979-03-12', 11), '第2组', '吉林东丰'],
        ['2', '李秀英', '38岁', idNumber('1986-07-01', 22), '３组', '辽宁铁岭'],
      ],
    );
    const imported = await cadre('roster', 'import', '--class', '2019-001', roster);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('未导入的列：年龄、籍贯');
    expect(imported.stdout).not.toMatch(/未导入的列：[^\n]*序号/);
    expect(imported.stdout).toContain('新增 2 人');
    const json = await cadre('roster', 'import', '--class', '2019-001', roster, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ ignoredColumns: ['年龄', '籍贯'], counts: { unchanged: 2 } });
    const listed = JSON.parse((await cadre('roster', 'list', '--class', '2019-001', '--sort', 'group', '--json')).stdout) as {
      name: string;
      group: number | null;
    }[];
    expect(listed.map((entry) => [entry.name, entry.group])).toEqual([
      ['王建国', 2],
      ['李秀英', 3],
    ]);
    // A .csv (GBK, as Excel saves one) has no worksheet to name.
    const csv = join(temp.dir, '名册.csv');
    writeFileSync(csv, iconv.encode(['序号,姓名,性别,工作单位', '1,赵敏,女,辽源市财政局'].join('\r\n'), 'gbk'));
    expect((await cadre('roster', 'import', '--class', '2019-001', csv)).stdout).toMatch(
      /^文件：名册\.csv（表头在第 1 行，1 行数据）\n新增 1 人/,
    );

    const schedule = await table(
      '课表.xlsx',
      ['序号', '日期', '星期', '时间', '课程内容', '学时', '联系人'],
      [
        ['1', '6月3日', '星期一', '上午 8:30-11:30', '开班式', '3学时', '王老师'],
        ['2', '6月4日', '星期二', '下午', '专题辅导', '３学时', ''],
      ],
    );
    // A lecturer the 师资库 does not have: the terminal names the option that adds them, and the row (the header stands on row 3).
    const withLecturer = await table(
      '课表-授课人.xlsx',
      ['日期', '时间', '课程内容', '授课人'],
      [['6月5日', '上午', '现场教学', '刘村长']],
    );
    const lecturer = await cadre('schedule', 'import', '--class', '2019-001', withLecturer);
    expect(lecturer.code).toBe(1);
    expect(lecturer.stderr).toContain('授课人 刘村长（第 4 行） 不在师资库中，未导入任何课程：加上 --add-teachers');
    const sessions = await cadre('schedule', 'import', '--class', '2019-001', schedule);
    expect(sessions.code).toBe(0);
    expect(sessions.stdout).toContain('未导入的列：学时、联系人');
    expect(sessions.stdout).toContain('已导入 2 节课');
  });

  it('exports a schedule for a class and a teacher’s sessions as a calendar', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '主体班',
    );
    const opened = openCore({ dataDir: temp.dir });
    const teacher = await opened.router.call('staff.create', { name: '韩丽', organisation: '安石镇朝阳村' });
    if (!teacher.ok) throw new Error(teacher.error.message);
    await opened.router.call('schedule.save', {
      classId: 1,
      session: {
        date: '2019-06-03',
        start: '14:00',
        end: '17:00',
        title: '朝阳村现场教学',
        format: '现场教学',
        teacherIds: [teacher.value.id],
        place: '安石镇朝阳村',
      },
    });
    opened.close();
    const out = `${temp.dir}/课程安排表.xlsx`;
    const exported = await cadre('schedule', 'export', '--class', '2019-001', '--format', 'xlsx', '--out', out);
    expect(exported.stdout).toContain('已导出 1 节课');
    expect((await readXlsx(out)).rows[3]).toContain('朝阳村现场教学');
    // The exported table read back into next year's class on the same days; into its own class it
    // would put the teacher in two places at once, and nothing is imported.
    await cadre(
      'class',
      'create',
      '--name',
      '2020年市管干部培训班',
      '--start',
      '2020-06-03',
      '--end',
      '2020-06-14',
      '--category',
      '主体班',
    );
    const imported = await cadre('schedule', 'import', '--class', '2020-001', out);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toContain('已导入 1 节课');
    const twice = await cadre('schedule', 'import', '--class', '2019-001', out);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('未导入任何课程');
    const ics = `${temp.dir}/韩丽.ics`;
    expect((await cadre('schedule', 'export', '--teacher', '韩丽', '--format', 'ics', '--out', ics)).code).toBe(0);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(ics, 'utf8')).toContain('DTSTART;TZID=Asia/Shanghai:20190603T140000');
    const signin = `${temp.dir}/课程签到表.docx`;
    const perSession = await cadre(...signinBySession(signin));
    expect(perSession.code).toBe(0);
    expect(docxText(signin)).toContain('2019年6月3日（星期一）下午 14:00—17:00　朝阳村现场教学');
    const both = await cadre('schedule', 'export', '--format', 'ics', '--out', ics);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('二选一');
  });

  it('keeps sites, staff and households from spreadsheets, and places a class in a village', async () => {
    const base = join(temp.dir, 'in');
    mkdirSync(base);
    const sites = writeBook(join(base, '教学点.xlsx'), [
      ['序号', '基地', '教学点名称', '类型', '容纳人数', '距党校车程（分钟）', '联系人微信'],
      [1, '安石镇朝阳村', '安石镇朝阳村', '村', '60人', '约50分钟', 'wx-1'],
      [2, '辽河源现代生态农业产业园', '秋硕合作社', '合作社', 50, 50, ''],
    ]);
    expect((await cadre('sites', 'import', sites)).stdout).toBe(
      '基地：新增 2 个；教学点：新增 2 个，更新 0 个，未变 0 个\n未导入的列：联系人微信',
    );
    const listed = await cadre('sites', 'list', '--json');
    expect(
      (JSON.parse(listed.stdout) as { bases: { points: { name: string }[] }[] }).bases.flatMap((b) =>
        b.points.map((p) => p.name),
      ),
    ).toEqual(['秋硕合作社', '安石镇朝阳村']); // the bases in stroke order: 辽 (5) before 安 (6)
    expect((await cadre('sites', 'list', '--search', 'qs')).stdout).toContain('秋硕合作社');
    const households = writeBook(join(base, '农户.xlsx'), [
      ['序号', '户主姓名', '联系电话', '可住人数', '接待性别', '备注2'],
      [1, '王德福', '0437-5550101', '4张床', '均可', ''],
      [2, '李桂兰', '0437-5550102', '3 张', '女', '新装修'],
      [3, '张宝山', '0437-5550103', '２', '男', ''],
    ]);
    expect((await cadre('households', 'import', '--site', '安石镇朝阳村', households)).stdout).toBe(
      '“安石镇朝阳村”：新增 3 户，更新 0 户，未变 0 户\n未导入的列：备注2',
    );
    const notVillage = await cadre('households', 'import', '--site', '秋硕合作社', households);
    expect(notVillage.code).toBe(1);
    expect(notVillage.stderr).toContain('“秋硕合作社”的类型不是“村”“宿舍”或“宾馆”，不能登记接待农户或房间');
    const staff = writeBook(join(base, '师资.xlsx'), [
      ['序号', '姓名', '性别', '单位', '职务/职称', '类别'],
      [1, '韩丽', '女', '东辽县安石镇朝阳村', '村党支部书记', '外聘'],
    ]);
    expect((await cadre('staff', 'import', staff)).stdout).toBe('新增 1 人，更新 0 人，未变 0 人\n未导入的列：性别');
    expect((await cadre('staff', 'list')).stdout).toMatch(/韩丽\s+东辽县安石镇朝阳村\s+村党支部书记\s+外聘/);

    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(base, 12))).code).toBe(0);
    const assign = [
      'lodging',
      'assign',
      '--class',
      '2019-001',
      '--site',
      '安石镇朝阳村',
      '--from',
      '2019-09-11',
      '--to',
      '2019-09-13',
    ];
    const placed = await cadre(...assign, '--json');
    const result = JSON.parse(placed.stdout) as {
      placements: unknown[];
      unplaced: { reason: string }[];
      figures: { placed: number };
    };
    // Nine beds for twelve people: nine placed, the others listed with the reason, and exit code 3.
    expect(result.figures.placed).toBe(9);
    expect(result.unplaced).toHaveLength(3);
    expect(placed.code).toBe(3);
    const shown = await cadre(...assign);
    expect(shown.stdout).toContain('2019年年轻干部培训班　安石镇朝阳村　2019年9月11日 入住，2019年9月13日 离开（2 晚）');
    // Run again: the placed keep their beds, and the command says so.
    expect(shown.stdout).toContain(
      '安排 9/12 人，用 3 户；同一单位同住一户最多 1 人；班委同住一户最多 0 人；独住一户 0 人\n已安排的人住处都没有变\n未能安排 3 人：',
    );
    expect((JSON.parse((await cadre(...assign, '--json')).stdout) as { moved: unknown[] }).moved).toEqual([]);
    expect(shown.stdout).toMatch(/\n {2}.+（男，未分组）：男学员床位不足：还差 2 张/);
    // 每户至少安排 2 人 set (on the settings page), and one woman left among men: the command names her
    // as alone, with why, under the same words as the screen.
    const opened = openCore({ dataDir: temp.dir });
    try {
      const { core, router } = opened;
      expect((await router.call('settings.update', { lodgingTogether: true })).ok).toBe(true);
      core.db
        .prepare(
          "UPDATE trainees SET sex = 'male' WHERE sex = 'female' AND id > (SELECT min(id) FROM trainees WHERE sex = 'female')",
        )
        .run();
    } finally {
      opened.close();
    }
    const together = await cadre(...assign, '--rearrange');
    expect(together.stdout).toMatch(
      /\n已设置“每户至少安排 2 人”，仍有 1 人独住一户：\n {2}“(.+)”独住“李桂兰”家：这次住宿只有“\1”一名女学员，没有同性别的人可以同住\n/,
    );
    const out = join(temp.dir, '农户入住名单.xlsx');
    expect(
      (
        await cadre(
          'lodging',
          'export',
          '--class',
          '2019-001',
          '--site',
          '安石镇朝阳村',
          '--document',
          'households',
          '--format',
          'xlsx',
          '--out',
          out,
        )
      ).code,
    ).toBe(0);
    expect((await readXlsx(out)).rows.flat().some((cell) => String(cell).startsWith('户主：王德福'))).toBe(true);
  });

  it('places a grouped class in a hotel’s rooms typed as the front desk types them, and counts rooms, not households', async () => {
    const base = join(temp.dir, 'in');
    mkdirSync(base);
    expect(
      (
        await cadre(
          'sites',
          'import',
          writeBook(join(base, '教学点.xlsx'), [
            ['教学点名称', '类型'],
            ['东辽河宾馆', '宾馆'],
          ]),
        )
      ).code,
    ).toBe(0);
    const rooms = writeBook(join(base, '房间预留表.xlsx'), [
      ['东辽河宾馆房间预留表'],
      ['序号', '房间号', '楼层', '房型', '床位', '性别', '价格'],
      [1, '301室', '3楼', '标准间', '标间', '男', '260元'],
      [2, '302室', '3楼', '标准间', '标间', '男', '260元'],
      [3, 'A401', '四楼', '标准间', '2床', '女', '260元'],
      [4, 'A405', '四楼', '大床房', '单间', '不限', '300元'],
    ]);
    expect((await cadre('rooms', 'import', '--site', '东辽河宾馆', rooms)).stdout).toBe(
      '“东辽河宾馆”：新增 4 间，更新 0 间，未变 0 间\n未导入的列：房型、价格',
    );
    await cadre(
      'class',
      'create',
      '--name',
      '2019年秋季中青年干部培训班',
      '--start',
      '2019-10-14',
      '--end',
      '2019-10-25',
      '--category',
      '主体班',
    );
    const roster = writeBook(join(base, '名单.xlsx'), [
      ['序号', '姓名', '性别', '工作单位', '职务', '组别', '备注'],
      [1, '李建国', '男', '东丰县大阳镇', '副镇长', '第1组', ''],
      [2, '赵磊', '男', '东丰县横道河镇', '镇长', '第1组', ''],
      [3, '周强', '男', '东辽县白泉镇', '副镇长', '第2组', ''],
      [4, '胡斌', '男', '东辽县渭津镇', '党委委员', '第2组', ''],
      [5, '王芳', '女', '辽源市财政局', '预算科科长', '第1组', ''],
      [6, '黄丽', '女', '辽源市卫生健康委员会', '医政科科长', '第2组', '需单间'],
    ]);
    expect((await cadre('roster', 'import', '--class', '2019-001', roster)).code).toBe(0);
    const shown = await cadre(
      'lodging',
      'assign',
      '--class',
      '2019-001',
      '--site',
      '东辽河宾馆',
      '--from',
      '2019-10-14',
      '--to',
      '2019-10-18',
    );
    expect(shown.stdout).toContain('黄丽（女，第2组，单间）');
    expect(shown.stdout).toMatch(/每组平均分在 [\d.]+ 间（最多 \d+ 间）/);
    expect(shown.stdout).not.toMatch(/\d 户/);
    expect((await cadre('lodging', 'assign', '--help')).stdout).toContain('宿舍、宾馆的房间');
  });

  it('imports a dormitory’s rooms, keeps the 班主任 room, places a class in rooms and exports the 房间安排表 and the room list', async () => {
    const base = join(temp.dir, 'in');
    mkdirSync(base);
    const sites = writeBook(join(base, '教学点.xlsx'), [
      ['教学点名称', '类型'],
      ['学员宿舍', '宿舍'],
    ]);
    expect((await cadre('sites', 'import', sites)).code).toBe(0);
    const rooms = writeBook(join(base, '房间表.xlsx'), [
      ['序号', '房间号', '楼层', '床位', '性别', '朝向'],
      [1, '301室', '3楼', '2床', '男', '南'],
      [2, '302', '3楼', '2床', '男', '南'],
      [3, '303', '3', '2', '女', '北'],
      [4, '304', '3', '2', '均可', '北'],
      [5, '401', '4楼', '2床', '均可', '南'],
      [6, '402', '4楼', '1床', '均可', '南'],
      [7, '403', '4楼', '2床', '均可', '南'],
    ]);
    expect((await cadre('rooms', 'import', '--site', '学员宿舍', rooms)).stdout).toBe(
      '“学员宿舍”：新增 7 间，更新 0 间，未变 0 间\n未导入的列：朝向',
    );
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(base, 10))).code).toBe(0);
    const at = ['--class', '2019-001', '--site', '学员宿舍'];
    // No stay yet: the dates are asked for; given, the stay is made and the room kept before anyone is placed.
    const dates = ['--from', '2019-09-09', '--to', '2019-09-12'];
    const undated = await cadre('lodging', 'reserve', ...at, '--room', '401', '--for', '班主任 王老师');
    expect(undated.code).toBe(2);
    expect(undated.stderr).toContain('请用 --from 和 --to 指定入住和离开日期');
    const unmade = databaseState();
    expect((await cadre('lodging', 'reserve', ...at, ...dates, '--room', '999', '--for', '班主任')).code).toBe(1);
    expect(databaseState()).toBe(unmade); // no stay made for a room the dormitory lacks
    // Nor for dates that are no stay, nor for a note the room cannot keep: the stay was made first, then
    // the keeping refused, and the stay stayed behind with nobody's room kept.
    for (const refused of [
      [...at, '--from', '2019-09-12', '--to', '2019-09-09', '--room', '401', '--for', '班主任'],
      [...at, '--from', '2019-02-30', '--to', '2019-03-02', '--room', '401', '--for', '班主任'],
      [...at, ...dates, '--room', '401', '--for', '班'.repeat(101)],
      [...at, ...dates, '--room', '401', '--release'],
    ]) {
      expect((await cadre('lodging', 'reserve', ...refused)).code, refused.join(' ')).not.toBe(0);
      expect(databaseState(), refused.join(' ')).toBe(unmade);
    }
    expect((await cadre('lodging', 'reserve', ...at, ...dates, '--room', '401', '--for', '班主任 王老师')).stdout).toBe(
      '401 房间已留给班主任 王老师',
    );
    const first = JSON.parse((await cadre('lodging', 'assign', ...at, ...dates, '--json')).stdout) as {
      placements: { head: string }[];
    };
    const used = new Set(first.placements.map((p) => p.head));
    const occupied = [...used][0] ?? '';
    expect(used.has('401')).toBe(false);
    const empty = ['301', '302', '303', '304', '402', '403'].find((room) => !used.has(room)) ?? '';
    // A room where trainees sleep: refused with their names, nothing changed; an empty one is kept.
    const before = databaseState();
    const refused = await cadre('lodging', 'reserve', ...at, '--room', occupied, '--for', '班主任 王老师');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${occupied} 房间已安排了学员`);
    expect(databaseState()).toBe(before);
    expect((await cadre('lodging', 'reserve', ...at, '--room', empty, '--for', '副班主任 李老师')).stdout).toBe(
      `${empty} 房间已留给副班主任 李老师`,
    );
    expect((await cadre('lodging', 'reserve', ...at, '--room', '999', '--for', '班主任')).stderr).toContain(
      '“学员宿舍”没有 999 房间',
    );
    const shown = await cadre('lodging', 'assign', ...at, ...dates, '--rearrange');
    expect(shown.stdout).toMatch(/房间\s+床位\s+入住\s+学员/);
    expect(shown.stdout).toMatch(/30[1-4]（3 楼）/);
    expect(shown.stdout).toContain('留给工作人员：班主任 王老师');
    expect(shown.stdout).toMatch(/用 \d+ 间；同一单位同住一间最多/);
    const out = join(temp.dir, '房间安排表.xlsx');
    expect((await cadre('lodging', 'export', ...at, '--document', 'rooms', '--format', 'xlsx', '--out', out)).code).toBe(0);
    const { rows } = await readXlsx(out);
    expect(rows[0]?.[0]).toBe('2019年年轻干部培训班房间安排表');
    expect(rows.flat()).toContain('工作人员：班主任 王老师');
    const doors = join(temp.dir, '门牌.pdf');
    expect((await cadre('lodging', 'export', ...at, '--document', 'doors', '--format', 'pdf', '--out', doors)).code).toBe(0);
    expect((await pdfText(doors)).text).toContain('班主任 王老师');
    const list = join(temp.dir, '房间表导出.xlsx');
    expect((await cadre('rooms', 'export', '--site', '学员宿舍', '--out', list)).stdout).toBe(`已导出 7 个房间到 ${list}`);
    const listed = (await readXlsx(list)).rows;
    expect(listed.find((row) => row.includes('房间号'))).toEqual(['房间号', '楼层', '床位数', '性别', '备注', '启用']);
    expect(listed.find((row) => row[0] === '402')).toEqual(['402', '4', '1', '男女均可', '', '是']);
    // The list goes back in unchanged.
    expect((await cadre('rooms', 'import', '--site', '学员宿舍', list)).stdout).toBe(
      '“学员宿舍”：新增 0 间，更新 0 间，未变 7 间',
    );
  });

  it('runs as a real process through npm’s entry point', async () => {
    const exec = promisify(execFile);
    const env = { ...process.env, CADRE_DATA_DIR: temp.dir };
    const entry = ['--import', 'tsx', 'electron/cli/main.ts'];
    const created = await exec(
      process.execPath,
      [
        ...entry,
        'class',
        'create',
        '--name',
        '2019年青年干部培训班',
        '--start',
        '2019-04-08',
        '--end',
        '2019-04-19',
        '--category',
        '青年干部培训班',
        '--json',
      ],
      { env },
    );
    expect(JSON.parse(created.stdout)).toMatchObject({ code: '2019-001' });
    const failed = await exec(process.execPath, [...entry, 'class', 'show', 'nope'], { env }).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed).toMatchObject({ code: 1 });
    expect(String(failed.stderr)).toContain('找不到班次“nope”');
  });

  it('takes the global options before the command as well as after it', async () => {
    const elsewhere = `${temp.dir}/另一个数据文件夹`;
    const io = { stdout: () => undefined, stderr: () => undefined, env: {} };
    const before = await run(
      [
        '--data-dir',
        elsewhere,
        'class',
        'create',
        '--name',
        '2019年青年干部培训班',
        '--start',
        '2019-04-08',
        '--end',
        '2019-04-19',
        '--category',
        '青年干部培训班',
      ],
      io,
    );
    expect(before).toBe(0);
    const out: string[] = [];
    const listed = await run(['--json', '--data-dir', elsewhere, 'class', 'list'], { ...io, stdout: (s) => out.push(s) });
    expect(listed).toBe(0);
    expect((JSON.parse(out.join('')) as TrainingClass[]).map((c) => c.name)).toEqual(['2019年青年干部培训班']);
    out.length = 0;
    expect(await run(['class', 'list', '--data-dir', elsewhere, '--json'], { ...io, stdout: (s) => out.push(s) })).toBe(0);
    expect((JSON.parse(out.join('')) as TrainingClass[]).map((c) => c.name)).toEqual(['2019年青年干部培训班']);
    // The default data folder (CADRE_DATA_DIR of the other tests) was never touched.
    expect((await cadre('class', 'list', '--json')).stdout).toBe('[]');
  });

  it('stops a running import at Ctrl+C, shows its progress on a terminal, and imports nothing', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '主体班',
    );
    const file = standardRoster(temp.dir, 10_000, 'ctrl-c.xlsx');
    const interrupt = new AbortController();
    const progress: string[] = [];
    const errors: string[] = [];
    const code = await run(['roster', 'import', '--class', '2019-001', file], {
      stdout: () => undefined,
      stderr: (s) => errors.push(s),
      env: { CADRE_DATA_DIR: temp.dir },
      isTerminal: true,
      // Ctrl+C as the person sees the check begin.
      progress: (line) => {
        progress.push(line);
        if (line.startsWith('核对')) interrupt.abort();
      },
      interrupt: interrupt.signal,
    });
    // A step of one is named, not counted ("0/1 (0%)" only looks stuck); steps of many are counted.
    expect(progress[0]).toBe('读取文件…');
    expect(progress.some((line) => /^核对 \d+\/\d+（\d+%）$/.test(line))).toBe(true);
    expect(code).toBe(130);
    expect(errors.join('\n')).toContain('已取消，数据和文件都保持原样');
    expect((await cadre('roster', 'list', '--class', '2019-001')).stdout).toContain('名册是空的');
  });

  it('restores the oldest of fifteen backups: the backup survives and the data is the backup’s', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年市管干部培训班',
      '--start',
      '2019-06-03',
      '--end',
      '2019-06-14',
      '--category',
      '主体班',
    );
    const made: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      if (i === 1)
        await cadre(
          'class',
          'create',
          '--name',
          '2019年青年干部培训班',
          '--start',
          '2019-04-08',
          '--end',
          '2019-04-19',
          '--category',
          '主体班',
        );
      const backup = await cadre('backup', '--json');
      expect(backup.code).toBe(0);
      made.push((JSON.parse(backup.stdout) as { path: string }).path);
    }
    const { readdirSync, existsSync } = await import('node:fs');
    const kept = readdirSync(`${temp.dir}/backups`)
      .filter((name) => name.startsWith('cadre-backup-'))
      .sort();
    const oldest = `${temp.dir}/backups/${kept[0] ?? ''}`;
    const restored = await cadre('restore', oldest, '--yes');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(existsSync(`${oldest}/manifest.json`)).toBe(true);
    // The oldest kept backup holds both classes or one, as it was taken; the data is now exactly that.
    const inBackup = JSON.parse((await import('node:fs')).readFileSync(`${oldest}/manifest.json`, 'utf8')) as {
      counts: { classes: number };
    };
    const listed = JSON.parse((await cadre('class', 'list', '--json')).stdout) as TrainingClass[];
    expect(listed).toHaveLength(inBackup.counts.classes);
    expect(made).toHaveLength(15);
  });

  it('imports a folder of reports, finds them by a phrase, and carries the class archive to another data folder', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(temp.dir, 6))).code).toBe(0);
    const names = (JSON.parse((await cadre('roster', 'list', '--class', '2019-001', '--json')).stdout) as { name: string }[]).map(
      (entry) => entry.name,
    );
    const dir = join(temp.dir, 'reports');
    mkdirSync(dir);
    await writeReportDocx(join(dir, `${names[0]}-调研报告.docx`), reportText('关于朝阳村发展生态农业的调研报告'));
    await writeReportDocx(join(dir, '没有作者.docx'), reportText('无名报告'));
    const imported = await cadre('reports', 'import', '--class', '2019-001', dir);
    expect(imported.stdout).toContain('已保存 1 个文件（新建调研报告 1 份）');
    expect(imported.stdout).toContain('未导入：没有作者.docx');
    expect(imported.code).toBe(1);
    const searched = await cadre('reports', 'search', '生态农业');
    expect(searched.stdout).toContain('共找到 1 份');
    expect(searched.stdout).toContain('【生态农业】');
    const json = JSON.parse((await cadre('reports', 'search', '朝阳村', '--json')).stdout) as { total: number };
    expect(json.total).toBe(1);
    const zip = join(temp.dir, 'archive.zip');
    expect((await cadre('archive', 'export', '--class', '2019-001', '--out', zip)).stdout).toContain('已导出 1 份调研报告');
    const elsewhere = makeTempDir();
    try {
      const out: string[] = [];
      const code = await run(['archive', 'import', zip], {
        stdout: (line) => out.push(line),
        stderr: (line) => expect.fail(line),
        env: { CADRE_DATA_DIR: elsewhere.dir },
      });
      expect(code).toBe(0);
      expect(out.join('\n')).toContain('新建班次');
      expect(out.join('\n')).toContain('调研报告 1 份、文件 1 个');
      // Into the class now there: the preview, and nothing imported without --yes.
      const again = async (...extra: string[]) => {
        const lines: string[] = [];
        expect(
          await run(['archive', 'import', zip, ...extra], {
            stdout: (line) => lines.push(line),
            stderr: (line) => expect.fail(line),
            env: { CADRE_DATA_DIR: elsewhere.dir },
          }),
        ).toBe(0);
        return lines.join('\n');
      };
      const asked = await again();
      expect(asked).toMatch(/导入到\s+已有班次 2019-001 2019年年轻干部培训班（2019-09-09 至 2019-09-20）/);
      expect(asked).toContain('新增 0 份，已有 1 份（跳过）');
      expect(asked).toContain(`已有，跳过  关于朝阳村发展生态农业的调研报告  ${names[0]}`);
      expect(asked).toContain('加 --yes 执行导入');
      expect(asked).not.toContain('导入到“');
      expect(await again('--yes')).toContain('已有而跳过 1 个');
    } finally {
      elsewhere.remove();
    }
  }, 60_000);

  it('imports survey questionnaires for a class, and refuses a file with a bad row, naming it', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    const header = ['序号', '测评类型', '测评对象', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议', '填写时间'];
    const good = writeBook(join(temp.dir, 'survey.xlsx'), [
      header,
      [1, '组织满意', '', 5, '5分', 4, '５', 5, '组织有序', '2019-09-20'],
      [2, '组织满意', '', 4, 4, 4, 4, 4, '', '2019-09-20'],
    ]);
    const imported = await cadre('survey', 'import', '--class', '2019-001', good);
    expect(imported.stdout).toBe('已导入问卷 2 份，涉及 1 项测评\n未导入的列：填写时间');
    const bad = writeBook(join(temp.dir, 'bad-survey.xlsx'), [header, [1, '组织满意', '', 5, 9, 4, 5, 5, '', '']]);
    const refused = await cadre('survey', 'import', '--class', '2019-001', bad);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('第 2 行');
    // Two bad rows: each said once, one a line, under the refusal's head.
    const twoBad = writeBook(join(temp.dir, 'two-bad-survey.xlsx'), [
      header,
      [1, '组织满意', '', 5, 9, 4, 5, 5, '', ''],
      [2, '组织满意', '', 5, 5, 4, 5, 8, '', ''],
    ]);
    const both = (await cadre('survey', 'import', '--class', '2019-001', twoBad)).stderr;
    expect(both).toMatch(/^错误：文件中有 2 处问题，没有导入任何内容：\n {2}- 第 2 行：[^\n]+\n {2}- 第 3 行：[^\n]+$/);
    expect(both.split('第 2 行').length).toBe(2);
  });

  it("imports a 问卷星 export as the trainees' survey, prints its results and rate, which the summary carries; once only", async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    const answers = madeAnswers(30, 5);
    const file = writeExport(join(temp.dir, '学员满意度调查_问卷星.xlsx'), wjxRows(answers, questionTexts));
    const rate = expectedRate(answers);
    const imported = await cadre('survey', 'import', '--class', '2019-001', '--kind', '学员满意', file);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('问卷星导出文件 学员满意度调查_问卷星.xlsx：30 行');
    expect(imported.stdout).toContain('G 列“1、您对本次培训内容的针对性是否满意” → 第 1 项“内容针对性”');
    expect(imported.stdout).toContain('L 列“6、您对本次培训还有哪些意见和建议？” → 意见建议');
    expect(imported.stdout).toContain('未导入的列：A（序号）、B（提交答卷时间）');
    expect(imported.stdout).toContain('跳过未答的题 1 处');
    expect(imported.stdout).toContain('已导入“学员满意度测评”问卷 30 份');

    const results = JSON.parse((await cadre('survey', 'results', '--class', '2019-001', '--json')).stdout) as {
      title: string;
      responses: number;
      satisfiedRate: number;
      comments: number;
      items: { answered: number }[];
    }[];
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ title: '学员满意度测评', responses: 30, satisfiedRate: rate, comments: 10 });
    expect(results[0]?.items.map((item) => item.answered)).toEqual([30, 30, 29, 30, 30]);
    const printed = (await cadre('survey', 'results', '--class', '2019-001')).stdout;
    expect(printed).toContain(`学员满意度测评：问卷 30 份，平均`);
    expect(printed).toContain(`满意率 ${rate}%，意见建议 10 条`);

    const summary = join(temp.dir, '培训班总结.docx');
    expect((await cadre('class', 'summary', '2019-001', '--out', summary)).code).toBe(0);
    const words = docxText(summary);
    // The trainees' satisfaction, and its rate beside it.
    expect(words).toMatch(new RegExp(`学员满意[^\\n]{0,40}${String(rate).replace('.', '\\.')}%`));

    // The same export again: nothing added, and said so.
    const before = databaseState();
    const again = await cadre('survey', 'import', '--class', '2019-001', '--kind', '学员满意', file);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('这个文件中的 30 份问卷此前都已导入“学员满意度测评”，本次没有新增');
    const after = databaseState();
    const responsesOf = (state: string) => (JSON.parse(state) as Record<string, unknown[]>)['survey_responses'];
    expect(responsesOf(after)).toEqual(responsesOf(before));
  });

  it('reads a 腾讯问卷 export of option numbers only with --one-means, both ways; refuses counts that differ', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    const answers = madeAnswers(10, 4);
    const items = questionTexts.slice(0, 4);
    const best = writeExport(join(temp.dir, '腾讯问卷-默认.csv'), tencentRows(answers, items, 'best'), 'gbk-csv');
    const before = databaseState();
    const unsaid = await cadre('survey', 'import', '--class', '2019-001', '--kind', '教师满意', best);
    expect(unsaid.code).not.toBe(0);
    expect(unsaid.stderr).toContain('--one-means 非常满意');
    expect(databaseState()).toBe(before);
    const said = await cadre('survey', 'import', '--class', '2019-001', '--kind', '教师满意', '--one-means', '非常满意', best);
    expect(said.stdout).toContain('腾讯问卷导出文件');
    expect(said.stdout).toContain('已导入“教师满意度测评”问卷 10 份');
    const five = madeAnswers(12, 5);
    const worst = writeExport(join(temp.dir, '腾讯问卷-反序.xlsx'), tencentRows(five, questionTexts, 'worst'));
    await cadre('survey', 'import', '--class', '2019-001', '--kind', '组织满意', '--one-means', '非常不满意', worst);
    const results = JSON.parse((await cadre('survey', 'results', '--class', '2019-001', '--json')).stdout) as {
      title: string;
      satisfiedRate: number;
    }[];
    // Read each way as it was written, both give the rate of the answers.
    expect(results.map((survey) => [survey.title, survey.satisfiedRate])).toEqual([
      ['组织满意度测评', expectedRate(five)],
      ['教师满意度测评', expectedRate(answers)],
    ]);
    const refused = await cadre('survey', 'import', '--class', '2019-001', '--kind', '组织满意', '--one-means', '非常满意', best);
    expect(refused.stderr).toContain('文件中有 4 道评分题（G、H、I、J），“组织满意度测评”有 5 项');
    expect((await cadre('survey', 'import', '--class', '2019-001', '--one-means', '非常满意', best)).stderr).toContain('--kind');
  });

  it('checks a class before closing it, and says what is missing with a non-zero exit', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
      '--category',
      '主体班',
    );
    const checked = await cadre('class', 'close-check', '2019-001');
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('✗ 名册完整：名册中还没有学员');
    expect(checked.stdout).toContain('✗ 考勤完成：还没有安排课程，无从考勤');
    expect(checked.stdout).toContain('还不能结业');
    const json = JSON.parse((await cadre('class', 'close-check', '2019-001', '--json')).stdout) as { ready: boolean };
    expect(json.ready).toBe(false);
    // --class as every other command takes it; two different classes are refused, naming both.
    expect((await cadre('class', 'close-check', '--class', '2019-001')).stdout).toBe(checked.stdout);
    const two = await cadre('class', 'close-check', '2019-001', '--class', '2019-002');
    expect(two.code).not.toBe(0);
    expect(two.stderr).toContain('给出了两个班次：2019-001 和 --class 2019-002');
    expect((await cadre('class', 'close-check')).stderr).toContain('请给出班次的 ID 或编号');
    const summary = join(temp.dir, '总结.docx');
    expect((await cadre('class', 'summary', '2019-001', '--out', summary)).stdout).toBe(`已写入 ${summary}`);
    expect(docxText(summary)).toContain('2019年年轻干部培训班总结');
    const hours = join(temp.dir, '学时.xlsx');
    expect((await cadre('class', 'hours', '2019-001', '--out', hours)).code).toBe(0);
    expect((await readXlsx(hours)).rows.flat().join(' ')).toContain('学员学时统计表');
    // The 学员手册 of the same class: written where asked, its sections there even with nothing in them yet.
    const handbook = join(temp.dir, '学员手册.docx');
    expect((await cadre('class', 'handbook', '2019-001', '--out', handbook)).stdout).toBe(`已写入 ${handbook}`);
    const text = docxText(handbook);
    expect(text).toContain('学员手册');
    expect(text).toContain('四、学员名册');
    expect(text).toContain('学员名册另行印发。');
    expect((await cadre('class', 'handbook', '2019-001')).stderr).toContain('--out');
  });

  it('certifies those who met the requirements, says who was left out and why, and --all includes them', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--category',
      '主体班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
    );
    const none = await cadre('class', 'certificates', '2019-001', '--out', join(temp.dir, '空.pdf'));
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('名册中还没有学员，未生成结业证书');
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(temp.dir, 4))).code).toBe(0);
    const names = (JSON.parse((await cadre('roster', 'list', '--class', '2019-001', '--json')).stdout) as { name: string }[]).map(
      (entry) => entry.name,
    );
    // Reports from two of the four: the other two have not met the requirements.
    const dir = join(temp.dir, 'reports');
    mkdirSync(dir);
    for (const name of names.slice(0, 2))
      writeFileSync(join(dir, `${name}-调研报告.txt`), reportText(`${name}的调研报告`).join('\n'));
    expect((await cadre('reports', 'import', '--class', '2019-001', dir)).code).toBe(0);
    const out = join(temp.dir, '结业证书.pdf');
    const made = await cadre('class', 'certificates', '2019-001', '--out', out);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain(`已写入 ${out}（结业证书 2 张）`);
    expect(made.stdout).toContain('未发证书 2 人（加上 --all 则一并发给）：');
    for (const name of names.slice(2)) expect(made.stdout).toContain(`  ${name}：未提交调研报告`);
    expect((await pdfText(out)).pages).toBe(2);
    const all = await cadre('class', 'certificates', '2019-001', '--out', out, '--all', '--json');
    const json = JSON.parse(all.stdout) as { certificates: number; leftOut: unknown[] };
    expect(json).toMatchObject({ certificates: 4, leftOut: [] });
    const pdf = await pdfText(out);
    expect(pdf.pages).toBe(4);
    expect(pdf.text.replace(/\s+/g, '')).toContain('证书编号：结业证字第2019-001-004号');
  }, 60_000);

  it('exports 桌签, 胸牌 and a 座次表 of a class as PDF, and refuses a count of cards not offered', async () => {
    await cadre(
      'class',
      'create',
      '--name',
      '2019年年轻干部培训班',
      '--category',
      '主体班',
      '--start',
      '2019-09-09',
      '--end',
      '2019-09-20',
    );
    expect((await cadre('roster', 'import', '--class', '2019-001', standardRoster(temp.dir, 5))).code).toBe(0);
    const people = JSON.parse((await cadre('roster', 'list', '--class', '2019-001', '--json', '--reveal')).stdout) as {
      name: string;
      idNumber: string;
    }[];
    const made = async (document: string, ...options: string[]) => {
      const out = join(temp.dir, `${document}.pdf`);
      const result = await cadre(
        'roster',
        'export',
        '--class',
        '2019-001',
        '--document',
        document,
        '--format',
        'pdf',
        '--out',
        out,
        ...options,
      );
      expect(result.code).toBe(0);
      // A chart, cards and badges are made for people, not rows of a table.
      expect(result.stdout).toBe(`已导出 5 人到 ${out}`);
      return pdfText(out);
    };
    const tentcards = await made('tentcards', '--per-page', '2', '--font', 'kai');
    expect(tentcards.pages).toBe(3);
    const badges = await made('badges', '--per-page', '10', '--photo');
    expect(badges.pages).toBe(1);
    expect(badges.text).toContain('照片');
    const seating = await made('seating', '--sort', 'unit', '--committee-front');
    expect(seating.pages).toBe(1);
    expect(seating.text).toContain('2019年年轻干部培训班座次表');
    // 结构化研讨: a table per group on one page.
    const tables = await made('seating', '--layout', 'tables');
    expect(tables.pages).toBe(1);
    // This class's five trainees are in no group yet: one table, named so.
    expect(tables.text).toContain('结构化研讨，1 张桌');
    expect(tables.text).toContain('未分组');
    for (const { name, idNumber } of people) {
      const printed = new RegExp([...name].join([...name].length === 2 ? '[ \u3000]' : ''));
      for (const pdf of [tentcards, badges, seating, tables]) {
        expect(pdf.text).toMatch(printed);
        expect(pdf.text).not.toContain(idNumber);
      }
    }
    const before = databaseState();
    const refused = await cadre(
      'roster',
      'export',
      '--class',
      '2019-001',
      '--document',
      'badges',
      '--per-page',
      '9',
      '--format',
      'pdf',
      '--out',
      join(temp.dir, '九.pdf'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('每张纸的胸牌数');
    const asSheet = await cadre(
      'roster',
      'export',
      '--class',
      '2019-001',
      '--document',
      'tentcards',
      '--format',
      'xlsx',
      '--out',
      join(temp.dir, '座次表.xlsx'),
    );
    expect(asSheet.code).toBe(1);
    expect(asSheet.stderr).toContain('桌签和胸牌只能导出为 PDF');
    expect(databaseState().replace(/"at":"[^"]+"/g, '')).toBe(before.replace(/"at":"[^"]+"/g, ''));
  }, 60_000);
});
