import { maskBirthDate, maskIdNumber, maskPhone } from '../../../../shared/idcard';
import { AppError } from '../../../../shared/errors';
import { shownText } from '../../../../shared/text/shown';
import { message, type MessageKey } from '../../../../shared/i18n/translate';
import {
  columnLetter,
  type ImportAction,
  type ImportCounts,
  type ImportField,
  type ImportPreview,
  type ImportProblem,
  type ImportResult,
} from '../../../../shared/roster/import';
import type { TraineeFields } from '../../../../shared/trainees/schemas';
import { record } from '../../db/audit-record';
import { assertWritable, getClass } from '../../classes/service';
import { type Core, timestamp } from '../../context';
import { statement } from '../../db/statements';
import { stagingCache, stagingToken, tokenIsFor } from '../../documents/staging';
import type { ParsedWorkbook } from '../../documents/parser/protocol';
import type { Sheet } from '../../documents/sheet-reader';
import { inSlices, type Job } from '../../jobs/job';
import { fieldsOf } from '../../trainees/rows';
import {
  completeFromIdNumber,
  type PeopleKnown,
  peopleKnown,
  sameFields,
  samePersonIn,
  storeNewTrainee,
  writeTrainee,
} from '../../trainees/service';
import { enrol } from '../service';
import { headerScanRows } from '../../documents/sheet-header';
import { ignoredOf, textCell } from '../../documents/table-import';
import { rosterColumns, rosterHeader } from './table';
import { type ColumnMap, type ParsedRow, parseRows } from './rows';
import { knownUnits, splitCombined } from './split';

export type ImportSource = {
  classId: number;
  grant: string;
  sheet?: string | undefined;
  headerRow?: number | undefined;
  mapping?: ColumnMap | undefined;
  splitUnitPosition?: boolean | undefined;
};

type Prepared = {
  classId: number;
  token: string;
  digest: string;
  fileName: string;
  sheets: string[];
  sheet: Sheet;
  headerIndex: number;
  columns: { column: number; letter: string; header: string; field: ImportField | null }[];
  // The header words of the columns not imported (序号 aside), for the preview and the CLI's summary.
  ignoredColumns: string[];
  rows: ParsedRow[];
  unitPosition: ImportPreview['unitPosition'];
};

const invalid = (key: MessageKey, params?: Record<string, string | number>, field = 'grant') =>
  new AppError('INVALID_INPUT', message(key, params), {
    issues: [{ field, code: 'invalid_format', message: message(key, params) }],
  });

const chooseSheet = (sheets: readonly Sheet[], wanted: string | undefined): Sheet => {
  if (wanted !== undefined) {
    const found = sheets.find((sheet) => sheet.name === wanted);
    if (!found) throw invalid('import.noSheet', { sheet: wanted }, 'sheet');
    return found;
  }
  // The first sheet that looks like a roster, else the first with anything on it.
  return (
    sheets.find((sheet) => rosterHeader(sheet)) ??
    sheets.find((sheet) => sheet.rows.length > 0) ??
    sheets[0] ?? { name: '', rows: [], firstRow: 1 }
  );
};

// `known`: the units the school knows, read only when the file has a 工作单位及职务 column to split.
const prepare = (source: ImportSource, book: ParsedWorkbook, known: () => ReadonlySet<string>): Prepared => {
  const sheet = chooseSheet(book.sheets, source.sheet);
  if (!sheet.rows.some((row) => row.some((cell) => textCell(cell) !== '')))
    throw invalid('import.emptySheet', { sheet: sheet.name });

  let headerIndex: number;
  if (source.headerRow !== undefined) {
    headerIndex = source.headerRow - sheet.firstRow;
    if (!(sheet.rows[headerIndex] ?? []).some((cell) => textCell(cell) !== ''))
      throw invalid('import.headerRowEmpty', { row: source.headerRow }, 'headerRow');
  } else {
    const detected = rosterHeader(sheet);
    if (!detected) throw invalid('import.noHeader', { sheet: sheet.name, rows: headerScanRows });
    headerIndex = detected.index;
  }
  const headerCells = sheet.rows[headerIndex] ?? [];
  const width = Math.max(headerCells.length, ...sheet.rows.slice(headerIndex, headerIndex + 50).map((row) => row.length));
  const mapped = new Map<number, ImportField | null>();
  for (const entry of source.mapping ?? []) mapped.set(entry.column, entry.field);
  const read = rosterColumns(headerCells, width, mapped);
  const columns = read.map(({ column, header, field }) => ({ column, letter: columnLetter(column), header, field }));

  if (!columns.some((c) => c.field === 'name')) throw invalid('import.noNameColumn', undefined, 'mapping');
  for (const field of new Set(columns.map((c) => c.field))) {
    if (field === null) continue;
    const same = columns.filter((c) => c.field === field && field !== 'seq');
    if (same.length > 1)
      throw invalid(
        'import.duplicateField',
        { field: message(`fields.${field}`), columns: same.map((c) => c.letter).join(message('text.list')) },
        'mapping',
      );
  }

  const rows = parseRows(sheet.rows, sheet.firstRow, headerIndex, columns);
  const split = source.splitUnitPosition !== false;
  const combined = columns.find((c) => c.field === 'unitPosition');
  if (combined) splitCombined(rows, split ? known() : new Set(), split);
  markDuplicates(rows);
  const token = stagingToken(
    'roster',
    source.classId,
    [book.digest],
    [sheet.name, headerIndex, columns.map((c) => c.field), split],
  );
  return {
    classId: source.classId,
    token,
    digest: book.digest,
    fileName: book.fileName,
    sheets: book.sheets.map((s) => s.name),
    sheet,
    headerIndex,
    columns,
    ignoredColumns: ignoredOf(read),
    rows,
    unitPosition: combined
      ? {
          column: combined.letter,
          header: combined.header,
          split,
          cells: rows.filter((row) => row.combined !== undefined && row.combined.text !== '').length,
          unsure: rows.filter((row) => row.unsure).length,
        }
      : null,
  };
};

// The file is read in the parser worker (a cancel stops it there), then planned here.
const readAndPrepare = async (core: Core, source: ImportSource, job: Job): Promise<Prepared> => {
  job.progress('read', 0, 1);
  await job.pause();
  const book = await core.parser.workbook(core.grants.resolve(source.grant, 'rosterImport'), job.signal);
  return prepare(source, book, () => knownUnits(core));
};

// The same person twice in one file: the second row with the same ID number is refused; the same
// name and unit without ID numbers is only pointed out.
const markDuplicates = (rows: ParsedRow[]) => {
  const byId = new Map<string, number>();
  const byNameUnit = new Map<string, number>();
  for (const row of rows) {
    const id = row.trainee.idNumber;
    if (id) {
      const first = byId.get(id);
      if (first !== undefined)
        row.problems.push({
          row: row.row,
          column: '',
          field: 'idNumber',
          severity: 'error',
          message: message('import.duplicateId', { row: first }),
          who: shownText(row.trainee.name ?? ''),
        });
      else byId.set(id, row.row);
    } else if (row.trainee.name) {
      const key = `${row.trainee.name}\u0000${row.trainee.unit ?? ''}`;
      const first = byNameUnit.get(key);
      if (first !== undefined)
        row.problems.push({
          row: row.row,
          column: '',
          field: 'name',
          severity: 'warning',
          message: message('import.duplicateName', { row: first }),
          who: shownText(row.trainee.name ?? ''),
        });
      else byNameUnit.set(key, row.row);
    }
  }
};

const rejected = (row: ParsedRow) => row.problems.some((problem) => problem.severity === 'error');

const blankFields: TraineeFields = {
  name: '',
  sex: null,
  ethnicity: '',
  birthDate: null,
  idNumber: '',
  phone: '',
  unit: '',
  position: '',
  rank: '',
  politicalStatus: '',
  education: '',
  notes: '',
};

// What the file brings on top of what is stored: a blank cell never erases a stored value.
const merge = (stored: TraineeFields, incoming: Partial<TraineeFields>): TraineeFields => {
  const merged: TraineeFields = { ...stored };
  for (const [key, value] of Object.entries(incoming) as [keyof TraineeFields, TraineeFields[keyof TraineeFields]][]) {
    if (value !== '' && value !== null && value !== undefined) Object.assign(merged, { [key]: value });
  }
  return merged;
};

type Plan = { action: ImportAction; traineeId?: number; fields: TraineeFields; enrolmentId?: number };

// Everything the rows' plans depend on, read in a few queries for the whole file: the people it
// names as the school knows them, and this class's roster.
type Known = PeopleKnown & { enrolments: ReadonlyMap<number, { id: number; group_no: number | null; role: string }> };

const knownFor = (core: Core, classId: number, rows: readonly ParsedRow[]): Known => ({
  ...peopleKnown(
    core,
    rows.map((row) => ({ name: row.trainee.name ?? '', idNumber: row.trainee.idNumber ?? '' })),
    classId,
  ),
  enrolments: new Map(
    statement<[number], { trainee_id: number; id: number; group_no: number | null; role: string }>(
      core.db,
      'SELECT trainee_id, id, group_no, role FROM enrolments WHERE class_id = ?',
    )
      .all(classId)
      .map((row) => [row.trainee_id, row]),
  ),
});

const planRow = (known: Known, row: ParsedRow): Plan => {
  // The row's own ID number already set its birth date and sex (rows.ts).
  const incoming = merge(blankFields, row.trainee);
  if (rejected(row)) return { action: 'reject', fields: incoming };
  const existing = samePersonIn(known, incoming, true);
  if (!existing) return { action: 'add', fields: incoming };
  const stored = fieldsOf(existing);
  // The file's values on top of the stored ones; an ID number, whichever side it came from, decides.
  const fields = completeFromIdNumber(merge(stored, row.trainee));
  const enrolment = known.enrolments.get(existing.id);
  if (!enrolment) return { action: 'add', traineeId: existing.id, fields };
  const enrolmentChanges =
    (row.group !== undefined && row.group !== null && row.group !== enrolment.group_no) ||
    (row.role !== undefined && row.role !== '' && row.role !== enrolment.role);
  const changed = !sameFields(fields, stored) || enrolmentChanges;
  return { action: changed ? 'update' : 'unchanged', traineeId: existing.id, fields, enrolmentId: enrolment.id };
};

const countOf = (plans: readonly Plan[]): ImportCounts => ({
  added: plans.filter((p) => p.action === 'add').length,
  updated: plans.filter((p) => p.action === 'update').length,
  unchanged: plans.filter((p) => p.action === 'unchanged').length,
  rejected: plans.filter((p) => p.action === 'reject').length,
});

// Changes as seen by this connection: its own writes (total_changes) and other processes' commits
// (data_version). Equal stamps mean nothing in the database moved in between.
const stamp = (core: Core): string =>
  `${String(core.db.pragma('data_version', { simple: true }))}:${String(statement(core.db, 'SELECT total_changes()').pluck().get())}`;

// The last preview of each open data folder, so that committing neither reads the file again nor,
// when the database has not changed since, works out each row's fate a second time.
type Planned = { plans: Plan[]; stamp: string };
type Previewed = Prepared & Planned;
const prepared = stagingCache<Previewed>({ changed: () => invalid('import.changedFile') });

const displayValues = (fields: TraineeFields, row: ParsedRow): Record<string, string> => ({
  name: fields.name,
  sex: fields.sex ? message(`sex.${fields.sex}`) : '',
  birthDate: maskBirthDate(fields.birthDate, fields.idNumber) ?? '',
  idNumber: fields.idNumber ? maskIdNumber(fields.idNumber) : '',
  phone: fields.phone ? maskPhone(fields.phone) : '',
  unit: fields.unit,
  position: fields.position,
  unitPosition: row.combined?.text ?? '',
  group: row.group ? String(row.group) : '',
  role: row.role ?? '',
});

// Each row's fate (add, update, unchanged, reject) as the database stands now: read-only work done
// before any write lock is taken, in slices that report progress and hear a cancel.
const planAll = async (core: Core, job: Job, classId: number, rows: readonly ParsedRow[]): Promise<Planned> => {
  const known = knownFor(core, classId, rows);
  const plans: Plan[] = [];
  await inSlices(job, 'check', rows, (row) => {
    plans.push(planRow(known, row));
  });
  return { plans, stamp: stamp(core) };
};

export const previewImport = async (core: Core, source: ImportSource, job: Job): Promise<ImportPreview> => {
  const target = getClass(core, source.classId);
  assertWritable(target);
  const ready = await readAndPrepare(core, source, job);
  const { plans, stamp: planned } = await planAll(core, job, source.classId, ready.rows);
  const path = core.grants.resolve(source.grant, 'rosterImport');
  prepared.keep(core, ready.token, [{ path, digest: ready.digest }], { ...ready, plans, stamp: planned });
  const problems: ImportProblem[] = ready.rows.flatMap((row) => row.problems);
  return {
    token: ready.token,
    fileName: ready.fileName,
    sheets: ready.sheets,
    sheet: ready.sheet.name,
    headerRow: ready.sheet.firstRow + ready.headerIndex,
    columns: ready.columns,
    ignoredColumns: ready.ignoredColumns,
    dataRows: ready.rows.length,
    unitPosition: ready.unitPosition,
    counts: countOf(plans),
    problems,
    sample: ready.rows.slice(0, 100).map((row, index) => ({
      row: row.row,
      action: plans[index]?.action ?? 'reject',
      values: displayValues(plans[index]?.fields ?? blankFields, row),
      unsure: row.unsure,
    })),
  };
};

export const commitImport = async (
  core: Core,
  source: ImportSource & { token?: string | undefined },
  job: Job,
): Promise<ImportResult> => {
  const target = getClass(core, source.classId);
  assertWritable(target);
  let ready: Prepared;
  let planned: Planned;
  const path = core.grants.resolve(source.grant, 'rosterImport');
  if (source.token !== undefined && !tokenIsFor(source.token, 'roster', source.classId))
    throw invalid('import.otherClass', undefined, 'classId');
  // What was previewed is what is committed (its file re-hashed: one changed since is refused), read
  // with the same options; otherwise the file is read again and must give the preview's token.
  const held = source.token === undefined ? undefined : prepared.take(core, source.token, [path]);
  if (held?.state === 'held' && held.value.unitPosition?.split !== (source.splitUnitPosition === false)) {
    ready = held.value;
    planned = held.value;
  } else {
    ready = await readAndPrepare(core, source, job);
    if (source.token !== undefined && ready.token !== source.token) throw invalid('import.changedFile');
    planned = await planAll(core, job, source.classId, ready.rows);
  }
  const rows = ready.rows;
  const now = timestamp(core);
  job.checkpoint();
  job.progress('write', 0, rows.length);
  // One transaction for every row: the roster gets the whole file or nothing of it.
  const plans = job.transaction(() => {
    // Under the write lock nothing else can change the database any more; if nothing has since the
    // rows were planned, the plans stand (another program writing in between makes them planned again).
    const known = planned.stamp === stamp(core) ? undefined : knownFor(core, source.classId, rows);
    const plans = known ? rows.map((row) => planRow(known, row)) : planned.plans;
    plans.forEach((plan, index) => {
      const row = rows[index];
      if (!row || plan.action === 'reject' || plan.action === 'unchanged') return;
      // The plan found nobody holding this ID number, and nothing has changed since: the row is written as planned.
      const traineeId = plan.traineeId ?? storeNewTrainee(core, plan.fields);
      if (plan.traineeId !== undefined) writeTrainee(core, plan.traineeId, plan.fields);
      if (plan.enrolmentId === undefined) {
        enrol(core, source.classId, traineeId, { group: row.group ?? null, role: row.role ?? '', status: 'active', notes: '' });
      } else {
        if (row.group)
          statement(core.db, 'UPDATE enrolments SET group_no = ?, updated_at = ? WHERE id = ?').run(
            row.group,
            now,
            plan.enrolmentId,
          );
        if (row.role)
          statement(core.db, 'UPDATE enrolments SET role = ?, updated_at = ? WHERE id = ?').run(row.role, now, plan.enrolmentId);
      }
      if (index % 1000 === 999) job.progress('write', index + 1, rows.length);
    });
    const counts = countOf(plans);
    record(core, {
      action: 'import',
      entity: 'class',
      entityId: source.classId,
      summary: message('import.summary', { file: ready.fileName, ...counts }),
      after: counts,
    });
    return plans;
  });
  job.progress('write', rows.length, rows.length);
  prepared.drop(core, ready.token);
  return {
    counts: countOf(plans),
    rejected: rows.filter(rejected).map((row) => ({
      row: row.row,
      who: shownText(row.trainee.name ?? ''),
      reasons: row.problems
        .filter((p) => p.severity === 'error')
        .map((p) => (p.column ? message('import.columnProblem', { column: p.column, message: p.message }) : p.message)),
    })),
    warnings: rows.reduce((sum, row) => sum + row.problems.filter((p) => p.severity === 'warning').length, 0),
  };
};
