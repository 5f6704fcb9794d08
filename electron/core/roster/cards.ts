import { classTitle, type TrainingClass } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import type { TentcardFont } from '../../../shared/roster/export';
import { ideographicSpace, spacedName } from '../../../shared/text/spaced-name';
import { escapeHtml } from '../documents/html-writer';
import { groupName } from '../documents/group-name';

// 桌签 and 胸牌: pages of cards, not tables, laid out in millimetres for Chromium to print at A4.

// What a card shows of a person (never an ID number or a phone).
export type CardPerson = { name: string; unit: string; position: string; group: number | null; role: string };

// The name's point size: as large as `max`, smaller for a long name (a 4-character 复姓 or a
// transliterated minority name) so that it fits `widthMm` on one line.
const ptPerMm = 72 / 25.4;
const nameSize = (name: string, widthMm: number, max: number) =>
  Math.min(max, Math.floor(((widthMm * ptPerMm) / Math.max(1, [...name].length)) * 0.92));

const heiFonts = '"SimHei", "Heiti SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
const kaiFonts = '"KaiTi", "STKaiti", "Kaiti SC", "AR PL UKai CN", "AR PL KaitiM GB", "Noto Serif CJK SC", serif';
const songFonts = '"SimSun", "Songti SC", "Noto Serif CJK SC", "WenQuanYi Micro Hei", serif';

export const cardPage = (title: string, page: string, css: string, body: string): string => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
  @page { size: A4 ${page}; margin: 0; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: ${songFonts}; color: #000; }
  .sheet { break-after: page; overflow: hidden; position: relative; }
  .sheet:last-child { break-after: auto; }
${css}
</style></head><body>${body}</body></html>`;

const unitLine = (p: CardPerson) => [p.unit, p.position].filter(Boolean).join(ideographicSpace);

// 桌签: an A4 sheet folded along the middle into a tent, the name on both faces. The upper half is
// turned 180° so that, folded, it faces the people across the table the right way up.
export const tentcardsHtml = (
  title: string,
  people: readonly CardPerson[],
  options: { perPage: 1 | 2; font: TentcardFont },
): string => {
  // One to a sheet: A4 landscape, each face 297 × 105 mm. Two: A4 portrait cut across, each card
  // 210 × 148.5 mm with faces of 74.25 mm.
  const one = options.perPage === 1;
  const [width, face] = one ? [297, 105] : [210, 148.5 / 2];
  const max = one ? 120 : 80;
  const faceHtml = (p: CardPerson, upper: boolean) => {
    const name = spacedName(p.name);
    const size = nameSize(name, width - 30, max);
    const line = unitLine(p);
    return `<div class="face${upper ? ' upper' : ''}"><div class="name" style="font-size:${size}pt">${escapeHtml(name)}</div>${line ? `<div class="unit">${escapeHtml(line)}</div>` : ''}</div>`;
  };
  const card = (p: CardPerson) => `<div class="card">${faceHtml(p, true)}${faceHtml(p, false)}</div>`;
  const sheets: string[] = [];
  for (let i = 0; i < people.length; i += options.perPage) {
    sheets.push(
      `<div class="sheet">${people
        .slice(i, i + options.perPage)
        .map(card)
        .join('')}</div>`,
    );
  }
  const css = `
  .sheet { width: ${width}mm; height: ${one ? 209.5 : 296.5}mm; }
  .card { width: ${width}mm; height: ${face * 2}mm; position: relative; }
  .card + .card { border-top: 0.3mm dashed #999; }
  .face { height: ${face}mm; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: ${one ? 6 : 3}mm; padding: 0 15mm; }
  .face.upper { transform: rotate(180deg); border-bottom: 0.2mm dotted #bbb; }
  .name { font-family: ${options.font === 'kai' ? kaiFonts : heiFonts}; font-weight: ${options.font === 'kai' ? 'normal' : 'bold'}; line-height: 1.1; white-space: nowrap; letter-spacing: 0.05em; }
  .unit { font-size: ${one ? 16 : 12}pt; text-align: center; line-height: 1.3; }
`;
  return cardPage(title, one ? 'landscape' : 'portrait', css, sheets.join(''));
};

// 胸牌/学员证: eight (2 × 4) or ten (2 × 5) to an A4 sheet, framed by dashed lines to cut along.
export const badgesHtml = (
  title: string,
  c: TrainingClass,
  school: string,
  people: readonly CardPerson[],
  options: { perPage: 8 | 10; photo: boolean },
): string => {
  const rows = options.perPage / 2;
  // 10 mm of paper around the sheet, which most printers cannot print on anyway.
  const [cellW, cellH] = [95, (297 - 20) / rows];
  const small = options.perPage === 10;
  const badge = (p: CardPerson) => {
    const name = spacedName(p.name);
    const size = nameSize(name, cellW - (options.photo ? 40 : 14), small ? 26 : 30);
    const group = groupName(p.group);
    const detail = [group, p.role].filter(Boolean).join(ideographicSpace);
    return `<td><div class="badge"><div class="head">${escapeHtml(classTitle(c))}</div><div class="body">${
      options.photo ? `<div class="photo">${escapeHtml(message('documents.roster.photo'))}</div>` : ''
    }<div class="who"><div class="name" style="font-size:${size}pt">${escapeHtml(name)}</div><div class="unit">${escapeHtml(p.unit)}</div>${
      detail ? `<div class="group">${escapeHtml(detail)}</div>` : ''
    }</div></div><div class="foot">${escapeHtml(school || message('documents.roster.badgeHeading'))}</div></div></td>`;
  };
  const sheets: string[] = [];
  for (let i = 0; i < people.length; i += options.perPage) {
    const page = people.slice(i, i + options.perPage);
    const trs = Array.from({ length: rows }, (_, r) => {
      const pair = page.slice(r * 2, r * 2 + 2);
      return `<tr>${pair.map(badge).join('')}${'<td class="blank"></td>'.repeat(2 - pair.length)}</tr>`;
    }).join('');
    sheets.push(`<div class="sheet"><table>${trs}</table></div>`);
  }
  const css = `
  .sheet { width: 210mm; height: 296.5mm; padding: 10mm 10mm; }
  table { border-collapse: collapse; table-layout: fixed; width: ${cellW * 2}mm; }
  td { width: ${cellW}mm; height: ${cellH}mm; border: 0.3mm dashed #666; padding: 0; vertical-align: top; }
  td.blank { border-color: #ccc; }
  .badge { height: ${cellH}mm; display: flex; flex-direction: column; }
  .head { background: #c00; color: #fff; text-align: center; font-family: ${heiFonts}; font-weight: bold; font-size: ${small ? 11 : 12}pt; padding: ${small ? 1.5 : 2.5}mm 2mm; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .body { flex: 1; display: flex; align-items: center; gap: 4mm; padding: 0 6mm; }
  .photo { flex: none; width: ${small ? 20 : 25}mm; height: ${small ? 26 : 32}mm; border: 0.3mm solid #888; color: #888; font-size: 9pt; display: flex; align-items: center; justify-content: center; }
  .who { flex: 1; min-width: 0; text-align: center; }
  .name { font-family: ${heiFonts}; font-weight: bold; line-height: 1.2; white-space: nowrap; }
  .unit { font-size: ${small ? 9.5 : 10.5}pt; margin-top: ${small ? 1 : 2}mm; line-height: 1.3; }
  .group { font-size: ${small ? 9.5 : 10.5}pt; margin-top: 1mm; }
  .foot { text-align: center; font-size: 8.5pt; color: #444; padding-bottom: ${small ? 1.5 : 2.5}mm; }
`;
  return cardPage(title, 'portrait', css, sheets.join(''));
};
