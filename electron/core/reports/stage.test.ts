import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { versionText } from './versions';
import { failure, value } from '../testing/expect-result';
import { realDocs, reportText, writeReportDocx, zipWith } from '../testing/report-files';
import { eachReportClass, type ReportPerson } from '../testing/report-class';
import type { TempCore } from '../testing/temp-core';
import { snapshot } from '../testing/temp-core';

// Handing reports in (stage.ts): a folder or files matched to their authors, read and indexed, what is
// not a report refused, a file changed before the commit refused.

let t: TempCore;
let classId = 0;
let people: ReportPerson[] = [];
const { folder, stage, commit, found, uploadClassFolder } = eachReportClass((opened) => {
  ({ t, classId, people } = opened);
});

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
