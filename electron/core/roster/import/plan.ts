// Each row's fate (add, update, unchanged, reject) against the people the school knows and the class's
// roster, worked out for the whole file at once, with the stamp that tells whether it still stands.
import type { ImportAction, ImportCounts } from '../../../../shared/roster/import';
import type { TraineeFields } from '../../../../shared/trainees/schemas';
import type { Core } from '../../context';
import { statement } from '../../db/statements';
import { inSlices, type Job } from '../../jobs/job';
import { fieldsOf } from '../../trainees/rows';
import { completeFromIdNumber, type PeopleKnown, peopleKnown, sameFields, samePersonIn } from '../../trainees/service';
import type { ParsedRow } from './rows';

export const rejected = (row: ParsedRow) => row.problems.some((problem) => problem.severity === 'error');

export const blankFields: TraineeFields = {
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

export type Plan = { action: ImportAction; traineeId?: number; fields: TraineeFields; enrolmentId?: number };

// Everything the rows' plans depend on, read in a few queries for the whole file: the people it
// names as the school knows them, and this class's roster.
type Known = PeopleKnown & { enrolments: ReadonlyMap<number, { id: number; group_no: number | null; role: string }> };

export const knownFor = (core: Core, classId: number, rows: readonly ParsedRow[]): Known => ({
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

export const planRow = (known: Known, row: ParsedRow): Plan => {
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

export const countOf = (plans: readonly Plan[]): ImportCounts => ({
  added: plans.filter((p) => p.action === 'add').length,
  updated: plans.filter((p) => p.action === 'update').length,
  unchanged: plans.filter((p) => p.action === 'unchanged').length,
  rejected: plans.filter((p) => p.action === 'reject').length,
});

// Changes as seen by this connection: its own writes (total_changes) and other processes' commits
// (data_version). Equal stamps mean nothing in the database moved in between.
export const stamp = (core: Core): string =>
  `${String(core.db.pragma('data_version', { simple: true }))}:${String(statement(core.db, 'SELECT total_changes()').pluck().get())}`;

export type Planned = { plans: Plan[]; stamp: string };

// Each row's fate (add, update, unchanged, reject) as the database stands now: read-only work done
// before any write lock is taken, in slices that report progress and hear a cancel.
export const planAll = async (core: Core, job: Job, classId: number, rows: readonly ParsedRow[]): Promise<Planned> => {
  const known = knownFor(core, classId, rows);
  const plans: Plan[] = [];
  await inSlices(job, 'check', rows, (row) => {
    plans.push(planRow(known, row));
  });
  return { plans, stamp: stamp(core) };
};
