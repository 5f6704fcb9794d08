import { classTitle } from '../../../shared/classes/schemas';
import { chineseDate, chineseWeekday, daysBetween, monthDay } from '../../../shared/dates';
import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { maskPhone } from '../../../shared/idcard';
import type { SharedMessages } from '../../../shared/i18n/zh-CN';
import type { LodgingDocument } from '../../../shared/lodging/schemas';
import { groupLeaderRole } from '../../../shared/vocab/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { printPdf, renderTableDoc } from '../documents/render';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import type { DocColumn, DocSection, TableDoc } from '../documents/table-doc';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { participantsOf, planOf } from './plan';
import { getBoard } from './board';
import { groupName } from '../documents/group-name';
import { doorCardsHtml, floorWord, usedRooms } from './door-cards';

// The four togethers on paper: for the village, a list per household (names, sex, group and the
// group leader's phone — never an ID number); for the class, where each trainee sleeps; the plan day
// by day; each trainee's part and labour hours; at a dormitory or hotel, the 房间安排表 and the door
// cards (laid out in door-cards.ts).
//
// The group leader's mobile is a trainee's personal data, and the village's list is left on farmhouse
// tables: it goes out masked (139****0001) unless the person asks for it whole, and the audit entry
// says which. The households' own phones are the village's data, on the village's and the class's
// lists alike.

type Column = keyof SharedMessages['lodging']['doc']['columns'];
const column = (name: Column, width: number, align: DocColumn['align'] = 'left'): DocColumn => ({
  label: message(`lodging.doc.columns.${name}`),
  width,
  align,
});

const sexWord = (sex: 'male' | 'female' | null) => (sex ? message(`sex.${sex}`) : '');

const lodgingDoc = (
  core: Core,
  stayId: number,
  document: LodgingDocument,
  revealPhone: boolean,
): { doc: TableDoc; rows: number; className: string } => {
  const board = getBoard(core, stayId);
  const stay = board.stay;
  const target = getClass(core, stay.classId);
  const subtitle = message('lodging.doc.subtitle', {
    school: getSettings(core).schoolName,
    site: stay.siteName,
    arrive: chineseDate(stay.arrive),
    depart: chineseDate(stay.depart),
    nights: daysBetween(stay.arrive, stay.depart),
  }).trim();
  const title = `${classTitle(target)}${message(`lodging.documents.${document}`)}`;
  let sections: DocSection[];
  if (document === 'rooms') {
    // The front desk's list: room by room, floor by floor, each guest on a line (the room's number,
    // floor and beds merged over its guests); a room kept for staff says for whom.
    sections = [
      {
        columns: [
          column('room', 5, 'center'),
          column('floor', 3, 'center'),
          column('beds', 3, 'center'),
          column('seq', 3, 'center'),
          column('name', 6),
          column('sex', 3, 'center'),
          column('unit', 14),
          column('group', 4, 'center'),
        ],
        mergeColumns: [0, 1, 2],
        rows: usedRooms(board).flatMap((room) => {
          const fixed = [room.head, floorWord(room.floor), String(room.beds)];
          if (room.reservedFor !== null)
            return [[...fixed, '', message('lodging.doc.staffRoom', { for: room.reservedFor }), '', '', '']];
          return room.occupants.map((guest, seq) => [
            ...fixed,
            String(seq + 1),
            guest.single ? message('lodging.doc.singleNote', { name: guest.name }) : guest.name,
            sexWord(guest.sex),
            guest.unit,
            groupName(guest.group),
          ]);
        }),
      },
    ];
    // The rooms nobody of the class sleeps in, nor another class those nights: the front desk lets
    // them go (a hotel's booking) or keeps them for the next class.
    const spare = board.households.filter(
      (room) =>
        room.active && room.reservedFor === null && room.occupants.length === 0 && room.beds > 0 && room.free === room.beds,
    );
    if (spare.length > 0)
      sections.push({
        heading: message('lodging.doc.spareRooms', {
          count: spare.length,
          beds: spare.reduce((sum, room) => sum + room.beds, 0),
        }),
        columns: [column('room', 5, 'center'), column('floor', 3, 'center'), column('beds', 3, 'center')],
        rows: spare.map((room) => [room.head, floorWord(room.floor), String(room.beds)]),
      });
  } else if (document === 'households') {
    // Each group's leader, and the phone the village calls about the group.
    const leaders = new Map(
      statement<[number, string], { group: number; name: string; phone: string }>(
        core.db,
        `SELECT e.group_no AS "group", t.name, t.phone FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
          WHERE e.class_id = ? AND e.role = ? AND e.group_no IS NOT NULL AND e.status <> 'withdrawn'`,
      )
        .all(stay.classId, groupLeaderRole)
        .map((leader) => [leader.group, leader]),
    );
    sections = board.households
      .filter((household) => household.occupants.length > 0)
      .map((household, index) => ({
        heading: message('lodging.doc.householdHeading', {
          head: household.head,
          phone: household.phone,
          address: household.address,
          beds: household.beds,
          people: household.occupants.length,
        }),
        pageBreakBefore: index > 0 && index % 4 === 0,
        columns: [
          column('seq', 3, 'center'),
          column('name', 6),
          column('sex', 3, 'center'),
          column('group', 4, 'center'),
          column('role', 6, 'center'),
          column('groupLeader', 6),
          column('leaderPhone', 9),
        ],
        rows: household.occupants.map((occupant, seq) => {
          const leader = occupant.group === null ? undefined : leaders.get(occupant.group);
          return [
            String(seq + 1),
            occupant.name,
            sexWord(occupant.sex),
            groupName(occupant.group),
            occupant.role,
            leader?.name ?? '',
            leader === undefined ? '' : revealPhone ? leader.phone : maskPhone(leader.phone),
          ];
        }),
      }));
  } else if (document === 'trainees') {
    const homes = new Map(
      board.households.flatMap((household) => household.occupants.map((occupant) => [occupant.enrolmentId, household] as const)),
    );
    const people = [...board.households.flatMap((h) => h.occupants), ...board.unplaced].sort(
      (a, b) => (a.group ?? 100) - (b.group ?? 100),
    );
    // At a dormitory or hotel each trainee's room and floor; in a village the household, its phone and address.
    sections = [
      {
        columns: board.rooms
          ? [
              column('seq', 3, 'center'),
              column('name', 6),
              column('sex', 3, 'center'),
              column('group', 4, 'center'),
              column('room', 5, 'center'),
              column('floor', 4, 'center'),
              column('unit', 14),
            ]
          : [
              column('seq', 3, 'center'),
              column('name', 6),
              column('sex', 3, 'center'),
              column('group', 4, 'center'),
              column('household', 6),
              column('headPhone', 9),
              column('address', 14),
            ],
        rows: people.map((person, seq) => {
          const home = homes.get(person.enrolmentId);
          if (board.rooms)
            return [
              String(seq + 1),
              person.name,
              sexWord(person.sex),
              groupName(person.group),
              home?.head ?? message('lodging.doc.noHouse'),
              home ? floorWord(home.floor) : '',
              person.unit,
            ];
          return [
            String(seq + 1),
            person.name,
            sexWord(person.sex),
            groupName(person.group),
            home?.head ?? message('lodging.doc.noHouse'),
            home?.phone ?? '',
            home?.address ?? '',
          ];
        }),
      },
    ];
  } else if (document === 'plan') {
    sections = [
      {
        columns: [
          column('date', 10, 'center'),
          column('meals', 8, 'center'),
          column('lodging', 7, 'center'),
          column('study', 14),
          column('labour', 14),
          column('labourHours', 5, 'center'),
          column('labourLeader', 6, 'center'),
        ],
        rows: planOf(core, stayId).map((day) => [
          message('documents.dayHeading', { date: monthDay(day.date), weekday: chineseWeekday(day.date) }),
          day.meals.length === 0
            ? message('lodging.doc.mealsNone')
            : day.meals.map((meal) => message(`lodging.meals.${meal}`)).join(message('text.list')),
          day.date === stay.depart
            ? message('lodging.doc.departDay')
            : message('lodging.doc.lodgingSummary', { households: day.households, people: day.people }),
          day.study,
          day.labourField === ''
            ? day.labourTask
            : message('lodging.doc.labourAt', { task: day.labourTask, field: day.labourField }),
          day.labourHours > 0 ? String(day.labourHours) : '',
          day.labourLeader,
        ]),
      },
    ];
  } else {
    sections = [
      {
        columns: [
          column('seq', 3, 'center'),
          column('name', 6),
          column('group', 4, 'center'),
          column('household', 6),
          column('participation', 6, 'center'),
          column('hours', 6, 'center'),
          column('reflection', 5, 'center'),
        ],
        rows: participantsOf(core, stayId).map((person, seq) => [
          String(seq + 1),
          person.name,
          groupName(person.group),
          person.household || message('lodging.doc.noHouse'),
          message(`lodging.participation.${person.participation}`),
          String(person.labourHours ?? (person.participation === 'absent' ? 0 : person.plannedHours)),
          message(
            person.reflection !== '' || person.reflectionFile !== null ? 'lodging.doc.reflectionYes' : 'lodging.doc.reflectionNo',
          ),
        ]),
      },
    ];
  }
  const rows = sections.reduce((sum, section) => sum + section.rows.length, 0);
  // A village reading 139****0074 is told why, and whom to ask.
  const footer = document === 'households' && !revealPhone ? { footer: message('lodging.doc.phonesMaskedNote') } : {};
  const orientation = document === 'rooms' ? 'portrait' : 'landscape';
  return { doc: { title, subtitle, orientation, sections, ...footer }, rows, className: target.name };
};

export const exportLodging = async (
  core: Core,
  input: {
    stayId: number;
    document: LodgingDocument;
    format: 'xlsx' | 'docx' | 'pdf';
    reveal: { phone: boolean };
    grant: string;
  },
  job: Job,
): Promise<ExportResult> => {
  // The room list and the door cards are a dormitory's or hotel's; a door card is printed (PDF only).
  const board = input.document === 'rooms' || input.document === 'doors' ? getBoard(core, input.stayId) : undefined;
  if (board && !board.rooms)
    throw invalidInput([
      { ...fieldIssue('document', 'unknown_value', { value: input.document }), message: message('lodging.room.notRooms') },
    ]);
  if (input.document === 'doors' && input.format !== 'pdf')
    throw invalidInput([
      { ...fieldIssue('format', 'unknown_value', { value: input.format }), message: message('lodging.room.doorsPdfOnly') },
    ]);
  const target = exportTarget(core, input.grant, input.format);
  job.progress('prepare', 0, 1);
  // Only the village's list carries the leaders' mobiles: what the entry records is what was shown.
  const revealPhone = input.document === 'households' && input.reveal.phone;
  const { doc, rows, className } = lodgingDoc(
    core,
    input.stayId,
    input.document === 'doors' ? 'rooms' : input.document,
    revealPhone,
  );
  const bytes =
    input.document === 'doors' && board
      ? await printPdf(
          core,
          job,
          doorCardsHtml(
            `${classTitle(getClass(core, board.stay.classId))}`,
            getSettings(core).schoolName,
            message('lodging.doc.doorStay', {
              site: board.stay.siteName,
              arrive: chineseDate(board.stay.arrive),
              depart: chineseDate(board.stay.depart),
            }),
            board,
          ),
          false,
        )
      : await renderTableDoc(core, job, doc, input.format);
  return finishExport(core, job, target, bytes, {
    rows,
    audit: {
      entity: 'stays',
      entityId: input.stayId,
      summary: message('lodging.exportDocSummary', {
        className,
        document: message(`lodging.documents.${input.document}`),
        format: input.format.toUpperCase(),
        revealed: revealPhone
          ? message('documents.roster.revealed', { what: message('documents.roster.fullPhone') })
          : input.document === 'households'
            ? message('lodging.doc.phonesMasked')
            : '',
        path: target.path,
      }),
      after: { format: input.format, path: target.path, document: input.document, rows, reveal: { phone: revealPhone } },
    },
  });
};
