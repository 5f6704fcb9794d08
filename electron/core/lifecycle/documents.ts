import { chineseDate, todayIso } from '../../../shared/dates';
import type { ClassFigures } from '../../../shared/lifecycle/schemas';
import type { ExportResult, SaveFormat } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { maskIdNumber } from '../../../shared/idcard';
import { minutesOf } from '../../../shared/schedule/schemas';
import { chineseNumber } from '../../../shared/text/chinese-numbers';
import { compareStroke } from '../../../shared/text/collation';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import type { ProseBlock } from '../documents/prose-doc';
import { writeProseDocx } from '../documents/prose-docx';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { listSessions } from '../schedule/rows';
import { getSettings } from '../settings/service';
import { certificatesPdf, chosenCandidates, keepCertificateNumbers } from './certificates';
import { classFigures } from './figures';
import { countUnitKinds } from './unit-kinds';

// What closing a class produces: the training summary (培训班总结, Word, to be edited further), the
// completion certificates (结业证书, a PDF page each: certificates.ts), and each trainee's study hours (学时, a plain
// sheet for the cadre-training platform).

const list = (items: readonly string[]) => items.join(message('text.list'));
type Key = Parameters<typeof message>[0];
const m = (key: Key, params: Record<string, string | number> = {}) => message(key, params);

// Who came, in the sentences an office writes: how many units and of which kinds; the units that
// sent more than the rest only when some did (a list of "larger" units that all sent one says nothing).
const traineeLines = (f: ClassFigures): string[] => {
  if (f.trainees === 0) return [m('closing.summary.noTrainees')];
  const who =
    f.male + f.female === 0
      ? m('closing.summary.traineesOnly', { trainees: f.trainees })
      : m('closing.summary.trainees', { trainees: f.trainees, male: f.male, female: f.female });
  const [only] = f.units;
  if (only === undefined) return [who];
  if (f.units.length === 1) return [who, m('closing.summary.oneUnit', { name: only.name })];
  const kinds = countUnitKinds(f.units.map((unit) => unit.name));
  const named = kinds.filter((k) => k.kind !== 'other');
  const [sole] = kinds;
  const units =
    kinds.length === 1 && sole !== undefined && sole.kind !== 'other'
      ? m('closing.summary.unitsOneKind', { count: f.units.length, kind: m(`closing.unitKinds.${sole.kind}`) })
      : named.length === 0
        ? m('closing.summary.units', { count: f.units.length })
        : m('closing.summary.unitsByKind', {
            count: f.units.length,
            kinds: list(
              kinds.map((k) => m('closing.summary.kindCount', { kind: m(`closing.unitKinds.${k.kind}`), count: k.count })),
            ),
          });
  // Those that sent more than the fewest: named when a few did, counted when many did.
  const fewest = Math.min(...f.units.map((unit) => unit.count));
  const larger = f.units.filter((unit) => unit.count > fewest);
  const spread =
    larger.length === 0
      ? fewest > 1
        ? m('closing.summary.eachUnit', { count: fewest })
        : ''
      : larger.length <= 5
        ? m('closing.summary.larger', {
            list: list(larger.map((unit) => m('closing.summary.unitCount', { name: unit.name, count: unit.count }))),
          })
        : m('closing.summary.manyLarger', { units: larger.length, count: Math.min(...larger.map((unit) => unit.count)) });
  return [who, units + spread];
};

const teachingLines = (f: ClassFigures): string[] => {
  if (f.sessions === 0) return [m('closing.summary.noSessions')];
  const [site] = f.sites;
  return [
    m('closing.summary.sessions', { sessions: f.sessions, hours: f.totalHours }),
    f.modules.length === 0
      ? ''
      : m('closing.summary.modules', {
          list: list(f.modules.map((x) => m('closing.summary.hoursOf', { name: x.name, hours: x.hours }))),
        }),
    f.formats.length === 0
      ? ''
      : m('closing.summary.formats', {
          list: list(f.formats.map((x) => m('closing.summary.countOf', { name: x.name, count: x.sessions }))),
        }),
    site === undefined
      ? ''
      : f.sites.length === 1
        ? m('closing.summary.oneSite', { name: site })
        : m('closing.summary.sites', { count: f.sites.length, list: list(f.sites) }),
  ].filter(Boolean);
};

// The excellent reports follow their sentence's colon, one a line; with none, the sentence says so.
const reportLines = (f: ClassFigures): string[] =>
  f.reports === 0
    ? [m('closing.summary.noReports')]
    : f.excellent.length === 0
      ? [m('closing.summary.reportCount', { reports: f.reports })]
      : [
          m('closing.summary.reportsExcellent', { reports: f.reports, excellent: f.excellent.length }),
          ...f.excellent.map((report, index) =>
            m('closing.summary.excellentLine', { n: index + 1, title: report.title, authors: report.authors }),
          ),
        ];

// A section with nothing to report says so in its own words.
const saying = (sections: readonly { heading: string; lines: string[]; empty?: string }[]) =>
  sections.map(({ heading, lines, empty }) => ({ heading, lines: lines.length > 0 || empty === undefined ? lines : [empty] }));

export const summaryParagraphs = (
  core: Core,
  classId: number,
): { title: string; sections: { heading: string; lines: string[] }[] } => {
  const f = classFigures(core, classId);
  const rate = (value: number | null) => (value === null ? m('closing.summary.none') : m('closing.summary.percent', { value }));
  const [who, ...units] = traineeLines(f);
  return {
    title: m('closing.summary.title', { name: f.name }),
    sections: saying([
      {
        heading: m('closing.summary.basics'),
        lines: [
          m('closing.summary.dates', { from: chineseDate(f.startDate), to: chineseDate(f.endDate), days: f.days }) + (who ?? ''),
          ...units,
        ],
      },
      { heading: m('closing.summary.teaching'), lines: teachingLines(f) },
      {
        heading: m('closing.summary.fourTogethers'),
        lines: [
          f.stays === 0
            ? m('closing.summary.noStays')
            : m('closing.summary.stays', { stays: f.stays, nights: f.stayNights, hours: f.labourHours }),
        ],
      },
      {
        heading: m('closing.summary.attendance'),
        lines: [
          f.attendanceRate === null
            ? m('closing.summary.noAttendance')
            : m('closing.summary.attendanceRate', { value: f.attendanceRate }),
        ],
      },
      { heading: m('closing.summary.reports'), lines: reportLines(f) },
      {
        heading: m('closing.summary.satisfaction'),
        empty: m('closing.summary.noSurveys'),
        lines: f.satisfaction
          .filter((s) => s.responses > 0)
          .map((s) =>
            m('closing.summary.satisfactionLine', {
              kind: m(`closing.satisfactions.${s.satisfaction}`),
              responses: s.responses,
              mean: s.mean ?? 0,
              rate: rate(s.satisfiedRate),
            }),
          ),
      },
    ]),
  };
};

// Set as the school's official writing is (三号 仿宋, 黑体 headings), signed with its name and the day.
export const summaryDocx = async (core: Core, classId: number): Promise<{ bytes: Buffer; sections: number }> => {
  const { title, sections } = summaryParagraphs(core, classId);
  const bytes = await writeProseDocx({
    title,
    body: 'sanhao',
    heading: title,
    blocks: sections.flatMap((section, index): ProseBlock[] => [
      { kind: 'heading', text: message('closing.summary.numbered', { n: chineseNumber(index + 1), heading: section.heading }) },
      ...(section.lines.length > 0 ? section.lines : [message('closing.summary.none')]).map((text): ProseBlock => ({
        kind: 'paragraph',
        text,
      })),
    ]),
    signOff: [getSettings(core).schoolName, chineseDate(todayIso(core.now()))],
  });
  return { bytes, sections: sections.length };
};

// --- 学时 -------------------------------------------------------------------------------------

// What an export may be asked: the study hours with the full 身份证号; the certificates for whom.
type Options = { fullIdNumber: boolean; traineeIds?: readonly number[] };

type Attending = { enrolment_id: number; name: string; id_number: string | null; unit: string; position: string };

// A trainee's hours: every session's, less those they were marked absent from or on leave for.
export const studyHours = (core: Core, classId: number) => {
  const sessions = listSessions(core, classId);
  const hoursOf = new Map(sessions.map((s) => [s.id, (minutesOf(s.end) - minutesOf(s.start)) / 60]));
  const total = [...hoursOf.values()].reduce((a, b) => a + b, 0);
  const missed = new Map<number, number>();
  for (const row of statement<[number], { enrolment_id: number; session_id: number }>(
    core.db,
    `SELECT a.enrolment_id, a.session_id FROM attendance a JOIN sessions s ON s.id = a.session_id
      WHERE s.class_id = ? AND a.status IN ('absent', 'leave')`,
  ).all(classId))
    missed.set(row.enrolment_id, (missed.get(row.enrolment_id) ?? 0) + (hoursOf.get(row.session_id) ?? 0));
  return statement<[number], Attending>(
    core.db,
    `SELECT e.id AS enrolment_id, t.name, t.id_number, t.unit, t.position FROM enrolments e JOIN trainees t ON t.id = e.trainee_id
      WHERE e.class_id = ? AND e.status <> 'withdrawn'`,
  )
    .all(classId)
    .sort((a, b) => compareStroke(a.name, b.name))
    .map((person) => ({ ...person, hours: Math.round((total - (missed.get(person.enrolment_id) ?? 0)) * 10) / 10 }));
};

export const hoursXlsx = async (
  core: Core,
  classId: number,
  options: Options = { fullIdNumber: false },
): Promise<{ bytes: Buffer; people: number }> => {
  const c = getClass(core, classId);
  const people = studyHours(core, classId);
  const dates = message('closing.hours.dates', { from: chineseDate(c.startDate), to: chineseDate(c.endDate) });
  const label = (key: 'seq' | 'name' | 'idNumber' | 'unit' | 'position' | 'className' | 'dates' | 'hours') =>
    message(`closing.hours.columns.${key}`);
  const bytes = await writeXlsx({
    title: message('closing.hours.title', { name: c.name }),
    subtitle: getSettings(core).schoolName,
    orientation: 'landscape',
    sections: [
      {
        columns: [
          { label: label('seq'), width: 5, align: 'center' },
          { label: label('name'), width: 8 },
          { label: label('idNumber'), width: 20 },
          { label: label('unit'), width: 24 },
          { label: label('position'), width: 12 },
          { label: label('className'), width: 24 },
          { label: label('dates'), width: 26 },
          { label: label('hours'), width: 6, align: 'center' },
        ],
        rows: people.map((p, index) => [
          String(index + 1),
          p.name,
          p.id_number === null ? '' : options.fullIdNumber ? p.id_number : maskIdNumber(p.id_number),
          p.unit,
          p.position,
          c.name,
          dates,
          String(p.hours),
        ]),
      },
    ],
  });
  return { bytes, people: people.length };
};

// Each of the three written as every export is: the audit entry first, then the file (finishExport).
// The format each writes: its grant must have been asked for that one.
const formats: Record<keyof typeof makers, SaveFormat> = { summary: 'docx', hours: 'xlsx', certificates: 'pdf' };

const makers = {
  summary: async (core: Core, classId: number) => {
    const { bytes, sections } = await summaryDocx(core, classId);
    return {
      bytes,
      rows: sections,
      summary: (name: string, path: string) => message('closing.summary.exported', { name, path }),
    };
  },
  hours: async (core: Core, classId: number, options: Options) => {
    const { bytes, people } = await hoursXlsx(core, classId, options);
    return {
      bytes,
      rows: people,
      summary: (name: string, path: string) =>
        message(options.fullIdNumber ? 'closing.hours.exportedFull' : 'closing.hours.exported', { name, count: people, path }),
    };
  },
  certificates: async (core: Core, classId: number, options: Options) => {
    const { bytes, people, leftOut } = await certificatesPdf(core, classId, options.traineeIds ?? []);
    return {
      bytes,
      rows: people,
      // The log keeps who was left out, by name.
      summary: (name: string, path: string) =>
        leftOut.length === 0
          ? message('closing.certificate.exported', { name, count: people, path })
          : message('closing.certificate.exportedLeftOut', {
              name,
              count: people,
              path,
              left: leftOut.length,
              names: list(leftOut),
            }),
    };
  },
};

export const exportClosingDocument = async (
  core: Core,
  document: keyof typeof makers,
  classId: number,
  grant: string,
  job: Job,
  options: Options = { fullIdNumber: false },
): Promise<ExportResult> => {
  const c = getClass(core, classId);
  // The chosen trainees are checked before the grant is spent or anything written.
  if (document === 'certificates') chosenCandidates(core, classId, options.traineeIds ?? []);
  const target = exportTarget(core, grant, formats[document]);
  // The numbers printed are kept from the first export on (an archived class's were kept when it closed):
  // kept before Chromium prints, so that the certificates carry the numbers kept — worked out before
  // and kept after, a trainee added while it printed moved the others' numbers on from those printed.
  if (document === 'certificates' && c.status !== 'archived') job.transaction(() => keepCertificateNumbers(core, classId));
  // The certificates are printed by Chromium, which says nothing while it prints: the phase says so.
  job.progress(formats[document] === 'pdf' ? 'print' : 'prepare', 0, 1);
  const made = await makers[document](core, classId, options);
  job.progress('write', 0, 1);
  return finishExport(core, job, target, made.bytes, {
    rows: made.rows,
    audit: { entity: 'class', entityId: classId, summary: made.summary(c.name, target.path) },
  });
};
