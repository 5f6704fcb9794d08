import { pageBreak } from '../documents/parser/page-break';

// A report's text as the 优秀调研报告汇编 prints it. Text taken out of a PDF carries what the page
// had besides the report: running headers and footers on every page (a journal's name and volume, a
// broker's disclaimer), page numbers (- 3 -, 第 3 页 共 9 页), a Word template's markers
// ([Table_Main]), and the numbers of charts and tables whose lines are gone (axis ticks, legends,
// columns of figures). Those go; what remains is put back into paragraphs (a PDF breaks every line).
// When most of a report is such residue, printing the rest would be junk: the 汇编 says where the
// report came from instead (see `mostlyResidue`).

export type CleanedText = { paragraphs: string[] };

const hanCount = (line: string) => line.match(/\p{Script=Han}/gu)?.length ?? 0;
const visible = (line: string) => line.replace(/\s+/g, '').length;

// A Word template's markers, kept by the PDF made from it: [Table_Main], [Table_Title], [Chart_1].
const templateMarker = /\[[A-Za-z]+_[A-Za-z0-9_]*\]/g;

// Page numbers in the ways pages are numbered.
const pageNumber: readonly RegExp[] = [
  /^[-—–－\s]*\d{1,4}[-—–－\s]*$/,
  /^第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?$/,
  /^共\s*\d+\s*页\s*第\s*\d+\s*页$/,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/,
  /^page\s*\d+(\s*(of|\/)\s*\d+)?$/i,
];

// Lines a chart or table leaves: numbers, percentages and ticks alone; a row whose last cells are
// figures (营业收入 100.2 120.3 18.5%, a column of check marks); a chart's source line.
const figure = /^[-+]?\d[\d,.]*\s*[%％‰]?$|^[A-Za-z]?\d{2,4}[A-Z]?$/;
// A row ends in two or more such cells after a blank. Read cell by cell: as one pattern searched along
// the line, a crafted line of figures ending in a word took the square of its length.
const figureCell = /^[-+]?\d[\d,.]*[%％]?[A-Z]?$/;
const isTableRow = (line: string, cells: readonly string[]): boolean =>
  cells.length >= (/^\s/.test(line) ? 2 : 3) && cells.slice(-2).every((cell) => figureCell.test(cell));
const chartSource = /^(资料来源|数据来源|来源)\s*[:：]/;
// The caption of a chart or table that did not come through: 图表1：…, 表2：….
const caption = /^(图表?|表)\s*\d+\s*[:：]/;
// Numbered like a heading: 一、 （二） 3.1 第三章.
const heading =
  /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+(\.\s?\d+)*[\s、.]|第[一二三四五六七八九十\d]+[章节部分])/;

const isFigures = (line: string): boolean => {
  const cells = line.split(/\s+/).filter(Boolean);
  if (cells.every((cell) => figure.test(cell) || /^[-—–:：/()（）]+$/.test(cell))) return true;
  if (isTableRow(line, cells) && !/[。；;，,]/.test(line)) return true;
  // Mostly digits and Latin letters, hardly a word of Chinese: an axis, a legend, a code.
  const digits = line.match(/\d/g)?.length ?? 0;
  return hanCount(line) < 2 && digits * 2 >= visible(line);
};

// A line that could be a heading or the end of a paragraph, but in a run of three or more such
// fragments is what a chart's labels leave (年份, 营收, 增速 …).
const fragmentLength = 8;
const isFragment = (line: string) => [...line.replace(/\s+/g, '')].length <= fragmentLength && !/[。！？!?]$/.test(line);
const fragmentRun = 3;

// A header or footer is recognised by its words, whatever number it carries (043 航空动力学报 第 9 卷,
// 143 第 4 期 …): digits and blanks do not count.
const headerKey = (line: string) => line.replace(/\s+/g, '').replace(/\d+/g, '#');
const maxHeader = 60;
// How many lines at each edge of a page may be its header or footer.
const edgeLines = 2;

const runningLines = (pages: readonly (readonly string[])[]): Set<string> => {
  const onPages = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set(
      [...lines.slice(0, edgeLines), ...lines.slice(-edgeLines)].filter((l) => [...l].length <= maxHeader).map(headerKey),
    );
    for (const key of edges) onPages.set(key, (onPages.get(key) ?? 0) + 1);
  }
  // On two pages or more (a journal alternates its left and right headers); where the text lost its
  // pages, a short line said three times or more.
  const running = new Set([...onPages].filter(([, count]) => count >= 2).map(([key]) => key));
  if (pages.length === 1) {
    const said = new Map<string, number>();
    for (const line of pages[0] ?? []) {
      if ([...line].length > maxHeader) continue;
      const key = headerKey(line);
      said.set(key, (said.get(key) ?? 0) + 1);
    }
    return new Set([...said].filter(([key, count]) => count >= 3 && key.replace(/#/g, '') !== '').map(([key]) => key));
  }
  return running;
};

// A PDF breaks lines where the page ran out: a line goes on into the next unless it ends a sentence
// or stops well short of the page's width (a paragraph's last line, a heading).
// Widths as the page sets them: a Chinese character is two Latin letters wide.
const sentenceEnd = /[。！？!?；;：:”」』]$/;
const width = (line: string) =>
  [...line].reduce((sum, c) => sum + (/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(c) ? 2 : 1), 0);
const intoParagraphs = (lines: readonly string[]): string[] => {
  const widths = lines.map(width).sort((a, b) => a - b);
  const full = widths[Math.floor(widths.length * 0.75)] ?? 0;
  const paragraphs: string[] = [];
  let current = '';
  for (const line of lines) {
    current =
      current === '' ? line : /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? `${current} ${line}` : current + line;
    if (sentenceEnd.test(line) || width(line) < full * 0.85) {
      paragraphs.push(current);
      current = '';
    }
  }
  if (current !== '') paragraphs.push(current);
  return paragraphs;
};

export const cleanReportText = (text: string, options: { fromPdf: boolean }): CleanedText => {
  const unmarked = text.replace(templateMarker, '');
  if (!options.fromPdf) {
    const paragraphs = unmarked
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return { paragraphs };
  }
  const pages = unmarked.split(pageBreak).map((page) =>
    page
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== ''),
  );
  const running = runningLines(pages);
  const lines = pages.flat();
  const residue = lines.map(
    (line) =>
      running.has(headerKey(line)) ||
      pageNumber.some((pattern) => pattern.test(line)) ||
      chartSource.test(line) ||
      caption.test(line) ||
      isFigures(line),
  );
  // Three or more lines in a row that are residue or short fragments (a chart's ticks, legend and
  // source) go whole; in a shorter run the fragments stay (a heading beside a page number), and so
  // does a fragment numbered like a heading.
  const junk = lines.map((line, i) => residue[i] === true || (isFragment(line) && !heading.test(line)));
  const prose: string[] = [];
  for (let i = 0; i < lines.length;) {
    let end = i + 1;
    if (junk[i]) while (end < lines.length && junk[end]) end += 1;
    const run = lines.slice(i, end);
    if (!junk[i]) prose.push(...run);
    else if (end - i < fragmentRun) prose.push(...run.filter((_, at) => residue[i + at] !== true));
    i = end;
  }
  const paragraphs = intoParagraphs(prose);
  return { paragraphs };
};

// Still mostly residue once cleaned (a report of charts and tables, a scan's stray characters): the
// paragraphs that read as prose — a sentence, or a run of Chinese — are less than half of what is
// left, or too few to be a report. Better tidied by a person, from its file.
const proseParagraph = (paragraph: string) => /[。！？!?；;]/.test(paragraph) || hanCount(paragraph) >= 20;
const leastProse = 80;
export const mostlyResidue = (cleaned: CleanedText): boolean => {
  const left = visible(cleaned.paragraphs.join(''));
  const prose = visible(cleaned.paragraphs.filter(proseParagraph).join(''));
  return prose < leastProse || prose * 2 < left;
};
