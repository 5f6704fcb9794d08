import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StagedFile } from '../../../shared/reports/schemas';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { pdfOptions } from '../documents/parser/extract';
import { sha256Of } from '../files/store';
import { versionText } from './versions';
import { failure, value } from '../testing/expect-result';
import { docxText, readXlsx } from '../testing/read-documents';
import { realDocs, reportText, withTextLayerForms, writeReportDocx, zipWith } from '../testing/report-files';
import { standardRoster } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { bareSampleClass } from '../testing/sample-class';

let t: TempCore;
let classId = 0;
let people: { enrolmentId: number; name: string; group: number | null }[] = [];

beforeEach(async () => {
  t = openTempCore({ platform: chromiumPlatform() });
  value(await t.router.call('app.loadSample', {}));
  classId = await bareSampleClass(t);
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 24), 'rosterImport') }));
  value(await t.router.call('roster.splitGroups', { classId, groups: 4 }));
  people = value(await t.router.call('reports.board', { classId })).rows.map((row) => ({
    enrolmentId: row.enrolmentId,
    name: row.name,
    group: row.group,
  }));
});
afterEach(() => t.dispose());

const folder = (name: string) => {
  const dir = join(t.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
};

const stage = async (input: { folder?: string; files?: string[] }) =>
  value(
    await t.router.call('reports.stage', {
      classId,
      folder: input.folder ? t.grant(input.folder, 'reportFolder') : null,
      grants: (input.files ?? []).map((file) => t.grant(file, 'reportFiles')),
    }),
  );

// Every staged file that can be stored, with the authors it matched (or those given).
const commit = async (token: string, files: StagedFile[], authors: Record<string, number[]> = {}) =>
  value(
    await t.router.call('reports.commit', {
      classId,
      token,
      items: files
        .filter((file) => file.problem === null)
        .map((file) => ({
          key: file.key,
          enrolmentIds: authors[file.name] ?? file.enrolmentIds,
          groupNo: file.groupNo,
          topicId: file.topicId,
          title: file.title,
        })),
    }),
  );

const search = async (query: string, limit = 20) => value(await t.router.call('reports.search', { query, limit }));
const found = async (query: string) => (await search(query)).hits.map((hit) => hit.report.latest?.fileName ?? '');

const uploadClassFolder = async () => {
  const dir = folder('reports-in');
  const first = people[0]?.name ?? '';
  await writeReportDocx(join(dir, `${first}-调研报告.docx`), reportText('关于朝阳村发展生态农业的调研报告'));
  const pdf = await t.core.platform.printToPdf(
    `<html><body style="font-family:'WenQuanYi Micro Hei'">${reportText('第二组关于乡村治理的调研报告', '村里修建了党校教学点。')
      .map((line) => `<p>${line}</p>`)
      .join('')}</body></html>`,
    { landscape: false },
  );
  writeFileSync(join(dir, '第二组_乡村治理.pdf'), pdf);
  writeFileSync(join(dir, '无名稿.txt'), iconv.encode(reportText('关于梅花鹿养殖合作社的调查').join('\r\n'), 'gb18030'));
  // What people copy along with a folder: Word's lock file, a thumbnail cache.
  writeFileSync(join(dir, `~$${first}-调研报告.docx`), 'lock');
  writeFileSync(join(dir, 'Thumbs.db'), 'cache');
  return { dir, first };
};

describe('handing in research reports', () => {
  it('matches a folder of reports to their authors by file name, asks about the rest, and keeps every version', async () => {
    const { dir, first } = await uploadClassFolder();
    const before = snapshot(t.core.db);
    const staged = await stage({ folder: dir });
    // Staging stores nothing.
    expect(snapshot(t.core.db)).toBe(before);
    const byName = new Map(staged.files.map((file) => [file.name, file]));
    expect([...byName.keys()].sort()).toEqual([`${first}-调研报告.docx`, '无名稿.txt', '第二组_乡村治理.pdf'].sort());
    const docx = byName.get(`${first}-调研报告.docx`);
    expect(docx).toMatchObject({
      matchedBy: 'name',
      format: 'docx',
      textStatus: 'text',
      title: '关于朝阳村发展生态农业的调研报告',
    });
    expect(docx?.enrolmentIds).toEqual([people[0]?.enrolmentId]);
    const group = byName.get('第二组_乡村治理.pdf');
    expect(group).toMatchObject({ matchedBy: 'group', groupNo: 2, format: 'pdf', textStatus: 'text' });
    expect(group?.enrolmentIds.sort()).toEqual(
      people
        .filter((p) => p.group === 2)
        .map((p) => p.enrolmentId)
        .sort(),
    );
    const unmatched = byName.get('无名稿.txt');
    expect(unmatched).toMatchObject({ matchedBy: 'none', format: 'txt', enrolmentIds: [] });
    // The unmatched file is given its author in the confirmation table.
    const other = people.find((p) => p.group !== 2 && p.enrolmentId !== people[0]?.enrolmentId);
    const committed = await commit(staged.token, staged.files, { '无名稿.txt': [other?.enrolmentId ?? 0] });
    expect(committed).toEqual({ reports: 3, versions: 3, files: 3 });
    const board = value(await t.router.call('reports.board', { classId }));
    expect(board.counts.submitted).toBe(1 + people.filter((p) => p.group === 2).length + 1);
    // A second upload of the same author's report is its second version; the first stays.
    await writeReportDocx(
      join(dir, `${first}-调研报告.docx`),
      reportText('关于朝阳村发展生态农业的调研报告', '修改稿补充了冷链物流。'),
    );
    const again = await stage({ files: [join(dir, `${first}-调研报告.docx`)] });
    expect(again.files[0]).toMatchObject({ version: 2, reportId: docx?.reportId ?? expect.any(Number) });
    await commit(again.token, again.files);
    const reportId = board.rows.find((row) => row.enrolmentId === people[0]?.enrolmentId)?.reportId ?? 0;
    const detail = value(await t.router.call('reports.get', { id: reportId }));
    expect(detail.allVersions.map((v) => v.version)).toEqual([2, 1]);
    expect(await found('冷链物流')).toEqual([`${first}-调研报告.docx`]);
    // The same file a third time is not stored again.
    const same = await stage({ files: [join(dir, `${first}-调研报告.docx`)] });
    expect(same.files[0]?.problem).toContain('第 2 版完全相同');
  }, 60_000);

  it('finds reports by two-, three- and four-character words, Latin words and numbers, ranked, with the passage marked', async () => {
    const { dir, first } = await uploadClassFolder();
    const staged = await stage({ folder: dir });
    await commit(staged.token, staged.files, { '无名稿.txt': [people[5]?.enrolmentId ?? 0] });
    for (const word of ['党校', '农业', '朝阳村', '生态农业', '乡村治理', 'gdp', 'GDP', '2019'])
      expect((await found(word)).length, word).toBeGreaterThan(0);
    expect(await found('修建了党校教学点')).toEqual(['第二组_乡村治理.pdf']);
    expect(await found('梅花鹿养殖合作社')).toEqual(['无名稿.txt']);
    // Words that do not stand in any text, though their characters do.
    expect(await found('农业园区')).toEqual([]);
    expect(await found('校党')).toEqual([]);
    // By author, also in pinyin, and by topic words in the title: the title weighs most.
    expect(await found(first)).toContain(`${first}-调研报告.docx`);
    const hit = (await search('生态农业')).hits[0];
    expect(hit?.report.title).toBe('关于朝阳村发展生态农业的调研报告');
    expect(hit?.snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toContain('生态农业');
    expect(hit?.title.some((segment) => segment.hit && segment.text === '生态农业')).toBe(true);
    // Every run of two to four characters taken from the texts is found in the report it came from.
    const texts = staged.files.map((file) => ({ name: file.name, text: reportText('').join('') }));
    let checked = 0;
    for (const { text } of texts.slice(0, 1)) {
      const runs = text.match(/\p{Script=Han}{4,}/gu) ?? [];
      for (const run of runs)
        for (const length of [2, 3, 4]) {
          const word = [...run].slice(0, length).join('');
          expect((await search(word)).total, word).toBeGreaterThan(0);
          checked += 1;
        }
    }
    console.log(`search: ${checked} words taken from the texts, every one found`);
    expect(checked).toBeGreaterThan(20);
  }, 60_000);

  it('indexes a report whose text is one run of 500,000 Chinese characters, beside the valid reports of the same upload', async () => {
    // One run of Han text with no space or punctuation (a PDF whose text came out as one line): the index
    // cuts it into 499,999 pairs. Handed to push() as spread arguments they overflowed the stack, and the
    // whole upload failed as an internal error, the valid reports with it.
    const { dir } = await uploadClassFolder();
    const alphabet = [...'农业合作社梅花鹿养殖有机水稻种植乡村治理人才振兴基层实践辽河源产业园'];
    const run = Array.from({ length: 500_000 }, (_, i) => alphabet[(i * 7 + (i >> 5)) % alphabet.length]).join('');
    writeFileSync(join(dir, `${people[3]?.name ?? ''}-长文.txt`), `关于长文的调研报告\n${run}冷链物流终点`);
    const staged = await stage({ folder: dir });
    expect(staged.files.map((file) => file.problem)).toEqual([null, null, null, null]);
    const committed = await commit(staged.token, staged.files, { '无名稿.txt': [people[5]?.enrolmentId ?? 0] });
    expect(committed).toMatchObject({ reports: 4, versions: 4 });
    // Found at its far end, in the middle, and the others of the upload beside it.
    expect(await found('冷链物流终点')).toEqual([`${people[3]?.name ?? ''}-长文.txt`]);
    expect(await found(run.slice(250_000, 250_012))).toContain(`${people[3]?.name ?? ''}-长文.txt`);
    expect(await found('梅花鹿养殖合作社')).toEqual(['无名稿.txt']);
    expect(await found('修建了党校教学点')).toEqual(['第二组_乡村治理.pdf']);
  }, 120_000);

  it.skipIf(!realDocs)(
    'reads the documents written by other people, and keeps the encrypted one marked “无法提取文字”',
    async () => {
      if (!realDocs) return;
      const staged = await stage({ files: [realDocs.pdf, realDocs.docx, realDocs.doc, realDocs.password] });
      const byFormat = Object.fromEntries(staged.files.map((file) => [file.name, file]));
      expect(staged.files.map((file) => file.problem)).toEqual([null, null, null, null]);
      // Their titles, not their first lines: a journal's volume header, a standard's ICS code and number.
      expect(Object.fromEntries(staged.files.map((file) => [file.name, file.title]))).toEqual({
        '1.pdf': '民用航空发动机状态监视和故障诊断系统研究',
        '核电厂定期安全审查指南 第1部分：通用要求（征求意见稿）.docx': '核电厂定期安全评价 第1部分：通用要求',
        '行标编制说明（核电厂定期安全审查指南 第6部分：构筑物、系统和部件的实际状态）(3).doc':
          '核电厂定期安全评价指南 第6部分：构筑物、系统和设备的实际状态',
        // Nothing to read: the file's name.
        'password.pdf': 'password',
      });
      expect(byFormat['password.pdf']).toMatchObject({ format: 'pdf', textStatus: 'encrypted', chars: 0 });
      expect(staged.files.filter((file) => file.textStatus === 'text')).toHaveLength(3);
      await commit(
        staged.token,
        staged.files,
        Object.fromEntries(staged.files.map((file, index) => [file.name, [people[index]?.enrolmentId ?? 0]])),
      );
      const docx = '核电厂定期安全审查指南 第1部分：通用要求（征求意见稿）.docx';
      const doc = '行标编制说明（核电厂定期安全审查指南 第6部分：构筑物、系统和部件的实际状态）(3).doc';
      const expected: Record<string, string> = {
        诊断: '1.pdf',
        气路: '1.pdf',
        压气机: '1.pdf',
        状态监视: '1.pdf',
        故障诊断: '1.pdf',
        '1994': '1.pdf',
        ECM: '1.pdf',
        堆芯: docx,
        细则: docx,
        可行性: docx,
        放射性: docx,
        安全改进: docx,
        总体评价: docx,
        PSA: docx,
        报批: doc,
        摸索: doc,
        讨论稿: doc,
        新做法: doc,
        征求意见: doc,
        标准修订: doc,
      };
      for (const [word, file] of Object.entries(expected)) expect(await found(word), word).toContain(file);
      expect((await found('PSR')).sort()).toEqual([docx, doc].sort());
      // Runs of two to four characters taken at random (seeded) from each document's own text: every
      // one finds its document.
      let state = 20_191_008;
      const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      const sampled: Record<string, number> = {};
      for (const row of value(await t.router.call('reports.list', {})).rows) {
        if (!row.latest || row.latest.textStatus !== 'text') continue;
        const runs = versionText(t.core, row.latest.id).match(/\p{Script=Han}{4,}/gu) ?? [];
        for (let n = 0; n < 25; n += 1) {
          const run = [...(runs[Math.floor(random() * runs.length)] ?? '')];
          const length = 2 + Math.floor(random() * 3);
          const at = Math.floor(random() * (run.length - length + 1));
          const word = run.slice(at, at + length).join('');
          expect(await found(word), `${word} in ${row.latest.fileName}`).toContain(row.latest.fileName);
          sampled[row.latest.fileName] = (sampled[row.latest.fileName] ?? 0) + 1;
        }
      }
      console.log(
        `real documents: ${Object.entries(sampled)
          .map(([name, n]) => `${n} runs from ${name.slice(0, 12)}`)
          .join(', ')}, each found`,
      );
      expect(Object.keys(sampled)).toHaveLength(3);
      // Field codes of the draft standard are not text.
      expect(await found('FORMTEXT')).toEqual([]);
      const encrypted = value(await t.router.call('reports.list', {})).rows.find(
        (row) => row.latest?.fileName === 'password.pdf',
      );
      expect(encrypted?.latest?.textStatus).toBe('encrypted');
    },
    90_000,
  );

  it('refuses what is not a report, by its content, and stores nothing of it', async () => {
    const dir = folder('bad');
    const exe = Buffer.alloc(4096);
    exe.write('MZ', 0, 'latin1');
    writeFileSync(join(dir, '张三-调研报告.pdf'), exe);
    writeFileSync(join(dir, '空文件.docx'), '');
    writeFileSync(join(dir, '巨大.pdf'), '%PDF-1.7\n');
    truncateSync(join(dir, '巨大.pdf'), 200 * 1024 * 1024);
    writeFileSync(join(dir, '损坏.docx'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(2000, 7)]));
    writeFileSync(join(dir, '不是文档.docx'), zipWith({ 'xl/workbook.xml': '<workbook/>' }));
    const before = snapshot(t.core.db);
    const staged = await stage({ folder: dir });
    const problems = Object.fromEntries(staged.files.map((file) => [file.name, file.problem ?? '']));
    expect(problems['张三-调研报告.pdf']).toContain('不是 Word、WPS、PDF 或文本文档');
    expect(problems['空文件.docx']).toContain('是空的');
    expect(problems['巨大.pdf']).toContain('超过 50 MB');
    expect(problems['损坏.docx']).toContain('已损坏');
    expect(problems['不是文档.docx']).toContain('不是 Word');
    // None of them can be committed, by any key.
    for (const file of staged.files) {
      const refused = failure(
        await t.router.call('reports.commit', {
          classId,
          token: staged.token,
          items: [{ key: file.key, enrolmentIds: [people[0]?.enrolmentId ?? 0] }],
        }),
        'INVALID_INPUT',
      );
      expect(refused.message).toContain('已被拒收');
    }
    expect(snapshot(t.core.db)).toBe(before);
  }, 60_000);

  it('refuses a file changed between staging and committing, and leaves everything as it was', async () => {
    const dir = folder('changing');
    const path = await writeReportDocx(join(dir, `${people[0]?.name}-报告.docx`), reportText('关于人才振兴的调研'));
    const staged = await stage({ files: [path] });
    await writeReportDocx(path, reportText('关于人才振兴的调研', '改过了'));
    const before = snapshot(t.core.db);
    const refused = failure(
      await t.router.call('reports.commit', {
        classId,
        token: staged.token,
        items: [{ key: '1', enrolmentIds: [people[0]?.enrolmentId ?? 0] }],
      }),
      'INVALID_INPUT',
    );
    expect(refused.message).toContain('被修改或移走');
    expect(snapshot(t.core.db)).toBe(before);
  });
});

describe('report titles', () => {
  // Trainees as named in the issue's file names, beside the class's 24.
  const enrolNamed = async () => {
    const ids: Record<string, number> = {};
    for (const name of ['张伟', '王芳', '刘洋', '吴刚', '李娜'])
      ids[name] = value(await t.router.call('roster.add', { classId, trainee: { name } })).enrolmentId;
    return ids;
  };

  it.skipIf(!realDocs)(
    'are what the file name says beside the author’s name, and name the files of the class archive',
    async () => {
      if (!realDocs) return;
      const ids = await enrolNamed();
      const dir = folder('named');
      // Real documents whose first lines are a journal's header and a standard's ICS code, under the
      // names trainees give their files; and the other forms, on reports of our own.
      copyFileSync(realDocs.pdf, join(dir, '张伟-高测股份调研报告.pdf'));
      copyFileSync(realDocs.docx, join(dir, '王芳_乡村治理调研.docx'));
      copyFileSync(realDocs.doc, join(dir, '刘洋 读书报告.doc'));
      await writeReportDocx(join(dir, '吴刚（提示工程简介）.docx'), reportText('请务必阅读正文之后的信息披露和法律声明'));
      writeFileSync(join(dir, '乡村振兴战略-李娜.txt'), reportText('关于乡村振兴的几点思考').join('\n'));
      writeFileSync(join(dir, '第二组-党建引领乡村治理.txt'), reportText('第二组调研报告').join('\n'));
      const staged = await stage({ folder: dir });
      const titles = Object.fromEntries(staged.files.map((file) => [file.name, file.title]));
      expect(titles).toEqual({
        '张伟-高测股份调研报告.pdf': '高测股份调研报告',
        '王芳_乡村治理调研.docx': '乡村治理调研',
        '刘洋 读书报告.doc': '读书报告',
        '吴刚（提示工程简介）.docx': '提示工程简介',
        '乡村振兴战略-李娜.txt': '乡村振兴战略',
        '第二组-党建引领乡村治理.txt': '党建引领乡村治理',
      });
      expect(staged.files.find((file) => file.name.startsWith('张伟'))?.enrolmentIds).toEqual([ids['张伟']]);
      // The confirmation table may change a title before it is stored.
      const edited = staged.files.map((file) =>
        file.name.startsWith('刘洋') ? { ...file, title: '《之江新语》读书报告' } : file,
      );
      await commit(staged.token, edited);
      // (Only these: the sample may hold reports of its own.)
      const stored = value(await t.router.call('reports.list', { classId }))
        .rows.filter((row) => row.latest && row.latest.fileName in titles)
        .map((row) => row.title);
      expect(stored.sort()).toEqual(
        ['高测股份调研报告', '乡村治理调研', '《之江新语》读书报告', '提示工程简介', '乡村振兴战略', '党建引领乡村治理'].sort(),
      );
      expect((await search('高测股份')).hits.map((hit) => hit.report.title)).toContain('高测股份调研报告');

      // A new version keeps the title the report has; changed in the table, it changes.
      writeFileSync(join(dir, '乡村振兴战略-李娜.txt'), reportText('关于乡村振兴的几点思考', '补充了案例。').join('\n'));
      const again = await stage({ files: [join(dir, '乡村振兴战略-李娜.txt')] });
      expect(again.files[0]).toMatchObject({ version: 2, title: '乡村振兴战略' });
      await commit(again.token, [{ ...again.files[0]!, title: '乡村振兴战略的辽源实践' }]);
      expect(value(await t.router.call('reports.list', { classId })).rows.map((row) => row.title)).toContain(
        '乡村振兴战略的辽源实践',
      );

      // The class archive names each file by its group, authors and title.
      const zip = join(t.dir, 'archive.zip');
      value(await t.router.call('lifecycle.archiveExport', { classId, grant: t.grant(zip, 'export') }));
      const entries = Object.keys(unzipSync(readFileSync(zip))).filter((name) => name.startsWith('调研报告/'));
      expect(entries).toEqual(
        expect.arrayContaining([
          '调研报告/张伟-高测股份调研报告.pdf',
          '调研报告/王芳-乡村治理调研.docx',
          '调研报告/刘洋-《之江新语》读书报告.doc',
          '调研报告/吴刚-提示工程简介.docx',
          '调研报告/李娜-乡村振兴战略的辽源实践.txt',
        ]),
      );
      expect(entries.some((name) => /^调研报告\/第二组-.*-党建引领乡村治理\.txt$/.test(name))).toBe(true);
      expect(entries.join(' ')).not.toMatch(/第 9 卷|ICS|请务必阅读/);
    },
    90_000,
  );

  it('of a PDF whose text names 人 and 手 by their Kangxi radicals are in ordinary characters, and the report is found by them', async () => {
    const title = '个人知识库助手在党校教学中的应用';
    const printed = await t.core.platform.printToPdf(
      `<html><body style="font-family:'WenQuanYi Micro Hei'">${[
        title,
        '辽源市委党校年轻干部培训班',
        '２０２４年，学员使用个人知识库助手整理课堂笔记，知识管理效率明显提高。',
        '助手能够回答学员提出的政策问题，但仍需人工核对出处。',
      ]
        .map((line) => `<p>${line}</p>`)
        .join('')}</body></html>`,
      { landscape: false },
    );
    // 人 as ⼈ U+2F08, 手 as ⼿ U+2F3F, 用 as ⽤ U+2F64 (Kangxi radicals), 理 as 理 U+F9E4 (a compatibility
    // ideograph): what the file's text layer really holds, read by pdf.js itself.
    const pdf = withTextLayerForms(printed, { 人: '\u2f08', 手: '\u2f3f', 用: '\u2f64', 理: '\uf9e4' });
    const { extractText, getDocumentProxy } = await import('unpdf');
    const raw = (await extractText(await getDocumentProxy(new Uint8Array(pdf), pdfOptions), { mergePages: true })).text;
    expect(raw).toContain('个\u2f08知识库助\u2f3f在党校教学中的应\u2f64');
    expect(raw).toContain('知识管\uf9e4');
    expect(raw).toContain('２０２４年');
    expect(raw).not.toContain('个人');

    const name = people[0]?.name ?? '';
    const dir = folder('kangxi');
    writeFileSync(join(dir, `${name}.pdf`), pdf);
    const staged = await stage({ folder: dir });
    expect(staged.files[0]).toMatchObject({ title, matchedBy: 'name', textStatus: 'text' });
    await commit(staged.token, staged.files);

    const odd = /[\u2e80-\u2fdf\uf900-\ufaff\uff10-\uff5a]/u;
    for (const word of ['个人知识库', '助手', '知识管理', '使用', '2024', '人工核对'])
      expect(await found(word), word).toContain(`${name}.pdf`);
    const hit = (await search('个人知识库')).hits.find((each) => each.report.latest?.fileName === `${name}.pdf`);
    expect(hit?.report.title).toBe(title);
    expect(hit?.title.map((segment) => segment.text).join('')).toBe(title);
    const passage = hit?.snippet.map((segment) => segment.text).join('') ?? '';
    expect(hit?.snippet.filter((segment) => segment.hit).map((segment) => segment.text)).toContain('个人知识库');
    expect(passage).toContain('2024年，学员使用个人知识库助手整理课堂笔记，知识管理效率明显提高。');
    expect(passage).not.toMatch(odd);
    // A query typed with the odd forms (pasted from such a PDF) finds it too.
    expect(await found('个\u2f08知识库')).toContain(`${name}.pdf`);
    // Stored in ordinary characters, Chinese punctuation as written; the file itself as it came.
    const row = value(await t.router.call('reports.list', { classId })).rows.find(
      (report) => report.latest?.fileName === `${name}.pdf`,
    );
    const stored = versionText(t.core, row?.latest?.id ?? 0);
    expect(stored).not.toMatch(odd);
    expect(stored).toContain('仍需人工核对出处。');
    expect(sha256Of(pdf)).toBe(row?.latest?.sha256);
  }, 60_000);
});

describe('files dropped on the window', () => {
  it('are written into a folder of the core’s own, nested as dropped, and uploaded from there', async () => {
    const docx = await writeReportDocx(join(t.dir, 'dropped.docx'), reportText('关于冷链物流的调研'));
    const data = `data:application/octet-stream;base64,${readFileSync(docx).toString('base64')}`;
    const received = value(
      await t.router.call('files.receiveDropped', { files: [{ relative: `第一组/${people[0]?.name}-冷链物流.docx`, data }] }),
    );
    expect(received.files).toBe(1);
    const fromDrop = value(await t.router.call('reports.stage', { classId, folder: received.folder }));
    // The same name twice in one drop: both kept.
    const twice = value(
      await t.router.call('files.receiveDropped', {
        files: [
          { relative: 'a.docx', data },
          { relative: 'a.docx', data },
        ],
      }),
    );
    expect(value(await t.router.call('reports.stage', { classId, folder: twice.folder })).files.map((file) => file.name)).toEqual(
      ['a (2).docx', 'a.docx'],
    );
    expect(fromDrop.files[0]).toMatchObject({
      relative: join('第一组', `${people[0]?.name}-冷链物流.docx`),
      matchedBy: 'name',
      format: 'docx',
    });
    // A name that climbs out, or that is no name at all, is refused; nothing is written.
    for (const relative of ['../x.docx', '/etc/x', './', 'a/../../b'])
      failure(await t.router.call('files.receiveDropped', { files: [{ relative, data }] }), 'INVALID_INPUT');
    failure(
      await t.router.call('files.receiveDropped', { files: [{ relative: 'x.docx', data: 'not a data url' }] }),
      'INVALID_INPUT',
    );
  });
});

describe('topics, the board, review and publication', () => {
  it('spreads topics, shows who is late, reviews, publishes, lists and exports', async () => {
    const topics = [];
    for (const title of ['乡村治理', '生态农业', '人才振兴'])
      topics.push(value(await t.router.call('reports.saveTopic', { classId, fields: { title, maxAuthors: 10 } })));
    failure(await t.router.call('reports.saveTopic', { classId, fields: { title: '乡村治理' } }), 'INVALID_INPUT');
    const [first, second] = people;
    value(
      await t.router.call('reports.choose', {
        classId,
        topicId: topics[0]?.id ?? 0,
        enrolmentIds: [first?.enrolmentId ?? 0, second?.enrolmentId ?? 0],
      }),
    );
    expect(value(await t.router.call('reports.assignRest', { classId })).assigned).toBe(people.length - 2);
    const spread = value(await t.router.call('reports.board', { classId })).topics.map((topic) => topic.reports);
    expect(Math.max(...spread) - Math.min(...spread)).toBeLessThanOrEqual(1);
    value(await t.router.call('reports.setDeadline', { classId, deadline: '2019-09-30' }));
    const dir = folder('topic');
    const path = await writeReportDocx(
      join(dir, `${first?.name}-${second?.name}-乡村治理.docx`),
      reportText('乡村治理中的党建引领'),
    );
    const staged = await stage({ files: [path] });
    expect(staged.files[0]).toMatchObject({ matchedBy: 'name', topicId: topics[0]?.id, version: 1 });
    await commit(staged.token, staged.files);
    const board = value(await t.router.call('reports.board', { classId }));
    // Handed in after the deadline (the test runs in 2026): late; the others overdue.
    expect(board.counts.late).toBe(2);
    expect(board.counts.overdue).toBe(people.length - 2);
    const reportId = board.rows.find((row) => row.enrolmentId === first?.enrolmentId)?.reportId ?? 0;
    failure(
      await t.router.call('reports.review', { reportId, review: { grade: '特优', reviewedOn: '2019-10-08' } }),
      'INVALID_INPUT',
    );
    value(
      await t.router.call('reports.review', {
        reportId,
        review: { reviewer: '孙海燕', score: 92, grade: 'excellent', comments: '调研扎实，对策可行。', reviewedOn: '2019-10-08' },
      }),
    );
    value(
      await t.router.call('reports.saveOutcome', {
        reportId,
        publication: { journal: '辽源论丛', year: 2019, issue: '第4期' },
        forwardings: [{ department: '市委组织部', sentOn: '2019-10-15', instruction: '请农业农村局研究落实。' }],
      }),
    );
    expect(value(await t.router.call('reports.list', { outcome: 'excellent' })).rows.map((row) => row.id)).toEqual([reportId]);
    expect(value(await t.router.call('reports.list', { outcome: 'forwarded', year: 2019 })).rows).toHaveLength(1);
    expect(value(await t.router.call('reports.search', { query: '党建引领', filter: { grade: 'good' } })).total).toBe(0);
    const list = join(t.dir, 'reports.xlsx');
    value(await t.router.call('reports.export', { filter: {}, grant: t.grant(list, 'export') }));
    const sheet = (await readXlsx(list)).rows;
    const header = sheet.find((row) => row.includes('报告标题')) ?? [];
    const row = sheet.find((cells) => cells.includes('乡村治理中的党建引领')) ?? [];
    expect(row[header.indexOf('评审等次')]).toBe('优秀');
    expect(row[header.indexOf('发表')]).toBe('《辽源论丛》2019年第4期');
    // The compilation: cover, contents, the report's text.
    const compiled = join(t.dir, 'compiled.docx');
    value(await t.router.call('reports.compile', { classId, grant: t.grant(compiled, 'export') }));
    const text = docxText(compiled);
    expect(text).toContain('优秀调研报告汇编');
    expect(text).toContain('目　录');
    expect(text).toContain('1. 乡村治理中的党建引领');
    expect(text).toContain('村党支部带领合作社发展梅花鹿养殖和有机水稻种植');
  }, 60_000);
});

describe('opening a report', () => {
  it('opens a copy under the report’s own name through the platform', async () => {
    const dir = folder('open');
    const path = await writeReportDocx(join(dir, `${people[0]?.name}-报告.docx`), reportText('关于人才振兴的调研'));
    const staged = await stage({ files: [path] });
    await commit(staged.token, staged.files);
    const opened: string[] = [];
    t.core.platform = { ...t.core.platform, openFile: async (file) => void opened.push(file) };
    const versionId = value(await t.router.call('reports.list', {})).rows[0]?.latest?.id ?? 0;
    expect(value(await t.router.call('reports.open', { versionId, action: 'open' })).name).toBe(`${people[0]?.name}-报告.docx`);
    expect(opened).toHaveLength(1);
    expect(readFileSync(opened[0] ?? '')).toEqual(readFileSync(path));
    copyFileSync(path, join(dir, 'unused.docx'));
  });
});
