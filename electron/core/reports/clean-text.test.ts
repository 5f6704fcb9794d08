import { describe, expect, it } from 'vitest';
import { cleanReportText } from './clean-text';

// A report's PDF is whatever its author (or anyone) made: one line of its text may be a hundred
// thousand characters. Cleaning it must take time in proportion, not its square: the 汇编 cleans
// every report of the year in one job.
describe("a report's text cleaned for the 汇编", () => {
  it('drops a table row of figures, keeps prose, and reads a crafted 100,000-character line (timed in the bench)', () => {
    const text = ['关于朝阳村发展庭院经济的调研报告，全村共有农户三百余户。', '营业收入 100.2 120.3 18.5%', '合计 12 13'].join(
      '\n',
    );
    expect(cleanReportText(text, { fromPdf: true }).paragraphs.join('')).toBe(
      '关于朝阳村发展庭院经济的调研报告，全村共有农户三百余户。',
    );
    // Figures all along, then a word: no table row, and each start of the line was tried to the end.
    const crafted = `${' 1'.repeat(50_000)} 村`;
    // How long it takes is measured in `npm run bench -- hostile-text`, beside prose of the same size.
    expect(cleanReportText(`调研报告正文。\n${crafted}`, { fromPdf: true }).paragraphs.join('')).toContain('调研报告正文。');
  });
});
