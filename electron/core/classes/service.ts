import {
  canMoveTo,
  copiedClassName,
  type ClassFields,
  type ClassListQuery,
  type ClassStatus,
  type TrainingClass,
} from '../../../shared/classes/schemas';
import { addDays, daysBetween, yearOf } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { pinyinField, type SearchResult, searchItems } from '../../../shared/text/search';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { type Core, timestamp } from '../context';
import { getVocab } from '../vocab/service';
import { statement } from '../db/statements';

type ClassRow = {
  id: number;
  code: string;
  name: string;
  category: string;
  year: number;
  start_date: string;
  end_date: string;
  location: string;
  sponsor: string;
  head_teacher: string;
  planned_size: number | null;
  goals: string;
  notes: string;
  status: ClassStatus;
  created_at: string;
  updated_at: string;
};

const toClass = (row: ClassRow): TrainingClass => ({
  id: row.id,
  code: row.code,
  name: row.name,
  category: row.category,
  year: row.year,
  startDate: row.start_date,
  endDate: row.end_date,
  location: row.location,
  sponsor: row.sponsor,
  headTeacher: row.head_teacher,
  plannedSize: row.planned_size,
  goals: row.goals,
  notes: row.notes,
  status: row.status,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

// The fields a search looks at, in the order people think of them.
const searchable = (c: TrainingClass) => [c.name, c.code, c.category, c.location, c.sponsor, c.headTeacher].map(pinyinField);

export const listClasses = (core: Core, query: ClassListQuery): SearchResult<TrainingClass> => {
  // A filter left empty (null) matches every class.
  const rows = statement<{ year: number | null; category: string | null; status: string | null }, ClassRow>(
    core.db,
    `SELECT * FROM classes
     WHERE (@year IS NULL OR year = @year) AND (@category IS NULL OR category = @category) AND (@status IS NULL OR status = @status)
     ORDER BY start_date DESC, id DESC`,
  )
    .all({ year: query.year ?? null, category: query.category || null, status: query.status ?? null })
    .map(toClass);
  // Classes number in the hundreds over a school's life: matching in memory keeps pinyin search
  // identical to the one every other list uses.
  return searchItems(rows, searchable, query.search);
};

export const classYears = (core: Core): number[] =>
  statement<[], { year: number }>(core.db, 'SELECT DISTINCT year FROM classes ORDER BY year DESC')
    .all()
    .map((row) => row.year);

const findClass = (core: Core, ref: number | string): TrainingClass | undefined => {
  const byId = typeof ref === 'number' || /^\d+$/.test(ref);
  const row = byId
    ? statement<[number], ClassRow>(core.db, 'SELECT * FROM classes WHERE id = ?').get(Number(ref))
    : statement<[string], ClassRow>(core.db, 'SELECT * FROM classes WHERE code = ?').get(String(ref));
  return row && toClass(row);
};

export const getClass = (core: Core, ref: number | string): TrainingClass => {
  const found = findClass(core, ref);
  if (!found) throw new AppError('NOT_FOUND', message('classes.notFound', { ref }), { ref });
  return found;
};

// Later features (rosters, schedules …) call this before they change anything that belongs to a class.
export const assertWritable = (found: TrainingClass): void => {
  if (found.status === 'archived') {
    throw new AppError('READ_ONLY', message('classes.archived', { name: found.name }), { id: found.id });
  }
};

// Left out on an edit, the category is what it was (the create channel has the person choose one; a
// class brought in by an archive, which carries none, gets the first of the list); given, it must be
// on the list, except that a class keeps a category that has since been taken off it.
const resolveCategory = (core: Core, category: string | undefined, current?: string): string => {
  const options = getVocab(core, 'classCategory');
  if (category === undefined) return current ?? options[0] ?? '';
  if (category === current || options.includes(category)) return category;
  throw invalidInput([
    {
      ...fieldIssue('category', 'unknown_value', { value: category }),
      message: message('classes.categoryUnknown', { value: category, options: options.join(message('text.list')) }),
    },
  ]);
};

// What a row holds once the defaults are settled.
type StoredFields = Omit<ClassFields, 'category' | 'year'> & { category: string; year: number };

const settle = (core: Core, fields: ClassFields, current?: TrainingClass): StoredFields => ({
  ...fields,
  category: resolveCategory(core, fields.category, current?.category),
  year: fields.year ?? yearOf(fields.startDate),
});

// Codes read as <year>-<sequence>: 2019-001, 2019-002 … in the order classes are entered.
const nextCode = (core: Core, year: number): string => {
  const row = statement<[string], { last: number | null }>(
    core.db,
    `SELECT max(CAST(substr(code, 6) AS INTEGER)) AS last FROM classes WHERE code LIKE ? || '-%'`,
  ).get(String(year));
  return `${year}-${String((row?.last ?? 0) + 1).padStart(3, '0')}`;
};

const insertClass = (core: Core, fields: StoredFields, status: ClassStatus): TrainingClass => {
  const now = timestamp(core);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO classes (code, name, category, year, start_date, end_date, location, sponsor, head_teacher,
         planned_size, goals, notes, status, created_at, updated_at)
       VALUES (@code, @name, @category, @year, @startDate, @endDate, @location, @sponsor, @headTeacher,
         @plannedSize, @goals, @notes, @status, @now, @now)`,
  ).run({ ...fields, code: nextCode(core, fields.year), status, now });
  return getClass(core, Number(lastInsertRowid));
};

export const createClass = (core: Core, fields: ClassFields): TrainingClass =>
  insertClass(core, settle(core, fields), 'planning');

export const updateClass = (core: Core, id: number, fields: ClassFields): TrainingClass => {
  const current = getClass(core, id);
  assertWritable(current);
  const settled = settle(core, fields, current);
  statement(
    core.db,
    `UPDATE classes SET name = @name, category = @category, year = @year, start_date = @startDate,
         end_date = @endDate, location = @location, sponsor = @sponsor, head_teacher = @headTeacher,
         planned_size = @plannedSize, goals = @goals, notes = @notes, updated_at = @now
       WHERE id = @id`,
  ).run({ ...settled, id, now: timestamp(core) });
  return getClass(core, id);
};

export const removeClass = (core: Core, id: number): { id: number } => {
  assertWritable(getClass(core, id));
  statement(core.db, 'DELETE FROM classes WHERE id = ?').run(id);
  return { id };
};

export const copyClass = (core: Core, input: { id: number; startDate: string; name?: string | undefined }): TrainingClass => {
  const source = getClass(core, input.id);
  const shift = daysBetween(source.startDate, input.startDate);
  const newYear = source.year + (yearOf(input.startDate) - yearOf(source.startDate));
  const fields: StoredFields = {
    name: input.name ?? copiedClassName(source.name, source.year, newYear, message('classes.copySuffix')),
    category: source.category,
    year: Math.min(2100, Math.max(2000, newYear)),
    startDate: input.startDate,
    endDate: addDays(source.endDate, shift),
    location: source.location,
    sponsor: source.sponsor,
    headTeacher: source.headTeacher,
    plannedSize: source.plannedSize,
    goals: source.goals,
    notes: source.notes,
  };
  return insertClass(core, fields, 'planning');
};

export const setClassStatus = (core: Core, id: number, status: ClassStatus): TrainingClass => {
  const current = getClass(core, id);
  if (current.status === status) return current;
  assertWritable(current);
  if (!canMoveTo(current.status, status)) {
    throw new AppError(
      'INVALID_STATE',
      message('classes.badTransition', {
        name: current.name,
        from: message(`status.${current.status}`),
        to: message(`status.${status}`),
      }),
      { from: current.status, to: status },
    );
  }
  statement(core.db, 'UPDATE classes SET status = ?, updated_at = ? WHERE id = ?').run(status, timestamp(core), id);
  return getClass(core, id);
};

// The one way back from 已归档: an explicit action, never a side effect of an edit.
export const unarchiveClass = (core: Core, id: number): TrainingClass => {
  const current = getClass(core, id);
  if (current.status !== 'archived') {
    throw new AppError('INVALID_STATE', message('classes.notArchived', { name: current.name }), { status: current.status });
  }
  statement(core.db, `UPDATE classes SET status = 'finished', updated_at = ? WHERE id = ?`).run(timestamp(core), id);
  return getClass(core, id);
};
