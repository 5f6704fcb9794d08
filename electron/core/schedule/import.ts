import { shownText } from '../../../shared/text/shown';
import type { TrainingClass } from '../../../shared/classes/schemas';
import { AppError } from '../../../shared/errors';
import { message, type MessageKey } from '../../../shared/i18n/translate';
import { columnLetter } from '../../../shared/roster/import';
import {
  type Conflict,
  isTime,
  sessionFieldsSchema,
  type SessionFields,
  slotDefaults,
  type Slot,
} from '../../../shared/schedule/schemas';
import {
  scheduleHeaderSynonyms,
  type ScheduleImportField,
  type ScheduleImportPreview,
  type ScheduleImportRow,
} from '../../../shared/schedule/import';
import { fieldIssue, invalidInput, toFieldIssues } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { stagingCache, stagingToken, tokenIsFor } from '../documents/staging';
import type { ParsedWorkbook } from '../documents/parser/protocol';
import type { Cell } from '../documents/sheet';
import { dateCell, type TableSpec, textCell } from '../documents/table-import';
import { readTable, type TableReading } from '../documents/table-reading';
import { blocking } from './conflict-rules';
import { classConflicts } from './conflicts';
import { insertSession } from './save';
import { parseLecturers, type Lecturer } from './lecturers';
import { createStaff } from '../staff/service';
import { defaultVocab } from '../../../shared/vocab/schemas';
import { statement } from '../db/statements';

// The schedule as the table kit reads it: a date, a time and a title at least. A day's date written
// once over its sessions, merged or not, is carried down by parseFile itself (and refused when there
// is nothing above to carry). A cell merged over several sessions (a date, a 授课人 teaching the whole
// morning, a 地点 for the day, a 现场教学 over two half-days) holds for each of them; only the time is
// each session's own.
const scheduleTable: TableSpec<ScheduleImportField> = {
  synonyms: scheduleHeaderSynonyms,
  required: ['date', 'time', 'title'],
  mergedDown: ['date', 'weekday', 'title', 'module', 'format', 'teachers', 'place', 'notes'],
};

const pad = (n: number) => String(n).padStart(2, '0');

// 6月3日 or 6.3 (the year is the class's: the one that puts the day inside it), or a whole date as
// every import reads one (2019年6月3日, 2019-06-03, 2019/6/3, an Excel date serial …).
export const parseSessionDate = (cell: Cell, target: TrainingClass): string | undefined => {
  const text = typeof cell === 'number' ? '' : textCell(cell).replace(/[（(].*$/, '');
  const short = /^(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?$/.exec(text);
  if (!short) {
    const date = dateCell(typeof cell === 'number' ? cell : text);
    // A month alone (2019.06) is no day to teach on.
    return date?.length === 10 ? date : undefined;
  }
  const years = [...new Set([Number(target.startDate.slice(0, 4)), Number(target.endDate.slice(0, 4))])];
  const candidates = years
    .map((year) => dateCell(`${year}-${pad(Number(short[1]))}-${pad(Number(short[2]))}`))
    .filter((d): d is string => typeof d === 'string');
  return candidates.find((d) => d >= target.startDate && d <= target.endDate) ?? candidates[0];
};

const slotWords: [RegExp, Slot][] = [
  [/上午|早上|早晨/, 'morning'],
  [/下午|中午/, 'afternoon'],
  [/晚上|晚间|夜间/, 'evening'],
];

// 上午 08:30—11:30, 8:30-11:30, 下午2:00至5:00 (afternoon hours written on a 12-hour clock), or just
// 上午 / 下午 / 晚上 for the half-day's usual hours.
export const parseSessionTime = (cell: Cell): { start: string; end: string } | undefined => {
  // Full-width colons (08：30) are folded by cellText's NFKC.
  const text = textCell(cell);
  const slot = slotWords.find(([pattern]) => pattern.test(text))?.[1];
  const times = /(\d{1,2}):(\d{2})\s*[-—–~～至到]+\s*(\d{1,2}):(\d{2})/.exec(text);
  if (!times)
    return slot && text.replace(/上午|下午|晚上|早上|早晨|中午|晚间|夜间|\s/g, '') === '' ? slotDefaults[slot] : undefined;
  const later = slot === 'afternoon' || slot === 'evening';
  const hour = (h: string) => {
    const n = Number(h);
    return later && n < 12 ? n + 12 : n;
  };
  const start = `${pad(hour(times[1] ?? ''))}:${times[2] ?? ''}`;
  const end = `${pad(hour(times[3] ?? ''))}:${times[4] ?? ''}`;
  return isTime(start) && isTime(end) ? { start, end } : undefined;
};

// Titles and places as written: no folding of full-width punctuation (“四同”实践：下田), which
// cellText does for names and numbers; only the spaces at the ends and runs of them go.
const textAsWritten = (cell: Cell): string =>
  cell === null || typeof cell === 'boolean' ? '' : String(cell).replace(/\s+/g, ' ').trim();

// The sheet column a session field came from, for pointing at it.
const fieldColumns: Record<string, ScheduleImportField> = {
  date: 'date',
  start: 'time',
  end: 'time',
  title: 'title',
  module: 'module',
  format: 'format',
  teacherIds: 'teachers',
  place: 'place',
  notes: 'notes',
};

// A session ready to write, its teachers by id, or (a string) by the key of a lecturer to add.
type Draft = { fields: SessionFields; refs: (number | string)[] };
type NewTeacher = Lecturer & { rows: number[] };

type Parsed = {
  rows: ScheduleImportRow[];
  drafts: Map<number, Draft>;
  newTeachers: Map<string, NewTeacher>;
  token: string;
  digest: string;
  fileName: string;
  table: TableReading<ScheduleImportField>;
};

const lecturerKey = (lecturer: Lecturer) => `${lecturer.name}\u0000${lecturer.organisation}`;

const problem = (column: number | undefined, key: MessageKey, params?: Record<string, string | number>) => ({
  column: column === undefined ? '' : columnLetter(column),
  message: message(key, params),
});

// Every row of the file as a session, with what stands in the way of each; nothing is stored.
const parseFile = (core: Core, target: TrainingClass, book: ParsedWorkbook): Parsed => {
  const table = readTable(book, scheduleTable);
  const col = (field: ScheduleImportField) => table.columns[field];
  const columnOfField = (field: string) => {
    const column = col(fieldColumns[field.split('.')[0] ?? ''] ?? 'title');
    return column === undefined ? '' : columnLetter(column);
  };
  const staff = statement<[string], { id: number; organisation: string }>(
    core.db,
    'SELECT id, organisation FROM staff WHERE name = ?',
  );
  const points = statement<[], { id: number; name: string }>(core.db, 'SELECT id, name FROM sites').all();
  const rows: ScheduleImportRow[] = [];
  const drafts = new Map<number, Draft>();
  const newTeachers = new Map<string, NewTeacher>();
  let lastDate: string | undefined;
  for (const { row: sheetRow, cells } of table.records) {
    const at = (field: ScheduleImportField) => cells[field] ?? null;
    const title = textAsWritten(at('title'));
    const written = at('date');
    // A day's date written once above its sessions, without merging, stands for the rows below it.
    const date = textCell(written) === '' ? lastDate : parseSessionDate(written, target);
    if (textCell(written) !== '') lastDate = date;
    // Rows without a title are not sessions: blank lines, a closing 合计 or 备注 line.
    if (title === '') continue;
    const problems: ScheduleImportRow['problems'] = [];
    if (!date)
      problems.push(
        textCell(written) === ''
          ? problem(col('date'), 'scheduleImport.noDate')
          : problem(col('date'), 'scheduleImport.badDate', { value: shownText(textCell(written)) }),
      );
    else if (date < target.startDate || date > target.endDate)
      problems.push(problem(col('date'), 'scheduleImport.outside', { date, from: target.startDate, to: target.endDate }));
    const times = parseSessionTime(at('time'));
    if (!times) problems.push(problem(col('time'), 'scheduleImport.badTime', { value: shownText(textCell(at('time'))) }));
    const lecturers = parseLecturers(at('teachers'));
    const refs: (number | string)[] = [];
    const unknown: string[] = [];
    for (const lecturer of lecturers) {
      const found = staff.all(lecturer.name);
      // Namesakes told apart by the unit written beside the name.
      const chosen =
        found.length > 1 && lecturer.organisation !== '' ? found.filter((f) => f.organisation === lecturer.organisation) : found;
      if (chosen.length === 1 && chosen[0]) refs.push(chosen[0].id);
      else if (found.length === 0) {
        const key = lecturerKey(lecturer);
        const entry = newTeachers.get(key) ?? { ...lecturer, rows: [] };
        entry.rows.push(sheetRow);
        newTeachers.set(key, entry);
        refs.push(key);
        unknown.push(lecturer.name);
      } else problems.push(problem(col('teachers'), 'scheduleImport.namesakes', { name: lecturer.name, count: found.length }));
    }
    const place = textAsWritten(at('place'));
    const site = pointNamed(points, place);
    const draft = {
      date: date ?? '',
      start: times?.start ?? '',
      end: times?.end ?? '',
      title,
      module: textAsWritten(at('module')),
      format: textAsWritten(at('format')),
      teacherIds: refs.filter((ref): ref is number => typeof ref === 'number'),
      place,
      siteId: site?.id ?? null,
      groups: [],
      notes: textAsWritten(at('notes')),
    };
    if (problems.length === 0) {
      const checked = sessionFieldsSchema.safeParse(draft);
      if (checked.success) drafts.set(sheetRow, { fields: checked.data, refs });
      else
        for (const issue of toFieldIssues(checked.error.issues))
          problems.push({ column: columnOfField(issue.field), message: issue.message });
    }
    const { siteId: _siteId, teacherIds: _teacherIds, ...shown } = draft;
    rows.push({
      row: sheetRow,
      ...shown,
      teachers: lecturers.map((lecturer) => lecturer.name),
      newTeachers: unknown,
      siteName: site?.name ?? null,
      problems,
    });
  }
  const token = stagingToken('schedule', target.id, [book.digest]);
  return { rows, drafts, newTeachers, token, digest: book.digest, fileName: book.fileName, table };
};

// The file's sessions written, with the lecturers it names added first (外聘, with their unit).
const addAll = (core: Core, classId: number, parsed: Parsed): number => {
  const added = new Map<string, number>();
  for (const [key, lecturer] of parsed.newTeachers)
    added.set(
      key,
      createStaff(core, {
        name: lecturer.name,
        roles: [defaultVocab.staffRole[0] ?? ''].filter(Boolean),
        organisation: lecturer.organisation,
        title: lecturer.title,
        phone: '',
        expertise: '',
        notes: '',
        external: true,
      }).id,
    );
  for (const { fields, refs } of parsed.drafts.values()) {
    const teacherIds = refs.map((ref) => (typeof ref === 'number' ? ref : (added.get(ref) ?? 0))).filter((id) => id > 0);
    insertSession(core, classId, { ...fields, teacherIds }, []);
  }
  return added.size;
};

// A place that names a teaching point: exactly, or as the one point whose name holds it (朝阳村
// for 安石镇朝阳村) or that it holds.
const pointNamed = (points: readonly { id: number; name: string }[], place: string) => {
  if (place === '') return undefined;
  const exact = points.find((point) => point.name === place);
  if (exact || place.length < 3) return exact;
  const near = points.filter((point) => point.name.includes(place) || place.includes(point.name));
  return near.length === 1 ? near[0] : undefined;
};

// Undone on the way out: what the schedule would look like with the file's sessions in it.
const rolledBack = Symbol('trial run');
const trialConflicts = (core: Core, job: Job, classId: number, parsed: Parsed): Conflict[] => {
  let found: Conflict[] = [];
  try {
    job.transaction(() => {
      addAll(core, classId, parsed);
      found = classConflicts(core, classId);
      throw rolledBack;
    });
  } catch (error) {
    if (error !== rolledBack) throw error;
  }
  return found;
};

const changedFile = () => invalidInput([{ ...fieldIssue('grant', 'invalid_format'), message: message('import.changedFile') }]);

// The last file read, by data folder: committing what was just previewed does not read it again
// (its bytes are hashed again: a file changed since is refused).
const lastParsed = stagingCache<Parsed>({ changed: changedFile });

const readFile = async (core: Core, job: Job, target: TrainingClass, grant: string): Promise<Parsed> => {
  job.progress('read', 0, 1);
  await job.pause();
  const book = await core.parser.workbook(core.grants.resolve(grant, 'scheduleImport'), job.signal);
  const parsed = parseFile(core, target, book);
  job.progress('read', 1, 1);
  await job.pause();
  return parsed;
};

export const previewScheduleImport = async (
  core: Core,
  input: { classId: number; grant: string },
  job: Job,
): Promise<ScheduleImportPreview> => {
  const target = getClass(core, input.classId);
  assertWritable(target);
  const parsed = await readFile(core, job, target, input.grant);
  const path = core.grants.resolve(input.grant, 'scheduleImport');
  lastParsed.keep(core, parsed.token, [{ path, digest: parsed.digest }], parsed);
  return {
    token: parsed.token,
    fileName: parsed.fileName,
    sheet: parsed.table.sheet,
    headerRow: parsed.table.headerRow,
    ignoredColumns: parsed.table.ignoredColumns,
    rows: parsed.rows,
    newTeachers: [...parsed.newTeachers.values()],
    conflicts: parsed.drafts.size > 0 ? trialConflicts(core, job, target.id, parsed) : [],
  };
};

// All the file's sessions or none: a row that cannot be read, or a clash that cannot be saved,
// leaves the schedule exactly as it was. The file is read (or the preview's reading reused) before
// the write lock is taken; the transaction only writes and checks.
export const commitScheduleImport = async (
  core: Core,
  input: { classId: number; grant: string; token: string; addTeachers: boolean },
  job: Job,
): Promise<{ added: number; teachersAdded: number; conflicts: Conflict[] }> => {
  const target = getClass(core, input.classId);
  assertWritable(target);
  if (!tokenIsFor(input.token, 'schedule', target.id))
    throw invalidInput([{ ...fieldIssue('classId', 'invalid_format'), message: message('import.otherClass') }]);
  const path = core.grants.resolve(input.grant, 'scheduleImport');
  const held = lastParsed.take(core, input.token, [path]);
  const parsed = held.state === 'held' ? held.value : await readFile(core, job, target, input.grant);
  if (parsed.token !== input.token) throw changedFile();
  const refused = parsed.rows.filter((row) => row.problems.length > 0);
  if (refused.length > 0) {
    const first = refused[0];
    throw invalidInput([
      {
        ...fieldIssue('grant', 'invalid_format'),
        message: message('scheduleImport.rowsRefused', {
          count: refused.length,
          first: first
            ? message('scheduleImport.rowProblems', {
                row: first.row,
                problems: first.problems.map((p) => p.message).join(message('text.clauses')),
              })
            : '',
        }),
      },
    ]);
  }
  if (parsed.drafts.size === 0)
    throw invalidInput([{ ...fieldIssue('grant', 'invalid_format'), message: message('scheduleImport.nothing') }]);
  if (parsed.newTeachers.size > 0 && !input.addTeachers)
    throw invalidInput([
      {
        ...fieldIssue('addTeachers', 'required'),
        message: message('scheduleImport.teachersNotAdded', {
          names: [...parsed.newTeachers.values()]
            .map((lecturer) =>
              lecturer.organisation
                ? message('text.withNote', { text: lecturer.name, note: lecturer.organisation })
                : lecturer.name,
            )
            .join(message('text.list')),
        }),
      },
    ]);
  job.checkpoint();
  let teachersAdded = 0;
  const conflicts = job.transaction(() => {
    teachersAdded = addAll(core, target.id, parsed);
    const found = classConflicts(core, target.id);
    const { errors } = blocking(found);
    if (errors.length > 0)
      throw new AppError(
        'CONFLICT',
        message('scheduleImport.blocked', { count: errors.length, first: errors[0]?.message ?? '' }),
        {
          conflicts: found,
        },
      );
    return found;
  });
  lastParsed.drop(core, input.token);
  job.progress('write', 1, 1);
  return { added: parsed.drafts.size, teachersAdded, conflicts };
};
