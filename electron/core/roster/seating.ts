import { message } from '../../../shared/i18n/translate';
import type { Settings } from '../../../shared/settings/schemas';
import { chineseNumber } from '../../../shared/text/chinese-numbers';
import { defaultVocab, groupRoles } from '../../../shared/vocab/schemas';
import { escapeHtml } from '../documents/html-writer';
import type { DocColumn, TableDoc } from '../documents/table-doc';
import { ideographicSpace, spacedName } from '../../../shared/text/spaced-name';
import { cardPage, type CardPerson } from './cards';

type Classroom = Settings['classroom'];

// A seat's occupant, or null for an empty seat; rows[0] is the front row, nearest the 主席台.
export type Seating = { rows: (CardPerson | null)[][]; extraRows: number };

// The class committee (班委: 班长, 学习委员, 临时党支部书记…), not a group's own leader.
const isCommittee = (p: CardPerson) => p.role !== '' && !groupRoles.includes(p.role);
const committeeRank = (p: CardPerson) => {
  const rank = defaultVocab.classRole.indexOf(p.role);
  return rank === -1 ? defaultVocab.classRole.length : rank;
};

// Fills the classroom row by row from the front, left to right, in the order given (the roster's
// sort: by group, by 姓氏笔画 or by unit); with committeeFront, the committee first, 班长 leading.
// More people than seats: rows are added at the back, and the chart says so.
export const arrangeSeats = (people: readonly CardPerson[], room: Classroom, committeeFront: boolean): Seating => {
  const ordered = committeeFront
    ? [
        ...people.filter(isCommittee).sort((a, b) => committeeRank(a) - committeeRank(b)),
        ...people.filter((p) => !isCommittee(p)),
      ]
    : [...people];
  const count = Math.max(room.rows, Math.ceil(ordered.length / room.seats));
  const rows = Array.from({ length: count }, (_, r) =>
    Array.from({ length: room.seats }, (_, s) => ordered[r * room.seats + s] ?? null),
  );
  return { rows, extraRows: count - room.rows };
};

// A4 landscape: the 主席台 across the top, then the rows, an aisle as a gap between seats.
export const seatingHtml = (title: string, subtitle: string, seating: Seating, room: Classroom, byGroup: boolean): string => {
  const aisles = new Set(room.aisles);
  const columns: string[] = ['<col class="label">'];
  for (let s = 1; s <= room.seats; s += 1) {
    columns.push('<col>');
    if (aisles.has(s) && s < room.seats) columns.push('<col class="aisle">');
  }
  // The rows share what is left of the page under the title and the 主席台 (about 150 mm).
  const height = Math.min(24, Math.floor(150 / seating.rows.length));
  const seat = (p: CardPerson | null) => {
    if (p === null) return '<td class="seat empty"></td>';
    const detail = byGroup
      ? [p.group === null ? '' : message('documents.groupN', { n: chineseNumber(p.group) }), p.role]
      : [p.role];
    const note = detail.filter(Boolean).join(ideographicSpace);
    return `<td class="seat"><div class="name">${escapeHtml(spacedName(p.name))}</div>${note ? `<div class="note">${escapeHtml(note)}</div>` : ''}</td>`;
  };
  const body = seating.rows
    .map((row, r) => {
      const cells: string[] = [`<th>${escapeHtml(message('documents.roster.rowN', { n: chineseNumber(r + 1) }))}</th>`];
      row.forEach((p, s) => {
        cells.push(seat(p));
        if (aisles.has(s + 1) && s + 1 < room.seats) cells.push('<td class="aisle"></td>');
      });
      return `<tr style="height:${height}mm">${cells.join('')}</tr>`;
    })
    .join('');
  const css = `
  .sheet { width: 297mm; height: 209.5mm; padding: 10mm 12mm; }
  h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 2mm; }
  .sub { text-align: center; font-size: 10.5pt; margin: 0 0 4mm; }
  .podium { margin: 0 auto 6mm; width: 45%; border: 0.5mm solid #000; border-radius: 2mm; text-align: center; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 14pt; letter-spacing: 1em; padding: 2.5mm 0 2.5mm 1em; background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  table { width: 100%; border-collapse: separate; border-spacing: 1.2mm; table-layout: fixed; }
  col.label { width: 14mm; }
  col.aisle { width: 8mm; }
  th { font-weight: normal; font-size: 9.5pt; }
  td.seat { border: 0.3mm solid #000; text-align: center; vertical-align: middle; padding: 0.5mm; overflow: hidden; }
  td.seat.empty { border: 0.3mm dashed #aaa; }
  td.aisle { border: 0; }
  .name { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: ${seating.rows.length > 8 ? 10.5 : 12.5}pt; white-space: nowrap; }
  .note { font-size: 8pt; color: #333; margin-top: 0.5mm; white-space: nowrap; }
`;
  const page = `<div class="sheet"><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(subtitle)}</p><div class="podium">${escapeHtml(
    message('documents.roster.podium'),
  )}</div><table><colgroup>${columns.join('')}</colgroup><tbody>${body}</tbody></table></div>`;
  return cardPage(title, 'landscape', css, page);
};

// The same chart as a worksheet to move people about in Excel or WPS: a column per seat (an empty
// narrow one for each aisle), a line per row, the 主席台 above the first.
export const seatingDoc = (title: string, subtitle: string, seating: Seating, room: Classroom): TableDoc => {
  const aisles = new Set(room.aisles);
  const columns: DocColumn[] = [{ label: '', width: 5, align: 'center' }];
  for (let s = 1; s <= room.seats; s += 1) {
    columns.push({ label: String(s), width: 7, align: 'center' });
    if (aisles.has(s) && s < room.seats) columns.push({ label: '', width: 2 });
  }
  const rows = seating.rows.map((row, r) => {
    const cells = [message('documents.roster.rowN', { n: chineseNumber(r + 1) })];
    row.forEach((p, s) => {
      cells.push(p === null ? '' : spacedName(p.name));
      if (aisles.has(s + 1) && s + 1 < room.seats) cells.push('');
    });
    return cells;
  });
  return {
    title,
    subtitle,
    orientation: 'landscape',
    sections: [{ heading: message('documents.roster.podium'), columns, rows }],
  };
};
