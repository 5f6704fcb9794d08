// The roster import's preview and commit: the file read (prepare.ts) and its rows planned (plan.ts)
// once, kept between the two, and written in one transaction.
import { maskBirthDate, maskIdNumber, maskPhone } from '../../../../shared/idcard';
import { shownText } from '../../../../shared/text/shown';
import { message } from '../../../../shared/i18n/translate';
import type { ImportPreview, ImportProblem, ImportResult } from '../../../../shared/roster/import';
import type { TraineeFields } from '../../../../shared/trainees/schemas';
import { record } from '../../db/audit-record';
import { assertWritable, getClass } from '../../classes/service';
import { type Core, timestamp } from '../../context';
import { statement } from '../../db/statements';
import { stagingCache, tokenIsFor } from '../../documents/staging';
import type { Job } from '../../jobs/job';
import { storeNewTrainee, writeTrainee } from '../../trainees/service';
import { enrol } from '../service';
import type { ParsedRow } from './rows';
import { blankFields, countOf, knownFor, type Planned, planAll, planRow, rejected, stamp } from './plan';
import { type ImportSource, invalid, type Prepared, readAndPrepare } from './prepare';

// The last preview of each open data folder, so that committing neither reads the file again nor,
// when the database has not changed since, works out each row's fate a second time.
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
