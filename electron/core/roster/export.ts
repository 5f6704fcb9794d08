import { extname } from 'node:path';
import { classTitle, type TrainingClass } from '../../../shared/classes/schemas';
import { addDays, chineseDate, chineseWeekday, daysBetween } from '../../../shared/dates';
import { message, type MessageKey } from '../../../shared/i18n/translate';
import type { SharedMessages } from '../../../shared/i18n/zh-CN';
import { printedTime, type Session } from '../../../shared/schedule/schemas';
import { groupLeaderRole } from '../../../shared/vocab/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { getClass } from '../classes/service';
import { getSession, listSessions } from '../schedule/rows';
import type { Core } from '../context';
import { type CsvEncoding, writeCsv } from '../documents/csv-writer';
import { writeDocx } from '../documents/docx-writer';
import { renderHtml } from '../documents/html-writer';
import type { DocColumn, DocSection, TableDoc } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { type RosterItem, rosterItems } from './service';
import { type ExportResult, type PrintResult } from '../../../shared/files/schemas';
import { printDoc, printPage } from '../documents/print';
import { printPdf } from '../documents/render';
import {
  type RosterColumn,
  defaultRosterColumns,
  documentFormats,
  type ExportFormat,
  type RosterDocument,
  type RosterPrint,
  type SigninLayout,
  type CardDocument,
  type TableDocument,
  type TentcardFont,
  isCardDocument,
  contactsColumns,
} from '../../../shared/roster/export';
import { badgesHtml, type CardPerson, tentcardsHtml } from './cards';
import { groupTables, seatingDoc, seatingHtml, tablesDoc, tablesHtml } from './seating';
import { classSeating } from './seat-plan';
import type { SeatLayout } from '../../../shared/seating/schemas';
import { type RosterSort } from '../../../shared/roster/schemas';
import { statement } from '../db/statements';
import { groupName } from '../documents/group-name';

export type RosterExport = {
  classId: number;
  document: RosterDocument;
  format: ExportFormat;
  columns?: readonly RosterColumn[] | undefined;
  reveal: { idNumber: boolean; phone: boolean };
  sort: RosterSort;
  signinBy: SigninLayout;
  sessionId?: number | undefined;
  allDays?: boolean | undefined;
  csvEncoding: CsvEncoding;
  committeeFront?: boolean | undefined;
  seatingLayout?: SeatLayout | undefined;
  tentcardsPerPage?: 1 | 2 | undefined;
  tentcardFont?: TentcardFont | undefined;
  badgesPerPage?: 8 | 10 | undefined;
  badgePhoto?: boolean | undefined;
  grant: string;
};

type Person = RosterItem & { idNumber: string; phone: string };

const dotted = (date: string | null) => (date ? date.slice(0, 7).replace('-', '.') : '');

type ColumnLabel = keyof SharedMessages['documents']['roster']['columns'];
const label = (column: ColumnLabel) => message(`documents.roster.columns.${column}`);

type ColumnSpec = Omit<DocColumn, 'label'> & { value: (p: Person, index: number) => string };

const columnSpec: Record<RosterColumn, ColumnSpec> = {
  seq: { width: 3, align: 'center', value: (_p, i) => String(i + 1) },
  name: { width: 5, align: 'center', value: (p) => p.name },
  sex: { width: 3, align: 'center', value: (p) => (p.sex ? message(`sex.${p.sex}`) : '') },
  ethnicity: { width: 3, align: 'center', value: (p) => p.ethnicity },
  birthDate: { width: 5, align: 'center', value: (p) => dotted(p.birthDate) },
  idNumber: { width: 10, align: 'center', value: (p) => p.idNumber },
  unit: { width: 14, value: (p) => p.unit },
  position: { width: 10, value: (p) => p.position },
  rank: { width: 5, align: 'center', value: (p) => p.rank },
  politicalStatus: { width: 5, align: 'center', value: (p) => p.politicalStatus },
  education: { width: 5, align: 'center', value: (p) => p.education },
  phone: { width: 7, align: 'center', value: (p) => p.phone },
  group: { width: 4, align: 'center', value: (p) => groupName(p.group) },
  role: { width: 5, align: 'center', value: (p) => p.role },
  status: { width: 4, align: 'center', value: (p) => message(`enrolmentStatus.${p.status}`) },
  notes: { width: 8, value: (p) => p.enrolmentNotes || p.notes },
};

const tableOf = (people: readonly Person[], columns: readonly RosterColumn[]): Pick<DocSection, 'columns' | 'rows'> => ({
  columns: columns.map((key) => ({ ...columnSpec[key], label: label(key) })),
  rows: people.map((person, index) => columns.map((key) => columnSpec[key].value(person, index))),
});

const trainingDates = (c: TrainingClass) =>
  message('documents.trainingDates', { from: chineseDate(c.startDate), to: chineseDate(c.endDate) });

const subtitle = (school: string, ...parts: string[]) => [school, ...parts].filter(Boolean).join(message('text.gap'));

const attending = <P extends RosterItem>(people: readonly P[]) => people.filter((p) => p.status !== 'withdrawn');

// What a document is made from; `sessions` only for a sign-in sheet per session.
type Source = {
  c: TrainingClass;
  school: string;
  people: Person[];
  columns: readonly RosterColumn[];
  sessions: readonly Session[] | undefined;
  // The days a sheet per day has pages for.
  days: readonly string[];
  // Sorted by group: the sheets say each person's group, so the groups can be told apart.
  byGroup: boolean;
};

const signinColumns = (byGroup: boolean, ...last: DocColumn[]): DocColumn[] => [
  { label: label('seq'), width: 3, align: 'center' },
  { label: label('name'), width: 6, align: 'center' },
  ...(byGroup ? [{ label: label('group'), width: 4, align: 'center' } satisfies DocColumn] : []),
  { label: label('unitAndPosition'), width: byGroup ? 14 : 18 },
  ...last,
];
const signinRow = (byGroup: boolean, p: Person, index: number, blanks: number): string[] => [
  String(index + 1),
  p.name,
  ...(byGroup ? [groupName(p.group)] : []),
  unitAndPosition(p),
  ...Array.from({ length: blanks }, () => ''),
];
const unitAndPosition = (p: Person) => [p.unit, p.position].filter(Boolean).join('');
const title = (document: RosterDocument, c: TrainingClass) =>
  message(`documents.roster.titles.${document}`, { title: classTitle(c) });

// A page per session, for the groups that attend it (no groups named: the whole class).
const sessionSignin = ({ c, school, people, byGroup }: Source, sessions: readonly Session[]): TableDoc => {
  const present = attending(people);
  return {
    title: title('signin', c),
    subtitle: subtitle(school, message('documents.roster.sessions', { count: sessions.length })),
    orientation: 'portrait',
    sections: sessions.map((session, index) => {
      const expected =
        session.groups.length === 0 ? present : present.filter((p) => p.group !== null && session.groups.includes(p.group));
      const groups =
        session.groups.length === 0
          ? ''
          : message('documents.roster.attendingGroups', {
              groups: session.groups.map((group) => groupName(group)).join(message('text.list')),
            });
      const teachers = session.teachers.map((t) => t.name).join(message('text.list'));
      return {
        heading: message('documents.roster.sessionHeading', {
          date: chineseDate(session.date),
          weekday: chineseWeekday(session.date),
          time: printedTime(session),
          title: session.title,
        }),
        note: [
          teachers && message('documents.roster.teachers', { names: teachers }),
          session.place && message('documents.roster.place', { place: session.place }),
          message('documents.roster.expected', { count: expected.length, groups }),
        ]
          .filter(Boolean)
          .join(message('text.space')),
        pageBreakBefore: index > 0,
        columns: signinColumns(
          byGroup,
          { label: label('signature'), width: 8, signature: true },
          { label: label('notes'), width: 6 },
        ),
        rows: expected.map((p, i) => signinRow(byGroup, p, i, 2)),
      };
    }),
  };
};

const builders: Record<TableDocument, (source: Source) => TableDoc> = {
  roster: ({ c, school, people, columns }) => {
    const table = tableOf(people, columns);
    const width = table.columns.reduce((sum, column) => sum + column.width, 0);
    return {
      title: title('roster', c),
      subtitle: subtitle(school, trainingDates(c), message('documents.people', { count: people.length })),
      // A4 portrait holds about 48 characters of 10.5 pt text across; wider tables turn the page.
      orientation: width > 48 ? 'landscape' : 'portrait',
      sections: [table],
    };
  },
  signin: (source) => {
    if (source.sessions) return sessionSignin(source, source.sessions);
    const { c, school, people, days, byGroup } = source;
    const present = attending(people);
    return {
      title: title('signin', c),
      subtitle: subtitle(school, message('documents.roster.expected', { count: present.length, groups: '' })),
      orientation: 'portrait',
      sections: days.map((date, day) => ({
        heading: message('documents.dayHeading', { date: chineseDate(date), weekday: chineseWeekday(date) }),
        pageBreakBefore: day > 0,
        columns: signinColumns(
          byGroup,
          { label: label('morning'), width: 8, signature: true },
          { label: label('afternoon'), width: 8, signature: true },
        ),
        rows: present.map((p, i) => signinRow(byGroup, p, i, 2)),
      })),
    };
  },
  groups: ({ c, school, people }) => {
    const present = attending(people);
    const groups = [...new Set(present.map((p) => p.group))].sort((a, b) => (a ?? 1000) - (b ?? 1000));
    return {
      title: title('groups', c),
      subtitle: subtitle(
        school,
        message('documents.roster.groupCount', { groups: groups.filter((g) => g !== null).length, people: present.length }),
      ),
      orientation: 'portrait',
      sections: groups.map((group) => {
        const members = present.filter((p) => p.group === group);
        const leader = members.find((p) => p.role === groupLeaderRole);
        return {
          heading: message('documents.roster.groupHeading', {
            name: groupName(group, message('documents.roster.ungrouped')),
            count: members.length,
            leader: leader ? message('documents.roster.leader', { name: leader.name }) : '',
          }),
          ...tableOf(members, ['seq', 'name', 'sex', 'unit', 'position', 'role']),
        };
      }),
    };
  },
  contacts: ({ c, school, people }) => ({
    title: title('contacts', c),
    subtitle: subtitle(school, trainingDates(c)),
    orientation: 'portrait',
    sections: [tableOf(attending(people), contactsColumns)],
  }),
};

const peopleOf = (core: Core, items: readonly RosterItem[], reveal: RosterExport['reveal']): Person[] => {
  const full = new Map<number, { id_number: string | null; phone: string }>();
  if (reveal.idNumber || reveal.phone) {
    const rows = statement<[], { id: number; id_number: string | null; phone: string }>(
      core.db,
      'SELECT id, id_number, phone FROM trainees',
    ).all();
    for (const row of rows) full.set(row.id, row);
  }
  return items.map((item) => {
    const stored = full.get(item.traineeId);
    return {
      ...item,
      idNumber: reveal.idNumber && stored ? (stored.id_number ?? '') : item.idNumberMasked,
      phone: reveal.phone && stored ? stored.phone : item.phoneMasked,
    };
  });
};

const refuse = (field: 'sessionId' | 'signinBy' | 'format', key: MessageKey) =>
  invalidInput([{ ...fieldIssue(field, 'invalid_format'), message: message(key) }]);

// The sessions a sign-in sheet is made for, or undefined for a sheet per day.
const signinSessions = (
  core: Core,
  input: Pick<RosterExport, 'classId' | 'document' | 'signinBy' | 'sessionId'>,
): Session[] | undefined => {
  const perSession = input.sessionId !== undefined || input.signinBy === 'session';
  if (!perSession) return undefined;
  if (input.document !== 'signin') throw refuse(input.sessionId === undefined ? 'signinBy' : 'sessionId', 'export.signinOnly');
  if (input.sessionId !== undefined) {
    const session = getSession(core, input.sessionId);
    if (session.classId !== input.classId) throw refuse('sessionId', 'export.sessionNotInClass');
    return [session];
  }
  const sessions = listSessions(core, input.classId);
  if (sessions.length === 0) throw refuse('signinBy', 'export.noSessions');
  return sessions;
};

// The days of a sheet per day: those with sessions, or every day of the class when asked (or when
// there is no schedule to go by).
const signinDays = (core: Core, c: TrainingClass, input: Pick<RosterExport, 'document' | 'allDays'>): string[] => {
  const every = Array.from({ length: daysBetween(c.startDate, c.endDate) + 1 }, (_, day) => addDays(c.startDate, day));
  if (input.document !== 'signin' || input.allDays === true) return every;
  const taught = new Set(listSessions(core, c.id).map((session) => session.date));
  return taught.size === 0 ? every : every.filter((date) => taught.has(date));
};

// The document an export writes, before it is written (the class archive writes the masked roster
// into its package).
export const rosterDoc = (
  core: Core,
  input: Omit<RosterExport, 'format' | 'grant' | 'csvEncoding' | 'document'> & { document: TableDocument },
): { doc: TableDoc; people: number } => {
  const target = getClass(core, input.classId);
  const { items } = rosterItems(core, { classId: input.classId, sort: input.sort });
  const people = peopleOf(core, items, input.reveal);
  const doc = builders[input.document]({
    c: target,
    school: getSettings(core).schoolName,
    people,
    columns: input.columns ?? defaultRosterColumns,
    sessions: signinSessions(core, input),
    days: signinDays(core, target, input),
    byGroup: input.sort === 'group',
  });
  return { doc, people: people.length };
};

type CardPage = { html: string; landscape: boolean; title: string; people: number; sheet?: TableDoc };

// 座次表, 桌签 and 胸牌: the people who attend (not those withdrawn), in the order asked for, as pages
// of their own. Only what a card shows is taken from the roster: no ID number, no phone.
export const cardPage = (
  core: Core,
  input: Omit<RosterExport, 'format' | 'grant' | 'csvEncoding' | 'reveal' | 'document'> & { document: CardDocument },
): CardPage => {
  const c = getClass(core, input.classId);
  signinSessions(core, input);
  const settings = getSettings(core);
  const { items } = rosterItems(core, { classId: input.classId, sort: input.sort });
  const people: CardPerson[] = attending(items).map(({ name, unit, position, group, role }) => ({
    name,
    unit,
    position,
    group,
    role,
  }));
  const docTitle = title(input.document, c);
  if (input.document === 'tentcards') {
    const perPage = input.tentcardsPerPage ?? 1;
    const html = tentcardsHtml(docTitle, people, { perPage, font: input.tentcardFont ?? 'hei' });
    return { html, landscape: perPage === 1, title: docTitle, people: people.length };
  }
  if (input.document === 'badges') {
    const html = badgesHtml(docTitle, c, settings.schoolName, people, {
      perPage: input.badgesPerPage ?? 8,
      photo: input.badgePhoto ?? false,
    });
    return { html, landscape: false, title: docTitle, people: people.length };
  }
  // The saved seat map when the class has one (with the roster's changes since); otherwise the
  // classroom filled in the order asked for.
  const { room, plan, seating } = classSeating(core, input.classId, {
    sort: input.sort,
    committeeFront: input.committeeFront ?? false,
  });
  const seated = people.length;
  if (input.seatingLayout === 'tables') {
    const tables = groupTables(people);
    const sub = subtitle(
      settings.schoolName,
      trainingDates(c),
      message('documents.roster.tablesLayout', { count: tables.length }),
      message('documents.people', { count: seated }),
    );
    return {
      html: tablesHtml(docTitle, sub, tables, room),
      sheet: tablesDoc(docTitle, sub, tables),
      landscape: true,
      title: docTitle,
      people: seated,
    };
  }
  const layout =
    message('documents.roster.seatingLayout', { rows: room.rows, seats: room.seats }) +
    (seating.extraRows > 0 ? message('documents.roster.extraRows', { count: seating.extraRows }) : '');
  const sub = subtitle(settings.schoolName, trainingDates(c), layout, message('documents.people', { count: seated }));
  return {
    html: seatingHtml(docTitle, sub, seating, room, (plan?.sort ?? input.sort) === 'group'),
    sheet: seatingDoc(docTitle, sub, seating, room),
    landscape: true,
    title: docTitle,
    people: seated,
  };
};

const documentOf = async (
  core: Core,
  input: RosterExport,
  job: Job,
): Promise<{ bytes: Uint8Array; rows: number; people: number }> => {
  const { document } = input;
  if (isCardDocument(document)) {
    // Cards are printed pages; only the 座次表 is also a worksheet.
    if (!documentFormats[document].includes(input.format)) throw refuse('format', 'export.pdfOnly');
    const page = cardPage(core, { ...input, document });
    await job.pause();
    if (input.format === 'xlsx' && page.sheet) {
      job.progress('write', 0, 1);
      return { bytes: await writeXlsx(page.sheet), rows: page.people, people: page.people };
    }
    return { bytes: await printPdf(core, job, page.html, page.landscape), rows: page.people, people: page.people };
  }
  const { doc, people } = rosterDoc(core, { ...input, document });
  await job.pause();
  // A PDF says 正在生成 PDF while Chromium lays it out (printPdf); the other formats are written here.
  if (input.format !== 'pdf') job.progress('write', 0, 1);
  const bytes =
    input.format === 'xlsx'
      ? await writeXlsx(doc)
      : input.format === 'docx'
        ? await writeDocx(doc)
        : input.format === 'csv'
          ? writeCsv(doc, input.csvEncoding)
          : await printPdf(core, job, renderHtml(doc), doc.orientation === 'landscape');
  const rows = doc.sections.reduce((sum, section) => Math.max(sum, section.rows.length), 0);
  return { bytes, rows, people };
};

export const exportRoster = async (core: Core, input: RosterExport, job: Job): Promise<ExportResult> => {
  const target = getClass(core, input.classId);
  const output = exportTarget(core, input.grant, input.format);
  job.progress('prepare', 0, 1);
  // Cards never show an ID number or a phone, whatever was ticked: the log says what went out.
  const reveal = isCardDocument(input.document) ? { idNumber: false, phone: false } : input.reveal;
  const { bytes, rows, people } = await documentOf(core, { ...input, reveal }, job);
  const revealed = [
    reveal.idNumber ? message('documents.roster.fullIdNumber') : '',
    reveal.phone ? message('documents.roster.fullPhone') : '',
  ]
    .filter(Boolean)
    .join(message('text.list'));
  // Every export of personal data leaves a trace: what, how many people, where, and what was unmasked.
  return finishExport(core, job, output, bytes, {
    rows,
    audit: {
      entity: 'class',
      entityId: input.classId,
      summary: message('documents.roster.summary', {
        name: target.name,
        document: message(`documents.roster.names.${input.document}`),
        format: input.format.toUpperCase(),
        count: people,
        revealed: revealed ? message('documents.roster.revealed', { what: revealed }) : '',
        path: output.path,
      }),
      after: {
        document: input.document,
        format: input.format,
        path: output.path,
        extension: extname(output.path),
        people,
        reveal,
      },
    },
  });
};

// The same documents through the system's print dialog (always masked).
export const printRoster = async (core: Core, input: RosterPrint, job: Job): Promise<PrintResult> => {
  const target = getClass(core, input.classId);
  job.progress('prepare', 0, 1);
  const { document } = input;
  if (isCardDocument(document)) {
    const page = cardPage(core, { ...input, document });
    return printPage(core, job, page, page.people, {
      entity: 'class',
      entityId: input.classId,
      summary: message('documents.roster.printed', {
        name: target.name,
        document: message(`documents.roster.names.${document}`),
        count: page.people,
      }),
      after: { document },
    });
  }
  const { doc, people } = rosterDoc(core, { ...input, document, reveal: { idNumber: false, phone: false } });
  return printDoc(core, job, doc, {
    entity: 'class',
    entityId: input.classId,
    summary: message('documents.roster.printed', {
      name: target.name,
      document: message(`documents.roster.names.${input.document}`),
      count: people,
    }),
    after: { document: input.document },
  });
};
