import { describe, expect, it } from 'vitest';
import { reportText } from '../testing/report-files';
import { eachReportClass, type ReportPerson } from '../testing/report-class';

// Finding reports (search.ts) among those of an upload.

let people: ReportPerson[] = [];
const { stage, commit, search, found, uploadClassFolder } = eachReportClass((opened) => {
  ({ people } = opened);
});

describe('searching research reports', () => {
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
});
