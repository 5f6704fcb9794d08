import { classTitle } from '../../../shared/classes/schemas';
import { chineseDate, chineseWeekday, daysBetween, monthDay, monthDayRuns } from '../../../shared/dates';
import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import type { SharedMessages } from '../../../shared/i18n/zh-CN';
import { chineseNumber } from '../../../shared/text/chinese-numbers';
import { groupLeaderRole } from '../../../shared/vocab/schemas';
import type { Core } from '../context';
import type { ProseBlock } from '../documents/prose-doc';
import { writeProseDocx } from '../documents/prose-docx';
import type { DocColumn, DocSection } from '../documents/table-doc';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getBoard } from '../lodging/board';
import { listStays } from '../lodging/stays';
import { listTopics, reportDeadline } from '../reports/topics';
import { type RosterItem, rosterItems } from '../roster/service';
import { listSessions } from '../schedule/rows';
import { getSettings } from '../settings/service';
import { getPointRow } from '../sites/points';
import { getVocab } from '../vocab/service';
import { getStaff, teamOf } from '../staff/service';
import { getClass } from '../classes/service';
import { groupName } from '../documents/group-name';

// The 学员手册 handed to each trainee on the first day: everything they need about the class, from
// what the app already holds, in one Word document the 班主任 can still edit. A trainee's roster line
// is name, sex, unit and position only: the handbook goes to every trainee, so no 身份证号 and no
// trainee's phone is ever in it (the class team's and the hosts' phones are there to be called).

type Column = keyof SharedMessages['handbook']['columns'];
const column = (name: Column, width: number, align: DocColumn['align'] = 'left'): DocColumn => ({
  label: message(`handbook.columns.${name}`),
  width,
  align,
});

// Official handbooks: 仿宋 四号 body, 黑体 headings, black throughout (the kit's house style).
const body = (text: string): ProseBlock => ({ kind: 'paragraph', text });
// A section's table, or the sentence saying there is nothing to list yet (a table of no rows prints as
// a lone header).
const tableOr = (empty: string, table: Pick<DocSection, 'columns' | 'rows'>): ProseBlock | DocSection =>
  table.rows.length === 0 ? body(empty) : table;
const subheading = (text: string): ProseBlock => ({ kind: 'subheading', text });
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

const sexWord = (sex: RosterItem['sex']) => (sex ? message(`sex.${sex}`) : '');

// A section of the handbook: its heading and what is under it, paragraphs and tables in order.
type Part = { key: keyof SharedMessages['handbook']['sections']; children: (ProseBlock | DocSection)[] };

const noticePart = (notice: string, classNotes: string): Part => ({
  key: 'notice',
  children: [
    ...lines(notice).map(body),
    ...(classNotes.trim() === '' ? [] : [subheading(message('handbook.classNotes')), ...lines(classNotes).map(body)]),
  ],
});

const schedulePart = (core: Core, classId: number): Part => {
  const sessions = listSessions(core, classId);
  if (sessions.length === 0) return { key: 'schedule', children: [body(message('handbook.noSchedule'))] };
  const label = (name: keyof SharedMessages['documents']['schedule']['columns']) => message(`documents.schedule.columns.${name}`);
  return {
    key: 'schedule',
    children: [
      {
        columns: [
          { label: label('date'), width: 6, align: 'center' },
          { label: label('weekday'), width: 5, align: 'center' },
          { label: label('time'), width: 9, align: 'center' },
          { label: label('title'), width: 16 },
          { label: label('teachers'), width: 5, align: 'center' },
          { label: label('place'), width: 9 },
        ],
        mergeColumns: [0, 1],
        rows: sessions.map((s) => [
          monthDay(s.date),
          chineseWeekday(s.date),
          // The time alone (08:30—11:30): with its 上午 it wraps in a portrait table.
          message('handbook.time', { start: s.start, end: s.end }),
          s.title,
          s.teachers.map((t) => t.name).join(message('text.list')),
          s.place,
        ]),
      },
    ],
  };
};

// 班委 in the order of the school's list of class roles (班长 first), roles not on it after them.
const committeePart = (people: readonly RosterItem[], roleOrder: readonly string[]): Part => {
  const rank = (role: string) => (roleOrder.includes(role) ? roleOrder.indexOf(role) : roleOrder.length);
  const committee = people.filter((p) => p.role !== '' && p.role !== groupLeaderRole).sort((a, b) => rank(a.role) - rank(b.role));
  const groups = [...new Set(people.map((p) => p.group).filter((g) => g !== null))].sort((a, b) => a - b);
  if (committee.length === 0 && groups.length === 0)
    return { key: 'committee', children: [body(message('handbook.noCommittee'))] };
  const children: Part['children'] = [];
  if (committee.length > 0)
    children.push(subheading(message('handbook.committeeHeading')), {
      columns: [column('role', 9, 'center'), column('name', 5, 'center'), column('group', 4, 'center'), column('unit', 18)],
      rows: committee.map((p) => [p.role, p.name, groupName(p.group), p.unit]),
    });
  for (const group of groups) {
    const members = people.filter((p) => p.group === group);
    const leader = members.find((p) => p.role === groupLeaderRole);
    children.push(
      subheading(
        message('handbook.groupHeading', {
          name: groupName(group),
          count: members.length,
          leader: leader ? message('handbook.leader', { name: leader.name }) : '',
        }).trim(),
      ),
      {
        columns: [
          column('seq', 3, 'center'),
          column('name', 5, 'center'),
          column('sex', 3, 'center'),
          column('unit', 16),
          column('role', 8, 'center'),
        ],
        rows: members.map((p, i) => [String(i + 1), p.name, sexWord(p.sex), p.unit, p.role]),
        // A group of a dozen fits a page: never its last rows alone at the top of the next.
        keepTogether: members.length <= 15,
      },
    );
  }
  return { key: 'committee', children };
};

const rosterPart = (people: readonly RosterItem[]): Part => ({
  key: 'roster',
  children: [
    tableOr(message('handbook.noRoster'), {
      columns: [
        column('seq', 3, 'center'),
        column('name', 5, 'center'),
        column('sex', 3, 'center'),
        column('unit', 16),
        column('position', 10),
        column('group', 4, 'center'),
      ],
      rows: people.map((p, i) => [String(i + 1), p.name, sexWord(p.sex), p.unit, p.position, groupName(p.group)]),
    }),
  ],
});

// The field teaching points the schedule goes to, in the order it goes to them.
const sitesPart = (core: Core, classId: number): Part => {
  const visits = new Map<number, string[]>();
  for (const s of listSessions(core, classId))
    if (s.siteId !== null) visits.set(s.siteId, [...(visits.get(s.siteId) ?? []), s.date]);
  if (visits.size === 0) return { key: 'sites', children: [body(message('handbook.noSites'))] };
  return {
    key: 'sites',
    children: [
      {
        columns: [column('dates', 7, 'center'), column('site', 11), column('address', 14), column('travel', 5, 'center')],
        rows: [...visits].map(([siteId, dates]) => {
          const point = getPointRow(core, siteId);
          return [
            monthDayRuns(dates, message('text.list')),
            point.name,
            point.address,
            point.minutesFromSchool === null ? '' : message('handbook.travelMinutes', { minutes: point.minutesFromSchool }),
          ];
        }),
      },
    ],
  };
};

// The 四同 stays: the village, its contact, and who sleeps in which household.
const staysPart = (core: Core, classId: number): Part | undefined => {
  const stays = listStays(core, classId);
  if (stays.length === 0) return undefined;
  const children: Part['children'] = [];
  const boards = stays.map((stay) => ({ stay, board: getBoard(core, stay.id) }));
  for (const { stay, board } of boards) {
    const village = getPointRow(core, stay.siteId);
    const hosting = board.households.filter((h) => h.occupants.length > 0);
    const lodgers = (h: (typeof hosting)[number]) => h.occupants.map((o) => o.name).join(message('text.list'));
    if (board.rooms) {
      // A dormitory or hotel: its address, and the rooms by number — no 户主, no village contact.
      children.push(
        subheading(
          message('handbook.stayHeading', {
            site: stay.siteName,
            arrive: chineseDate(stay.arrive),
            depart: chineseDate(stay.depart),
            nights: daysBetween(stay.arrive, stay.depart),
          }),
        ),
        ...(village.address === '' ? [] : [body(message('handbook.lodgingAddress', { address: village.address }))]),
        ...(stay.notes === '' ? [] : [body(stay.notes)]),
        hosting.length === 0
          ? body(message('handbook.noRooms'))
          : {
              columns: [column('room', 6, 'center'), column('floor', 4, 'center'), column('lodgers', 24)],
              rows: hosting.map((h) => [
                h.head,
                h.floor === null ? '' : message('handbook.floor', { floor: h.floor }),
                lodgers(h),
              ]),
            },
      );
      continue;
    }
    children.push(
      subheading(
        message('handbook.stayHeading', {
          site: stay.siteName,
          arrive: chineseDate(stay.arrive),
          depart: chineseDate(stay.depart),
          nights: daysBetween(stay.arrive, stay.depart),
        }),
      ),
      body(
        village.contactName === ''
          ? message('handbook.noVillageContact')
          : message('handbook.villageContact', {
              name: village.contactName,
              phone: village.contactPhone === '' ? '' : `${message('text.space')}${village.contactPhone}`,
            }),
      ),
    );
    if (stay.notes !== '') children.push(body(stay.notes));
    children.push(
      hosting.length === 0
        ? body(message('handbook.noHouseholds'))
        : {
            columns: [
              column('household', 5, 'center'),
              column('phone', 8, 'center'),
              column('address', 12),
              column('lodgers', 14),
            ],
            rows: hosting.map((h) => [h.head, h.phone, h.address, lodgers(h)]),
          },
    );
  }
  // Stays at the school's dormitory or a hotel only: a 住宿安排, not a 四同.
  return { key: boards.every(({ board }) => board.rooms) ? 'lodging' : 'stays', children };
};

// 作息时间: a line each, its time before the first space.
const routinePart = (routine: string): Part => ({
  key: 'routine',
  children: [
    {
      columns: [column('time', 10, 'center'), column('item', 20)],
      rows: lines(routine).map((line) => {
        const [time = '', ...rest] = line.split(/\s+/);
        return rest.length === 0 ? ['', time] : [time, rest.join(' ')];
      }),
    },
  ],
});

const reportsPart = (core: Core, classId: number): Part => {
  const topics = listTopics(core, classId);
  const deadline = reportDeadline(core, classId);
  return {
    key: 'reports',
    children: [
      body(deadline === null ? message('handbook.noDeadline') : message('handbook.deadline', { date: chineseDate(deadline) })),
      tableOr(message('handbook.noTopics'), {
        columns: [column('seq', 3, 'center'), column('topic', 18), column('adviser', 6, 'center'), column('description', 14)],
        rows: topics.map((t, i) => [String(i + 1), t.title, t.adviserName, t.description]),
      }),
    ],
  };
};

// The class team with their phones; a class without a team still has its 班主任's name.
const contactsPart = (core: Core, classId: number, headTeacher: string): Part => {
  const team = teamOf(core, classId);
  const rows = team.map((member) => [member.role, member.name, getStaff(core, member.staffId).phone, member.organisation]);
  if (rows.length === 0 && headTeacher !== '') rows.push([message('handbook.headTeacher'), headTeacher, '', '']);
  return {
    key: 'contacts',
    children: [
      tableOr(message('handbook.noContacts'), {
        columns: [
          column('contactRole', 6, 'center'),
          column('name', 5, 'center'),
          column('phone', 8, 'center'),
          column('organisation', 14),
        ],
        rows,
      }),
    ],
  };
};

export const handbookParts = (core: Core, classId: number): Part[] => {
  const c = getClass(core, classId);
  const settings = getSettings(core);
  const people = rosterItems(core, { classId, sort: 'stroke' }).items.filter((p) => p.status !== 'withdrawn');
  const stays = staysPart(core, classId);
  return [
    noticePart(settings.handbookNotice || message('handbook.defaultNotice'), c.notes),
    schedulePart(core, classId),
    committeePart(people, getVocab(core, 'classRole')),
    rosterPart(people),
    sitesPart(core, classId),
    ...(stays ? [stays] : []),
    routinePart(settings.handbookRoutine || message('handbook.defaultRoutine')),
    reportsPart(core, classId),
    contactsPart(core, classId, c.headTeacher),
  ];
};

export const handbookDocx = async (core: Core, classId: number): Promise<{ bytes: Buffer; sections: number }> => {
  const c = getClass(core, classId);
  const parts = handbookParts(core, classId);
  const bytes = await writeProseDocx({
    title: `${classTitle(c)}${message('handbook.title')}`,
    body: 'sihao',
    cover: {
      above: getSettings(core).schoolName,
      subtitle: classTitle(c),
      title: message('handbook.title'),
      below: [message('text.dateRange', { from: chineseDate(c.startDate), to: chineseDate(c.endDate) })],
    },
    blocks: [
      { kind: 'contents', title: message('handbook.contents') },
      ...parts.flatMap((part, index): ProseBlock[] => [
        {
          kind: 'chapter',
          text: message('handbook.numbered', { n: chineseNumber(index + 1), heading: message(`handbook.sections.${part.key}`) }),
        },
        ...part.children.map((child): ProseBlock => ('columns' in child ? { kind: 'table', table: child } : child)),
      ]),
    ],
  });
  return { bytes, sections: parts.length };
};

export const exportHandbook = async (core: Core, classId: number, grant: string, job: Job): Promise<ExportResult> => {
  const c = getClass(core, classId);
  const target = exportTarget(core, grant, 'docx');
  job.progress('prepare', 0, 1);
  const { bytes, sections } = await handbookDocx(core, classId);
  job.progress('write', 0, 1);
  return finishExport(core, job, target, bytes, {
    rows: sections,
    audit: { entity: 'class', entityId: classId, summary: message('handbook.exported', { name: c.name, path: target.path }) },
  });
};
