import { message } from '../../../shared/i18n/translate';
import type { Board } from '../../../shared/lodging/schemas';
import { ideographicSpace, spacedName } from '../../../shared/text/spaced-name';
import { escapeHtml } from '../documents/html-writer';
import { cardPage } from '../roster/cards';

// The door cards of a dormitory's or hotel's rooms, laid out to be printed (documents.ts exports them),
// and the room words the 房间安排表 shares with them.

export const floorWord = (floor: number | null) => (floor === null ? '' : message('lodging.doc.floorN', { n: floor }));

// The rooms that have someone in them this stay, or are kept for staff: floor by floor, as the board.
export const usedRooms = (board: Board) =>
  board.households.filter((room) => room.occupants.length > 0 || room.reservedFor !== null);

// A card per room for its door: the room number large, who sleeps there, the class and the nights —
// two to an A4 sheet (A5 each, cut along the dashed line), as front desks put them in the door's holder.
// The width a card's names may take: A5 across, less its margins.
const doorCardWidthMm = 170;
const ptPerMm = 72 / 25.4;

// The room's number as large as 96 pt, smaller for a long one (a hotel's 国际会议中心A座1201) so that it
// stays on one line across the card: an ideograph an em wide, a letter or digit about 0.6.
const roomSize = (head: string) => {
  const ems = [...head].reduce((sum, c) => sum + (/\p{Script=Han}/u.test(c) ? 1 : 0.62), 0);
  return Math.min(96, Math.floor((doorCardWidthMm * ptPerMm) / Math.max(1, ems)));
};

export const doorCardsHtml = (title: string, school: string, subtitle: string, board: Board): string => {
  const card = (room: Board['households'][number]) => {
    const names =
      room.reservedFor !== null
        ? [message('lodging.doc.staffRoom', { for: room.reservedFor })]
        : room.occupants.map((guest) => spacedName(guest.name));
    // One name a line: four fit at 30 pt, a dormitory's six-bed room at 20. A bigger room (up to fifty
    // beds) takes its names in columns of six, smaller as the columns grow, so that they stay within
    // the card rather than run over the one below it; a long note of whom a staff room is kept for
    // wraps at a smaller size.
    const columns = Math.ceil(names.length / 6);
    const gap = columns > 5 ? 5 : 10;
    const longest = Math.max(1, ...names.map((name) => [...name].length));
    const staffNote = room.reservedFor !== null;
    const size = staffNote
      ? [...(names[0] ?? '')].length > 16
        ? 18
        : 30
      : names.length > 6
        ? Math.min(20, Math.floor(((doorCardWidthMm / columns - gap) * ptPerMm) / longest))
        : names.length > 4
          ? 20
          : 30;
    const grid =
      !staffNote && names.length > 6
        ? `;display:grid;grid-template-rows:repeat(6,auto);grid-auto-flow:column;align-content:center;justify-content:center;column-gap:${gap}mm`
        : '';
    return `<div class="card"><div class="top">${escapeHtml(title)}</div><div class="room" style="font-size:${roomSize(room.head)}pt">${escapeHtml(room.head)}</div>
<div class="floor">${escapeHtml([floorWord(room.floor), message('lodging.doc.doorBeds', { beds: room.beds })].filter(Boolean).join(ideographicSpace))}</div>
<div class="names" style="font-size:${size}pt${grid}">${names.map((name) => `<span>${escapeHtml(name)}</span>`).join('')}</div>
<div class="foot">${escapeHtml(subtitle)}</div><div class="school">${escapeHtml(school)}</div></div>`;
  };
  const rooms = usedRooms(board);
  const sheets: string[] = [];
  for (let i = 0; i < rooms.length; i += 2)
    sheets.push(
      `<div class="sheet">${rooms
        .slice(i, i + 2)
        .map(card)
        .join('')}</div>`,
    );
  const css = `
  .sheet { width: 210mm; height: 296.5mm; }
  .card { height: 148.25mm; padding: 12mm 16mm; display: flex; flex-direction: column; align-items: center; }
  .card + .card { border-top: 0.3mm dashed #999; }
  .top { font-size: 13pt; color: #333; }
  .room { font-family: "SimHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-weight: bold; line-height: 1.1; white-space: nowrap; margin-top: 4mm; }
  .floor { font-size: 12pt; color: #444; }
  .names { flex: 1; min-height: 0; display: flex; flex-direction: column; justify-content: center; align-items: center; gap: 2mm; line-height: 1.15; font-family: "KaiTi", "AR PL UKai CN", "Noto Serif CJK SC", serif; }
  .foot, .school { font-size: 10.5pt; color: #444; }
`;
  return cardPage(title, 'portrait', css, sheets.join(''));
};
