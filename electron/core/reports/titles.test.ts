import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { pdfOptions } from '../documents/parser/extract';
import { sha256Of } from '../files/store';
import { value } from '../testing/expect-result';
import { eachReportClass, type ReportPerson } from '../testing/report-class';
import { realDocs, reportText, withTextLayerForms, writeReportDocx } from '../testing/report-files';
import type { TempCore } from '../testing/temp-core';
import type { Enrolled } from './authors';
import { matchFileName } from './stage';
import { versionText } from './versions';
import { fileNameTitle, isBoilerplate, proposedTitle, textTitle } from './titles';

const people: Enrolled[] = ['张伟', '王芳', '刘洋', '吴刚', '王明华', '李娜'].map((name, index) => ({
  enrolmentId: index + 1,
  name,
  unit: '',
  group: (index % 2) + 1,
}));

// The title staging proposes for a file of this name holding this text.
const titleFor = (stem: string, text = '') => {
  const match = matchFileName(stem, people);
  return proposedTitle({ text, rest: match.rest, named: match.by !== 'none' });
};

const body = ['关于朝阳村发展生态农业的调研报告', '辽源市委党校年轻干部培训班', '近年来，朝阳村依托产业园发展特色农业。'].join(
  '\n',
);

describe('a report’s title from its file name', () => {
  it('takes the title beside the author’s name, in every way trainees write it', () => {
    expect(titleFor('张伟-高测股份调研报告', body)).toBe('高测股份调研报告');
    expect(titleFor('王芳_乡村治理调研', body)).toBe('乡村治理调研');
    expect(titleFor('刘洋 读书报告', body)).toBe('读书报告');
    expect(titleFor('吴刚（提示工程简介）', body)).toBe('提示工程简介');
    expect(titleFor('吴刚(提示工程简介)', body)).toBe('提示工程简介');
    expect(titleFor('李娜《乡村振兴战略规划》', body)).toBe('乡村振兴战略规划');
    expect(titleFor('第二组-党建引领乡村治理', body)).toBe('党建引领乡村治理');
    expect(titleFor('第2组_党建引领乡村治理', body)).toBe('党建引领乡村治理');
    // The name after the title, or among other marks people put in a name.
    expect(titleFor('高测股份调研报告-张伟', body)).toBe('高测股份调研报告');
    expect(titleFor('01-张伟-高测股份调研报告', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟-高测股份调研报告（终稿）', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟-高测股份调研报告(1)', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟-高测股份调研报告20190915', body)).toBe('高测股份调研报告');
    expect(titleFor('张伟、王芳-冷链物流调研', body)).toBe('冷链物流调研');
    expect(titleFor('张伟 王芳 冷链物流调研', body)).toBe('冷链物流调研');
    // 王明华 is not 王明, and a title's own dashes stay.
    expect(titleFor('王明华-乡村振兴——以朝阳村为例', body)).toBe('乡村振兴——以朝阳村为例');
    // Full-width letters and digits, as the name was typed.
    expect(titleFor('张伟-５Ｇ基站建设调研', body)).toBe('5G基站建设调研');
  });

  it('reads the document when the name says only who wrote it, or names nobody', () => {
    expect(titleFor('张伟', body)).toBe('关于朝阳村发展生态农业的调研报告');
    expect(titleFor('张伟-调研报告', body)).toBe('关于朝阳村发展生态农业的调研报告');
    expect(titleFor('张伟-调研报告-终稿', body)).toBe('关于朝阳村发展生态农业的调研报告');
    expect(titleFor('第一组调研报告（修改稿）', body)).toBe('关于朝阳村发展生态农业的调研报告');
    // Nobody named: the document says better than a name nobody recognised.
    expect(titleFor('无名稿', body)).toBe('关于朝阳村发展生态农业的调研报告');
    // Nothing to read (a scan): what the name says, if anything.
    expect(titleFor('乡村振兴调研报告', '')).toBe('乡村振兴调研报告');
    expect(titleFor('张伟-调研报告', '')).toBe('');
    expect(fileNameTitle('  -- 调研报告 终稿 ')).toBe('');
  });
});

describe('a report’s title from its text', () => {
  it('skips the boilerplate real documents begin with', () => {
    // A broker's report: the disclaimer printed on every page comes out first.
    expect(
      textTitle(
        ['请务必阅读正文之后的信息披露和法律声明', '证券研究报告', '高测股份（688556）：光伏切割设备龙头', '投资要点'].join('\n'),
      ),
    ).toBe('高测股份（688556）：光伏切割设备龙头');
    // A PDF whose font had no Unicode map, or a line decoded in the wrong encoding.
    expect(textTitle(['\ufffd本\ufffd:1.9.9', 'Ã¥Â¤Â§Ã¦Â¨Â¡Ã¥Å¾Â‹', '锟斤拷锟斤拷', '乡村治理的朝阳村实践'].join('\n'))).toBe(
      '乡村治理的朝阳村实践',
    );
    // Page headers, a label, a date, a note in brackets, a sentence, a line too long to be a title.
    expect(
      textTitle(
        [
          '第 1 页 共 12 页',
          '- 1 -',
          '密级：内部',
          '附件2',
          '2019年9月20日',
          '（本稿完成日期：2023年3月9日）',
          '近年来朝阳村发展很快。',
          '朝阳村位于辽源市东辽县安石镇，全村共有农户三百二十户，耕地面积四千二百亩，近年来依托辽河源现代生态农业产业园发展梅花鹿养殖和有机水稻种植',
          '朝阳村特色种植的调查与思考',
        ].join('\n'),
      ),
    ).toBe('朝阳村特色种植的调查与思考');
    expect(textTitle('ICS 27.120.99\nF69\nNB\nPart 1: General Requirements')).toBeUndefined();
    expect(textTitle('')).toBeUndefined();
  });

  it('joins a title broken over lines, and only such a title', () => {
    expect(textTitle('民用航空发动机状态监视\n和故障诊断系统研究\n北京航空航天大学')).toBe(
      '民用航空发动机状态监视和故障诊断系统研究',
    );
    expect(textTitle('乡村人才振兴的路径研究\n\n——以辽源市为例\n\n摘要')).toBe('乡村人才振兴的路径研究——以辽源市为例');
    expect(textTitle('核电厂定期安全评价\n\n第1部分：通用要求\n\nPreparation of')).toBe('核电厂定期安全评价 第1部分：通用要求');
    expect(textTitle('第二组关于乡村治理的调研报告\n辽源市委党校年轻干部培训班')).toBe('第二组关于乡村治理的调研报告');
  });

  it('shows the title in ordinary characters, whatever the PDF’s font called them', () => {
    expect(textTitle('个\u2f08知识库助\u2f3f在党校教学中的应\u2f64')).toBe('个人知识库助手在党校教学中的应用');
    expect(titleFor('张伟-个\u2f08知识库助\u2f3f调研')).toBe('个人知识库助手调研');
  });

  it('knows a stored title that came from boilerplate from one a person wrote', () => {
    for (const old of [
      'ICS 27.120.99',
      '第 9 卷第 4 期航空动力学报 V o l19 N o 14',
      '请务必阅读正文之后的信息披露和法律声明',
      '\ufffd本\ufffd:1.9.9',
    ])
      expect(isBoilerplate(old), old).toBe(true);
    for (const title of ['高测股份调研报告', '乡村治理', 'AI在党校教学中的应用', '关于朝阳村发展生态农业的调研报告'])
      expect(isBoilerplate(title), title).toBe(false);
  });
});

// The titles staging gives the reports of an upload, stored and searched.
describe('report titles', () => {
  let t: TempCore;
  let classId = 0;
  // The class's trainees (the unit tests above have people of their own).
  let people: ReportPerson[] = [];
  const { folder, stage, commit, search, found } = eachReportClass((opened) => {
    ({ t, classId, people } = opened);
  });

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
