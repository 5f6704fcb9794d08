import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { compareLatin, comparePinyinText, compareStroke } from '../../../shared/text/collation';
import { decodeReadings } from '../../../shared/text/pinyin';
import { type SearchResult, searchItems } from '../../../shared/text/search';
import type { EnrolmentFields, EnrolmentStatus, TraineeFields } from '../../../shared/trainees/schemas';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { maskedPerson, type TraineeRow } from '../trainees/rows';
import { findSamePerson, insertTrainee, traineeRow, writeTrainee } from '../trainees/service';
import { planGroups } from './groups';
import { type RosterEntry, type RosterSort } from '../../../shared/roster/schemas';

type RosterRow = TraineeRow & {
  enrolment_id: number;
  group_no: number | null;
  role: string;
  status: EnrolmentStatus;
  enrolment_notes: string;
};

export type RosterItem = RosterEntry & { pinyinKey: string; readings: string };

const rosterRows = (core: Core, classId: number): RosterRow[] =>
  statement<[number], RosterRow>(
    core.db,
    `SELECT t.*, e.id AS enrolment_id, e.group_no, e.role, e.status, e.notes AS enrolment_notes
       FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ?`,
  ).all(classId);

const toEntry = (row: RosterRow): RosterItem => ({
  enrolmentId: row.enrolment_id,
  traineeId: row.id,
  ...maskedPerson(row),
  group: row.group_no,
  role: row.role,
  status: row.status,
  enrolmentNotes: row.enrolment_notes,
  pinyinKey: row.name_pinyin,
  readings: row.name_readings,
});

// The four orders a roster is printed in; every one ends in stroke order so ties are stable.
const comparators: Record<RosterSort, (a: RosterItem, b: RosterItem) => number> = {
  stroke: (a, b) => compareStroke(a.name, b.name) || a.enrolmentId - b.enrolmentId,
  pinyin: (a, b) => compareLatin(a.pinyinKey, b.pinyinKey) || compareStroke(a.name, b.name) || a.enrolmentId - b.enrolmentId,
  unit: (a, b) => comparePinyinText(a.unit, b.unit) || compareStroke(a.name, b.name) || a.enrolmentId - b.enrolmentId,
  group: (a, b) => (a.group ?? 1000) - (b.group ?? 1000) || compareStroke(a.name, b.name) || a.enrolmentId - b.enrolmentId,
};

export type RosterQuery = {
  classId: number;
  search?: string | undefined;
  group?: number | undefined;
  status?: EnrolmentStatus | undefined;
  sort: RosterSort;
};

// Sorted and filtered in memory: a class has at most a few thousand trainees, and the orders are
// collations SQLite does not have.
export const rosterItems = (core: Core, query: RosterQuery): SearchResult<RosterItem> => {
  getClass(core, query.classId);
  const all = rosterRows(core, query.classId)
    .map(toEntry)
    .filter((entry) =>
      query.group === undefined ? true : query.group === 0 ? entry.group === null : entry.group === query.group,
    )
    .filter((entry) => query.status === undefined || entry.status === query.status);
  const found = searchItems(
    all,
    (entry) => [{ text: entry.name, readings: () => decodeReadings(entry.readings) }, { text: entry.unit }],
    query.search,
  );
  return { items: found.items.sort(comparators[query.sort]), approximate: found.approximate };
};

const publicEntry = ({ pinyinKey: _key, readings: _readings, ...entry }: RosterItem): RosterEntry => entry;

export const listRoster = (core: Core, query: RosterQuery) => {
  const { items, approximate } = rosterItems(core, query);
  const groups = statement<[number], { g: number }>(
    core.db,
    'SELECT DISTINCT group_no AS g FROM enrolments WHERE class_id = ? AND group_no IS NOT NULL ORDER BY g',
  )
    .all(query.classId)
    .map((row) => row.g);
  return { items: items.map(publicEntry), approximate, groups };
};

const entryById = (core: Core, enrolmentId: number): { classId: number; traineeId: number } => {
  const row = statement<[number], { classId: number; traineeId: number }>(
    core.db,
    'SELECT class_id AS classId, trainee_id AS traineeId FROM enrolments WHERE id = ?',
  ).get(enrolmentId);
  if (!row) throw new AppError('NOT_FOUND', message('roster.entryNotFound'), { enrolmentId });
  return row;
};

const rosterEntry = (core: Core, enrolmentId: number): RosterEntry => {
  const { classId } = entryById(core, enrolmentId);
  const row = rosterRows(core, classId).find((candidate) => candidate.enrolment_id === enrolmentId);
  if (!row) throw new AppError('NOT_FOUND', message('roster.entryNotFound'), { enrolmentId });
  return publicEntry(toEntry(row));
};

const writableClass = (core: Core, classId: number) => {
  const found = getClass(core, classId);
  assertWritable(found);
  return found;
};

export const enrol = (core: Core, classId: number, traineeId: number, fields: EnrolmentFields): number => {
  const now = timestamp(core);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO enrolments (class_id, trainee_id, group_no, role, status, notes, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(classId, traineeId, fields.group, fields.role, fields.status, fields.notes, now, now);
  return Number(lastInsertRowid);
};

export const enrolmentOf = (core: Core, classId: number, traineeId: number) =>
  statement<[number, number], { id: number }>(core.db, 'SELECT id FROM enrolments WHERE class_id = ? AND trainee_id = ?').get(
    classId,
    traineeId,
  );

export const addToRoster = (
  core: Core,
  input: { classId: number; traineeId?: number | undefined; trainee?: TraineeFields | undefined; enrolment: EnrolmentFields },
): RosterEntry => {
  const target = writableClass(core, input.classId);
  let traineeId = input.traineeId;
  if (traineeId !== undefined) traineeRow(core, traineeId);
  else if (input.trainee)
    traineeId = findSamePerson(core, input.trainee, input.classId)?.id ?? insertTrainee(core, input.trainee);
  else throw new AppError('INVALID_INPUT', message('roster.traineeMissing'));
  if (enrolmentOf(core, input.classId, traineeId)) {
    const row = traineeRow(core, traineeId);
    throw new AppError('CONFLICT', message('roster.alreadyEnrolled', { name: row.name, className: target.name }), { traineeId });
  }
  return rosterEntry(core, enrol(core, input.classId, traineeId, input.enrolment));
};

export const updateRosterEntry = (
  core: Core,
  enrolmentId: number,
  trainee: TraineeFields,
  enrolment: EnrolmentFields,
): RosterEntry => {
  const { classId, traineeId } = entryById(core, enrolmentId);
  writableClass(core, classId);
  writeTrainee(core, traineeId, trainee);
  statement(core.db, 'UPDATE enrolments SET group_no = ?, role = ?, status = ?, notes = ?, updated_at = ? WHERE id = ?').run(
    enrolment.group,
    enrolment.role,
    enrolment.status,
    enrolment.notes,
    timestamp(core),
    enrolmentId,
  );
  return rosterEntry(core, enrolmentId);
};

const entriesOfClass = (core: Core, enrolmentIds: readonly number[]): number => {
  const classes = new Set(enrolmentIds.map((id) => entryById(core, id).classId));
  if (classes.size !== 1) throw new AppError('INVALID_INPUT', message('roster.oneClassAtATime'));
  return [...classes][0] ?? 0;
};

// Removing from a roster keeps the person: they may be in other classes, and come back next year.
// …but not someone whose 证书编号 was given (the class closed, or its certificates printed): the number
// would go with the row, and the class's next trainee be given it again. Marked 退学 instead, the number
// stays theirs, unused by anyone else.
const refuseNumbered = (core: Core, enrolmentIds: readonly number[]) => {
  const numbered = statement<[number], string>(
    core.db,
    `SELECT t.name FROM certificate_numbers c JOIN enrolments e ON e.id = c.enrolment_id JOIN trainees t ON t.id = e.trainee_id
      WHERE c.enrolment_id = ?`,
  ).pluck();
  const names = enrolmentIds.flatMap((id) => numbered.get(id) ?? []);
  if (names.length > 0)
    throw new AppError('INVALID_STATE', message('roster.certificateNumbered', { names: names.join(message('text.list')) }), {
      enrolmentIds,
    });
};

export const removeFromRoster = (core: Core, enrolmentIds: readonly number[]): { removed: number } => {
  writableClass(core, entriesOfClass(core, enrolmentIds));
  refuseNumbered(core, enrolmentIds);
  const remove = statement(core.db, 'DELETE FROM enrolments WHERE id = ?');
  for (const id of enrolmentIds) remove.run(id);
  return { removed: enrolmentIds.length };
};

export const assignInRoster = (
  core: Core,
  classId: number,
  assignments: readonly {
    enrolmentId: number;
    group?: number | null | undefined;
    role?: string | undefined;
    status?: EnrolmentStatus | undefined;
  }[],
): { updated: number } => {
  writableClass(core, classId);
  const now = timestamp(core);
  for (const assignment of assignments) {
    const entry = entryById(core, assignment.enrolmentId);
    if (entry.classId !== classId) throw new AppError('INVALID_INPUT', message('roster.oneClassAtATime'));
    if (assignment.group !== undefined)
      statement(core.db, 'UPDATE enrolments SET group_no = ?, updated_at = ? WHERE id = ?').run(
        assignment.group,
        now,
        assignment.enrolmentId,
      );
    if (assignment.role !== undefined)
      statement(core.db, 'UPDATE enrolments SET role = ?, updated_at = ? WHERE id = ?').run(
        assignment.role,
        now,
        assignment.enrolmentId,
      );
    if (assignment.status !== undefined)
      statement(core.db, 'UPDATE enrolments SET status = ?, updated_at = ? WHERE id = ?').run(
        assignment.status,
        now,
        assignment.enrolmentId,
      );
  }
  return { updated: assignments.length };
};

export type GroupSummary = { group: number; size: number; male: number; female: number; units: number; sharedUnits: number };

// Who has left the class takes no place in a group.
export const splitGroups = (core: Core, classId: number, count: number): { groups: GroupSummary[] } => {
  writableClass(core, classId);
  const members = rosterRows(core, classId).filter((row) => row.status !== 'withdrawn');
  const plan = planGroups(
    members.map((row) => ({ enrolmentId: row.enrolment_id, name: row.name, sex: row.sex, unit: row.unit })),
    count,
  );
  const now = timestamp(core);
  const update = statement(core.db, 'UPDATE enrolments SET group_no = ?, updated_at = ? WHERE id = ?');
  for (const [enrolmentId, group] of plan) update.run(group, now, enrolmentId);
  statement(core.db, `UPDATE enrolments SET group_no = NULL, updated_at = ? WHERE class_id = ? AND status = 'withdrawn'`).run(
    now,
    classId,
  );
  return {
    groups: summariseGroups(members.map((row) => ({ group: plan.get(row.enrolment_id) ?? 0, sex: row.sex, unit: row.unit }))),
  };
};

export const summariseGroups = (members: readonly { group: number; sex: TraineeRow['sex']; unit: string }[]): GroupSummary[] => {
  const byGroup = new Map<number, typeof members>();
  for (const member of members) byGroup.set(member.group, [...(byGroup.get(member.group) ?? []), member]);
  return [...byGroup.entries()]
    .sort(([a], [b]) => a - b)
    .map(([group, list]) => {
      const unitCounts = new Map<string, number>();
      for (const member of list) if (member.unit) unitCounts.set(member.unit, (unitCounts.get(member.unit) ?? 0) + 1);
      return {
        group,
        size: list.length,
        male: list.filter((member) => member.sex === 'male').length,
        female: list.filter((member) => member.sex === 'female').length,
        units: unitCounts.size,
        sharedUnits: [...unitCounts.values()].filter((n) => n > 1).length,
      };
    });
};
