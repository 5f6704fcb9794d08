import { message } from '../../../shared/i18n/translate';
import type { Settings } from '../../../shared/settings/schemas';
import { chineseNumber } from '../../../shared/text/chinese-numbers';
import { defaultVocab, groupLeaderRole, groupRoles } from '../../../shared/vocab/schemas';
import { escapeHtml } from '../documents/html-writer';
import type { DocColumn, TableDoc } from '../documents/table-doc';
import { ideographicSpace, spacedName } from '../../../shared/text/spaced-name';
import { rowOrder, seatColumns } from '../../../shared/seating/layout';
import { cardPage, type CardPerson } from './cards';
import { groupName } from '../documents/group-name';

type Classroom = Settings['classroom'];

// A seat's occupant, or null for an empty seat; rows[0] is the front row, nearest the 主席台.
export type Seating<P extends CardPerson = CardPerson> = { rows: (P | null)[][]; extraRows: number };

// The class committee (班委: 班长, 学习委员, 临时党支部书记…), not a group's own leader.
export const isCommittee = (p: Pick<CardPerson, 'role'>) => p.role !== '' && !groupRoles.includes(p.role);
const committeeRank = (p: CardPerson) => {
  const rank = defaultVocab.classRole.indexOf(p.role);
  return rank === -1 ? defaultVocab.classRole.length : rank;
};

// Fills the classroom row by row from the front, left to right, in the order given (the roster's
// sort: by group, by 姓氏笔画 or by unit); with committeeFront, the committee first, 班长 leading.
// More people than seats: rows are added at the back, and the chart says so.
export const arrangeSeats = <P extends CardPerson>(
  people: readonly P[],
  room: Pick<Classroom, 'rows' | 'seats'>,
  committeeFront: boolean,
): Seating<P> => {
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

const heiFonts = '"SimHei", "Heiti SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif';
const ptPerMm = 72 / 25.4;
// As large as `max`, smaller for a long name, so that it fits `widthMm` on one line.
const fitSize = (text: string, widthMm: number, max: number) =>
  Math.max(6, Math.min(max, Math.floor(((widthMm * ptPerMm) / Math.max(1, [...text].length)) * 0.9 * 2) / 2));

const headCss = `
  h1 { font-family: ${heiFonts}; font-size: 18pt; text-align: center; margin: 0 0 2mm; }
  .sub { text-align: center; font-size: 10.5pt; margin: 0 0 4mm; }
  .podium { margin: 0 auto 6mm; width: 45%; border: 0.5mm solid #000; border-radius: 2mm; text-align: center; font-family: ${heiFonts}; font-size: 14pt; letter-spacing: 1em; padding: 2.5mm 0 2.5mm 1em; background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .podium.bottom { margin: 6mm auto 0; }
`;

const podiumHtml = (side: Classroom['podium']) =>
  `<div class="podium${side === 'bottom' ? ' bottom' : ''}">${escapeHtml(message('documents.roster.podium'))}</div>`;

// The 主席台 above what it faces, or below it (the chart then read from the platform's side).
const withPodium = (side: Classroom['podium'], body: string) =>
  side === 'bottom' ? `${body}${podiumHtml(side)}` : `${podiumHtml(side)}${body}`;

// A4 landscape: the 主席台 across the top (or the bottom), then the rows, an aisle as a gap between seats.
export const seatingHtml = (title: string, subtitle: string, seating: Seating, room: Classroom, byGroup: boolean): string => {
  const drawn = seatColumns(room);
  const columns: string[] = ['<col class="label">'];
  for (const { aisleAfter } of drawn) {
    columns.push('<col>');
    if (aisleAfter) columns.push('<col class="aisle">');
  }
  // The rows share what is left of the page under the title and the 主席台 (about 150 mm).
  const height = Math.min(24, Math.floor(150 / seating.rows.length));
  // A seat's width: the page's 273 mm less the labels and aisles, shared by the seats.
  const seatWidth = (273 - 14 - 8 * room.aisles.length) / room.seats - 2;
  const maxName = seating.rows.length > 8 ? 10.5 : 12.5;
  const seat = (p: CardPerson | null | undefined) => {
    if (!p) return '<td class="seat empty"></td>';
    const detail = byGroup ? [groupName(p.group), p.role] : [p.role];
    const note = detail.filter(Boolean).join(ideographicSpace);
    const name = spacedName(p.name);
    const size = fitSize(name, seatWidth, maxName);
    return `<td class="seat"><div class="name" style="font-size:${size}pt">${escapeHtml(name)}</div>${
      note ? `<div class="note" style="font-size:${Math.min(8, fitSize(note, seatWidth, 8))}pt">${escapeHtml(note)}</div>` : ''
    }</td>`;
  };
  // The front row is always nearest the 主席台; seen from the platform, seat 1 is on the right.
  const body = rowOrder(seating.rows.length, room.podium)
    .map((r) => {
      const row = seating.rows[r - 1] ?? [];
      const cells: string[] = [`<th>${escapeHtml(message('documents.roster.rowN', { n: chineseNumber(r) }))}</th>`];
      for (const { seat: s, aisleAfter } of drawn) {
        cells.push(seat(row[s - 1]));
        if (aisleAfter) cells.push('<td class="aisle"></td>');
      }
      return `<tr style="height:${height}mm">${cells.join('')}</tr>`;
    })
    .join('');
  const css = `
  .sheet { width: 297mm; height: 209.5mm; padding: 10mm 12mm; }
${headCss}
  table { width: 100%; border-collapse: separate; border-spacing: 1.2mm; table-layout: fixed; }
  col.label { width: 14mm; }
  col.aisle { width: 8mm; }
  th { font-weight: normal; font-size: 9.5pt; }
  td.seat { border: 0.3mm solid #000; text-align: center; vertical-align: middle; padding: 0.5mm; overflow: hidden; }
  td.seat.empty { border: 0.3mm dashed #aaa; }
  td.aisle { border: 0; }
  .name { font-family: ${heiFonts}; white-space: nowrap; }
  .note { color: #333; margin-top: 0.5mm; white-space: nowrap; }
`;
  const page = `<div class="sheet"><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(subtitle)}</p>${withPodium(
    room.podium,
    `<table><colgroup>${columns.join('')}</colgroup><tbody>${body}</tbody></table>`,
  )}</div>`;
  return cardPage(title, 'landscape', css, page);
};

// The same chart as a worksheet to move people about in Excel or WPS: a column per seat (an empty
// narrow one for each aisle), a line per row, the 主席台 above the first (or below the last).
export const seatingDoc = (title: string, subtitle: string, seating: Seating, room: Classroom): TableDoc => {
  const drawn = seatColumns(room);
  const columns: DocColumn[] = [{ label: '', width: 5, align: 'center' }];
  for (const { seat, aisleAfter } of drawn) {
    columns.push({ label: String(seat), width: 7, align: 'center' });
    if (aisleAfter) columns.push({ label: '', width: 2 });
  }
  const rows = rowOrder(seating.rows.length, room.podium).map((r) => {
    const row = seating.rows[r - 1] ?? [];
    const cells = [message('documents.roster.rowN', { n: chineseNumber(r) })];
    for (const { seat, aisleAfter } of drawn) {
      const p = row[seat - 1];
      cells.push(p ? spacedName(p.name) : '');
      if (aisleAfter) cells.push('');
    }
    return cells;
  });
  const podium = message('documents.roster.podium');
  const bottom = room.podium === 'bottom';
  return {
    title,
    subtitle,
    orientation: 'landscape',
    sections: [{ heading: bottom ? '' : podium, columns, rows: bottom ? [...rows, ['', podium]] : rows }],
  };
};

// 结构化研讨: a table per group, its 组长 at the head, the others along both sides.
export type GroupTable<P extends CardPerson = CardPerson> = { group: number | null; members: P[] };

export const groupTables = <P extends CardPerson>(people: readonly P[]): GroupTable<P>[] => {
  const groups = [...new Set(people.map((p) => p.group))].sort((a, b) => (a ?? 1000) - (b ?? 1000));
  return groups.map((group) => {
    const members = people.filter((p) => p.group === group);
    return {
      group,
      members: [...members.filter((p) => p.role === groupLeaderRole), ...members.filter((p) => p.role !== groupLeaderRole)],
    };
  });
};

const tableName = (group: number | null) => groupName(group, message('documents.roster.ungrouped'));

// How many tables across: two to four, so that the names along a table stay readable.
const tablesAcross = (count: number) => (count <= 2 ? Math.max(1, count) : count <= 4 ? 2 : count <= 9 ? 3 : 4);

// A4 landscape: the 主席台, then the tables in a grid, each a rectangle with the group's name and
// its members' names along the two long sides (the 组长 first, marked).
export const tablesHtml = (title: string, subtitle: string, tables: readonly GroupTable[], room: Classroom): string => {
  const across = tablesAcross(tables.length);
  const down = Math.max(1, Math.ceil(tables.length / across));
  // What is left of the page under the title and the 主席台: about 150 mm by 273 mm.
  const cellW = 273 / across;
  const cellH = Math.min(75, 148 / down);
  const longest = Math.max(1, ...tables.map((t) => Math.ceil(t.members.length / 2)));
  const nameW = (cellW - 8) / longest - 1.5;
  // A chair holds a name and, under it, a role: all of a row as tall, whatever they hold.
  const chairH = Math.min(14, Math.max(9, (cellH - 24) / 2));
  const side = (people: readonly CardPerson[]) =>
    `<div class="side">${people
      .map((p) => {
        const name = spacedName(p.name);
        const leader = p.role === groupLeaderRole;
        return `<div class="chair${leader ? ' leader' : ''}"><div class="name" style="font-size:${fitSize(name, nameW, 14)}pt">${escapeHtml(
          name,
        )}</div>${p.role ? `<div class="role">${escapeHtml(p.role)}</div>` : ''}</div>`;
      })
      .join('')}</div>`;
  const table = (t: GroupTable) => {
    const half = Math.ceil(t.members.length / 2);
    return `<div class="cell"><div class="group">${side(t.members.slice(0, half))}<div class="board"><span>${escapeHtml(
      tableName(t.group),
    )}</span><span class="count">${escapeHtml(message('documents.people', { count: t.members.length }))}</span></div>${side(
      t.members.slice(half),
    )}</div></div>`;
  };
  const css = `
  .sheet { width: 297mm; height: 209.5mm; padding: 10mm 12mm; }
${headCss}
  .tables { display: flex; flex-wrap: wrap; justify-content: center; align-content: space-evenly; height: ${cellH * down + 4}mm; }
  .cell { width: ${cellW}mm; height: ${cellH}mm; display: flex; align-items: center; justify-content: center; padding: 2mm 3mm; }
  .group { width: 100%; display: flex; flex-direction: column; gap: 2mm; }
  .side { display: flex; justify-content: center; gap: 1.5mm; }
  .chair { flex: 0 1 ${nameW}mm; height: ${chairH}mm; border: 0.3mm solid #000; border-radius: 1mm; text-align: center; padding: 0 0.5mm; overflow: hidden; display: flex; flex-direction: column; justify-content: center; }
  .chair.leader { border-width: 0.6mm; background: #f2f2f2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .name { font-family: ${heiFonts}; white-space: nowrap; line-height: 1.2; }
  .role { font-size: 7.5pt; color: #333; white-space: nowrap; line-height: 1.1; }
  .board { border: 0.5mm solid #000; border-radius: 2mm; height: ${Math.max(10, Math.min(24, cellH - 2 * chairH - 14))}mm; display: flex; align-items: center; justify-content: center; gap: 3mm; font-family: ${heiFonts}; font-size: 15pt; background: #fafafa; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .board .count { font-family: inherit; font-size: 9pt; color: #444; }
`;
  const grid = `<div class="tables">${tables.map(table).join('')}</div>`;
  const page = `<div class="sheet"><h1>${escapeHtml(title)}</h1><p class="sub">${escapeHtml(subtitle)}</p>${withPodium(
    room.podium,
    grid,
  )}</div>`;
  return cardPage(title, 'landscape', css, page);
};

// The same tables as a worksheet: a column per group, its members down it, the 组长 first.
export const tablesDoc = (title: string, subtitle: string, tables: readonly GroupTable[]): TableDoc => {
  const depth = Math.max(0, ...tables.map((t) => t.members.length));
  return {
    title,
    subtitle,
    orientation: 'landscape',
    sections: [
      {
        heading: message('documents.roster.podium'),
        columns: tables.map((t) => ({ label: tableName(t.group), width: 9, align: 'center' })),
        rows: Array.from({ length: depth }, (_, i) =>
          tables.map((t) => {
            const p = t.members[i];
            if (!p) return '';
            return p.role === groupLeaderRole
              ? message('documents.roster.withRole', { name: spacedName(p.name), role: p.role })
              : spacedName(p.name);
          }),
        ),
      },
    ],
  };
};
