import { extname } from 'node:path';
import { classTitle, type TrainingClass } from '../../../shared/classes/schemas';
import { addDays, chineseDate, chineseWeekday, daysBetween } from '../../../shared/dates';
import { message, type MessageKey } from '../../../shared/i18n/translate';
import { printedTime, type Session } from '../../../shared/schedule/schemas';
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
import { type ExportResult } from '../../../shared/files/schemas';
import {
  type RosterColumn,
  defaultRosterColumns,
  type ExportFormat,
  type RosterDocument,
  type SigninLayout,
} from '../../../shared/roster/export';
import { type RosterSort } from '../../../shared/roster/schemas';
import { statement } from '../db/statements';

export type RosterExport = {
  classId: number;
  document: RosterDocument;
  format: ExportFormat;
  columns?: readonly RosterColumn[] | undefined;
  reveal: { idNumber: boolean; phone: boolean };
  sort: RosterSort;
  signinBy: SigninLayout;
  sessionId?: number | undefined;
  csvEncoding: CsvEncoding;
  grant: string;
};

type Person = RosterItem & { idNumber: string; phone: string };

const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

// 1 → 一, 12 → 十二, 20 → 二十: "第十二组".
export const chineseNumber = (n: number): string => {
  if (n < 10) return numerals[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? numerals[n % 10] : ''}`;
  if (n < 100) return `${numerals[Math.floor(n / 10)]}十${n % 10 ? numerals[n % 10] : ''}`;
  return String(n);
};

const dotted = (date: string | null) => (date ? date.slice(0, 7).replace('-', '.') : '');

const columnSpec: Record<RosterColumn, DocColumn & { value: (p: Person, index: number) => string }> = {
  seq: { label: '序号', width: 3, align: 'center', value: (_p, i) => String(i + 1) },
  name: { label: '姓名', width: 5, align: 'center', value: (p) => p.name },
  sex: { label: '性别', width: 3, align: 'center', value: (p) => (p.sex ? message(`sex.${p.sex}`) : '') },
  ethnicity: { label: '民族', width: 3, align: 'center', value: (p) => p.ethnicity },
  birthDate: { label: '出生年月', width: 5, align: 'center', value: (p) => dotted(p.birthDate) },
  idNumber: { label: '身份证号', width: 10, align: 'center', value: (p) => p.idNumber },
  unit: { label: '工作单位', width: 14, value: (p) => p.unit },
  position: { label: '职务', width: 10, value: (p) => p.position },
  rank: { label: '职级', width: 5, align: 'center', value: (p) => p.rank },
  politicalStatus: { label: '政治面貌', width: 5, align: 'center', value: (p) => p.politicalStatus },
  education: { label: '学历', width: 5, align: 'center', value: (p) => p.education },
  phone: { label: '联系电话', width: 7, align: 'center', value: (p) => p.phone },
  group: { label: '小组', width: 4, align: 'center', value: (p) => (p.group ? `第${chineseNumber(p.group)}组` : '') },
  role: { label: '班委', width: 5, align: 'center', value: (p) => p.role },
  status: { label: '状态', width: 4, align: 'center', value: (p) => message(`enrolmentStatus.${p.status}`) },
  notes: { label: '备注', width: 8, value: (p) => p.enrolmentNotes || p.notes },
};

const tableOf = (people: readonly Person[], columns: readonly RosterColumn[]): Pick<DocSection, 'columns' | 'rows'> => ({
  columns: columns.map((key) => columnSpec[key]),
  rows: people.map((person, index) => columns.map((key) => columnSpec[key].value(person, index))),
});

const dateRange = (c: TrainingClass) => `${chineseDate(c.startDate)}至${chineseDate(c.endDate)}`;

const subtitle = (school: string, ...parts: string[]) => [school, ...parts].filter(Boolean).join('　　');

const attending = (people: readonly Person[]) => people.filter((p) => p.status !== 'withdrawn');

// What a document is made from; `sessions` only for a sign-in sheet per session.
type Source = {
  c: TrainingClass;
  school: string;
  people: Person[];
  columns: readonly RosterColumn[];
  sessions: readonly Session[] | undefined;
};

const signinSeq: DocColumn = { label: '序号', width: 3, align: 'center' };
const signinName: DocColumn = { label: '姓名', width: 6, align: 'center' };
const signinUnit: DocColumn = { label: '单位及职务', width: 18 };
const unitAndPosition = (p: Person) => [p.unit, p.position].filter(Boolean).join('');

// A page per session, for the groups that attend it (no groups named: the whole class).
const sessionSignin = ({ c, school, people }: Source, sessions: readonly Session[]): TableDoc => {
  const present = attending(people);
  return {
    title: `${classTitle(c)}签到表`,
    subtitle: subtitle(school, `共 ${sessions.length} 节课`),
    orientation: 'portrait',
    sections: sessions.map((session, index) => {
      const expected =
        session.groups.length === 0 ? present : present.filter((p) => p.group !== null && session.groups.includes(p.group));
      const groups = session.groups.length === 0 ? '' : `（${session.groups.map((g) => `第${chineseNumber(g)}组`).join('、')}）`;
      const teachers = session.teachers.map((t) => t.name).join('、');
      return {
        heading: `${chineseDate(session.date)}（${chineseWeekday(session.date)}）${printedTime(session)}　${session.title}`,
        note: [
          teachers && `授课人：${teachers}`,
          session.place && `地点：${session.place}`,
          `应到 ${expected.length} 人${groups}`,
        ]
          .filter(Boolean)
          .join('　'),
        pageBreakBefore: index > 0,
        columns: [signinSeq, signinName, signinUnit, { label: '签到', width: 8, signature: true }, { label: '备注', width: 6 }],
        rows: expected.map((p, i) => [String(i + 1), p.name, unitAndPosition(p), '', '']),
      };
    }),
  };
};

const builders: Record<RosterDocument, (source: Source) => TableDoc> = {
  roster: ({ c, school, people, columns }) => {
    const table = tableOf(people, columns);
    const width = table.columns.reduce((sum, column) => sum + column.width, 0);
    return {
      title: `${classTitle(c)}学员名册`,
      subtitle: subtitle(school, `培训时间：${dateRange(c)}`, `共 ${people.length} 人`),
      // A4 portrait holds about 48 characters of 10.5 pt text across; wider tables turn the page.
      orientation: width > 48 ? 'landscape' : 'portrait',
      sections: [table],
    };
  },
  signin: (source) => {
    if (source.sessions) return sessionSignin(source, source.sessions);
    const { c, school, people } = source;
    const present = attending(people);
    const days = daysBetween(c.startDate, c.endDate) + 1;
    return {
      title: `${classTitle(c)}签到表`,
      subtitle: subtitle(school, `应到 ${present.length} 人`),
      orientation: 'portrait',
      sections: Array.from({ length: days }, (_, day) => {
        const date = addDays(c.startDate, day);
        return {
          heading: `${chineseDate(date)}（${chineseWeekday(date)}）`,
          pageBreakBefore: day > 0,
          columns: [
            signinSeq,
            signinName,
            signinUnit,
            { label: '上午签到', width: 8, signature: true },
            { label: '下午签到', width: 8, signature: true },
          ],
          rows: present.map((p, i) => [String(i + 1), p.name, unitAndPosition(p), '', '']),
        };
      }),
    };
  },
  groups: ({ c, school, people }) => {
    const present = attending(people);
    const groups = [...new Set(present.map((p) => p.group))].sort((a, b) => (a ?? 1000) - (b ?? 1000));
    return {
      title: `${classTitle(c)}分组名单`,
      subtitle: subtitle(school, `共 ${groups.filter((g) => g !== null).length} 个小组，${present.length} 人`),
      orientation: 'portrait',
      sections: groups.map((group) => {
        const members = present.filter((p) => p.group === group);
        const leader = members.find((p) => p.role === '组长');
        const name = group === null ? '未分组' : `第${chineseNumber(group)}组`;
        return {
          heading: `${name}（${members.length} 人）${leader ? `　组长：${leader.name}` : ''}`,
          ...tableOf(members, ['seq', 'name', 'sex', 'unit', 'position', 'role']),
        };
      }),
    };
  },
  contacts: ({ c, school, people }) => ({
    title: `${classTitle(c)}通讯录`,
    subtitle: subtitle(school, `培训时间：${dateRange(c)}`),
    orientation: 'portrait',
    sections: [tableOf(attending(people), ['seq', 'name', 'unit', 'position', 'phone', 'group'])],
  }),
};

const documentNames: Record<RosterDocument, string> = {
  roster: '学员名册',
  signin: '签到表',
  groups: '分组名单',
  contacts: '通讯录',
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

const refuse = (field: 'sessionId' | 'signinBy', key: MessageKey) =>
  invalidInput([{ ...fieldIssue(field, 'invalid_format'), message: message(key) }]);

// The sessions a sign-in sheet is made for, or undefined for a sheet per day.
const signinSessions = (core: Core, input: RosterExport): Session[] | undefined => {
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

export const exportRoster = async (core: Core, input: RosterExport, job: Job): Promise<ExportResult> => {
  const target = getClass(core, input.classId);
  const output = exportTarget(core, input.grant);
  job.progress('prepare', 0, 1);
  const { items } = rosterItems(core, { classId: input.classId, sort: input.sort });
  const people = peopleOf(core, items, input.reveal);
  const doc = builders[input.document]({
    c: target,
    school: getSettings(core).schoolName,
    people,
    columns: input.columns ?? defaultRosterColumns,
    sessions: signinSessions(core, input),
  });
  await job.pause();
  job.progress('write', 0, 1);
  const bytes =
    input.format === 'xlsx'
      ? await writeXlsx(doc)
      : input.format === 'docx'
        ? await writeDocx(doc)
        : input.format === 'csv'
          ? writeCsv(doc, input.csvEncoding)
          : await core.platform.printToPdf(renderHtml(doc), { landscape: doc.orientation === 'landscape' });
  const rows = doc.sections.reduce((sum, section) => Math.max(sum, section.rows.length), 0);
  const revealed = [input.reveal.idNumber ? '完整身份证号' : '', input.reveal.phone ? '完整电话' : ''].filter(Boolean).join('、');
  // Every export of personal data leaves a trace: what, how many people, where, and what was unmasked.
  return finishExport(core, job, output, bytes, {
    rows,
    audit: {
      entity: 'class',
      entityId: input.classId,
      summary: `导出“${target.name}”${documentNames[input.document]}（${input.format.toUpperCase()}，${people.length} 人${revealed ? `，含${revealed}` : ''}）到 ${output.path}`,
      after: {
        document: input.document,
        format: input.format,
        path: output.path,
        extension: extname(output.path),
        people: people.length,
        reveal: input.reveal,
      },
    },
  });
};
