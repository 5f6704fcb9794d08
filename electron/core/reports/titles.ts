import { fileNameNoise } from '../../../shared/reports/schemas';
import { ordinaryForms } from '../../../shared/text/ordinary-forms';

// The title an upload proposes for a report, before the person confirms it. Trainees name their
// files 姓名-标题.docx (姓名_标题, 姓名 标题, 姓名（标题）, 标题-姓名, 第二组-标题): what stands beside the
// name is the title they meant, and it wins. Otherwise the document's first line that reads like a
// title — and a document's first lines are often not its title: a broker's disclaimer printed on
// every page, a standard's ICS code, a journal's volume header, a page header, a line of a broken
// font. A PDF's metadata is never asked: its Title is whatever the program that made it put there,
// often in an encoding nobody can read back ("�本�:1.9.9").

// --- From the file name -----------------------------------------------------------------------

// What separates a name from the title, and what stood where a name or group was taken out:
// [\s_\-—–－·・、，,。.], written out in each pattern below.
const edges = /^[\s_\-—–－·・、，,。.]+|[\s_\-—–－·・、，,。.]+$/g;
// Separators and spaces left where a name was (高测- -调研 once 张伟 is out): one separator is enough.
// A run without a space (the —— of a subtitle) is the title's own.
const separatorRuns = /[\s_\-—–－·・、，,。.]*\s[\s_\-—–－·・、，,。.]*/g;
// Marks people add to a file, not to the report: 终稿, v2, a date stamp, (1) and -2 of a copy.
const versionMark =
  /[\s_\-—–－·・、，,。.]*[（(【[]?\s*(?:终稿|定稿|修改稿|修订稿|初稿|最终版|修订版|修改版|副本|v\d{1,2}|(?:19|20)\d{2}[-_.]?\d{2}[-_.]?\d{2})\s*[)）】\]]?$|\s*[（(]\s*\d{1,2}\s*[)）]$|[\s_\-—–－·・、，,。.]+\d{1,2}$/i;
// 01-张伟-…: a number before the name (学号, 序号).
const leadingNumber = /^\d{1,3}[\s_\-—–－·・、，,。.]+/;
// 吴刚（提示工程简介）: once the name is out, the whole title stands in brackets.
const bracketed = /^[（(【[《]\s*([^（()）【】[\]《》]+?)\s*[）)】\]》]$/;

const noiseWords = [...fileNameNoise].sort((a, b) => b.length - a.length);

// Nothing but the usual words (调研报告, 终稿), digits and separators: no title.
const saysNothing = (title: string) => {
  let left = title;
  for (const word of noiseWords) left = left.replaceAll(word, '');
  return !/[\p{L}]/u.test(left);
};

// What is left of a file's name (without its extension) once its authors' names or group are taken
// out, as a title: 张伟-高测股份调研报告 → 高测股份调研报告. Empty when it says nothing (张三-调研报告).
export const fileNameTitle = (rest: string): string => {
  let title = ordinaryForms(rest).trim();
  for (let before = ''; before !== title;) {
    before = title;
    title = title.replace(edges, '').replace(versionMark, '').replace(leadingNumber, '').replace(bracketed, '$1').trim();
  }
  title = title.replace(separatorRuns, (run) => (run.length < 2 ? run : (run.replace(/\s/g, '')[0] ?? ' ')));
  return saysNothing(title) ? '' : [...title].slice(0, 200).join('');
};

// --- From the text ----------------------------------------------------------------------------

// Lines no report is titled with, whatever their length and script.
const boilerplate: readonly RegExp[] = [
  // Broker and publisher disclaimers, printed on every page.
  /请务必阅读|免责声明|法律声明|信息披露|仅供.{0,8}(参考|使用)|版权所有|执业证书|证券研究报告/,
  // Standards: classification codes, the issuing header, the number.
  /^(ICS|CCS)\b/i,
  /^中华人民共和国.*(标准|规范)$|(国家|行业|地方|团体|企业)标准$/,
  /^备案号/,
  /^[A-Z]{1,4}(\/[A-Z])?\s*[\dX]+(\.\d+)*\s*[-—－–]\s*\d{4}$/,
  // Journals: 第 9 卷第 4 期, Vol. 19 No. 4 (letters set apart as PDFs of CAJ files have them).
  /第\s*[0-9一二三四五六七八九十]+\s*[卷期]/,
  /\bV\s*o\s*l\s*\.?\s*\d|\bN\s*o\s*\.?\s*\d/i,
  /^(中图分类号|分类号|文献标识码|文章编号|主题词|关键词|收稿日期|作者简介|基金项目|DOI)/i,
  // Page headers and footers, a table of contents, headings every paper has.
  /^第\s*\d+\s*页|共\s*\d+\s*页/,
  /^(目\s*录|摘\s*要|前\s*言|Abstract|Contents)\s*$/i,
  // Classification marks, attachments, a template's placeholder.
  /^(密\s*级|机\s*密|秘\s*密|绝\s*密|内部资料|内部文件|注意保[存密])/,
  /^附\s*件\s*\d*\s*[:：]?$/,
  /^(点击|单击)此处/,
];

// Text a program could not read back: the replacement character, private-use code points (a font
// without a Unicode map), controls, UTF-8 read as Latin-1 (Ã©), GBK's 锟斤拷 and 烫烫烫.
// eslint-disable-next-line no-control-regex -- control characters are what marks a broken line
const broken = /[\ufffd\ue000-\uf8ff\u0000-\u0008\u000b-\u001f\u007f-\u009f]|[\u00c0-\u00ff][\u0080-\u00ff]|锟斤拷|烫烫|屯屯/;

// Not a title, whatever else it is: boilerplate, a broken line, a sentence, a label, a note in
// brackets. Also asked of a report's stored title when a new version comes (stage.ts).
export const isBoilerplate = (line: string): boolean =>
  broken.test(line) ||
  boilerplate.some((pattern) => pattern.test(line)) ||
  // A label waiting for its value (备案号：), a sentence, a note wholly in brackets.
  /[:：]$/.test(line) ||
  /[。；;]/.test(line) ||
  /^[（(【[].*[）)】\]]$/.test(line);

const hanCount = (line: string) => line.match(/\p{Script=Han}/gu)?.length ?? 0;
const letterCount = (line: string) => line.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

// A title line: 4 to 60 characters, mostly Chinese (a line of mostly Latin letters and digits is a
// code, a date or an English translation), and not boilerplate.
const maxTitle = 60;
export const readsLikeTitle = (line: string): boolean => {
  const length = [...line].length;
  return (
    length >= 4 && length <= maxTitle && hanCount(line) >= 2 && hanCount(line) * 2 >= letterCount(line) && !isBoilerplate(line)
  );
};

// A title broken over lines: the next begins with a joining word (民用航空发动机状态监视 / 和故障诊断
// 系统研究), is a subtitle (——以朝阳村为例), or names a part of a standard (第1部分：通用要求).
const joinsOn = /^(和|与|及|以及|暨|并|兼论|兼谈|之)/;
const subtitle = /^[—–－~～-]{1,2}/;
const part = /^第\s*[0-9一二三四五六七八九十]+\s*部分/;
const maxJoined = 80;

const continued = (title: string, next: string): string | undefined => {
  if (/[。；;！!？?，,]$/.test(title) || broken.test(next) || hanCount(next) < 2 || isBoilerplate(next)) return undefined;
  const joined = joinsOn.test(next) || subtitle.test(next) ? `${title}${next}` : part.test(next) ? `${title} ${next}` : undefined;
  return joined !== undefined && [...joined].length <= maxJoined ? joined : undefined;
};

// The first lines that read like a title, among the first page's worth of lines; undefined when
// none does (a scan, a text of codes and English).
const linesLooked = 60;
export const textTitle = (text: string): string | undefined => {
  const lines = ordinaryForms(text)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .slice(0, linesLooked);
  const at = lines.findIndex(readsLikeTitle);
  if (at === -1) return undefined;
  let title = lines[at] ?? '';
  // A Word document has an empty line between paragraphs, which the filter above took out.
  for (const next of lines.slice(at + 1, at + 3)) {
    const joined = continued(title, next);
    if (joined === undefined) break;
    title = joined;
  }
  return title;
};

// --- The proposal -------------------------------------------------------------------------------

// `rest` is the file name without its extension, with the authors' names or group taken out;
// `named` says whether any were. A file name that only repeats a topic of the class (张三-乡村治理
// when 乡村治理 is the topic) says which topic it is on; the document's own title says more.
export const proposedTitle = (input: { text: string; rest: string; named: boolean; topics?: readonly string[] }): string => {
  const fromName = fileNameTitle(input.rest);
  if (input.named && fromName !== '' && !(input.topics ?? []).includes(fromName)) return fromName;
  return textTitle(input.text) ?? fromName;
};
