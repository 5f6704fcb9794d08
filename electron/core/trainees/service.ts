import { AppError } from '../../../shared/errors';
import { checkIdNumber } from '../../../shared/idcard';
import { message } from '../../../shared/i18n/translate';
import { decodeReadings } from '../../../shared/text/pinyin';
import { type SearchField, searchItems } from '../../../shared/text/search';
import type { Revealed, TraineeDetail, TraineeFields, TraineeSummary } from '../../../shared/trainees/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { record } from '../db/audit-record';
import { type Core, timestamp } from '../context';
import type { Db } from '../db/connection';
import { statement } from '../db/statements';
import { noteRead } from '../db/reads';
import { maskedPerson, rowParams, type TraineeRow } from './rows';

// With an ID number, birth date and sex are read from it: the number is the authority.
export const completeFromIdNumber = (fields: TraineeFields): TraineeFields => {
  if (fields.idNumber === '') return fields;
  const checked = checkIdNumber(fields.idNumber);
  if (!checked.ok) return fields;
  return { ...fields, birthDate: checked.value.birthDate, sex: checked.value.sex };
};

const byIdNumber = (core: Core, idNumber: string) =>
  statement<[string], TraineeRow>(core.db, 'SELECT t.* FROM trainees t WHERE t.id_number = ?').get(idNumber);

export const traineeRow = (core: Core, id: number): TraineeRow => {
  const row = statement<[number], TraineeRow>(core.db, 'SELECT t.* FROM trainees t WHERE t.id = ?').get(id);
  if (!row) throw new AppError('NOT_FOUND', message('errors.NOT_FOUND'), { traineeId: id });
  return row;
};

// What is known about the people a form or a file names: the holders of their ID numbers, everyone
// of their names (and whether they are on this class's roster). Read in two queries for one person or
// ten thousand alike.
export type PeopleKnown = {
  byIdNumber: ReadonlyMap<string, TraineeRow>;
  byName: ReadonlyMap<string, readonly (TraineeRow & { on_roster: number })[]>;
};

export const peopleKnown = (
  core: Core,
  people: readonly Pick<TraineeFields, 'name' | 'idNumber'>[],
  classId: number | undefined,
): PeopleKnown => {
  const idNumbers = [...new Set(people.map((p) => p.idNumber).filter(Boolean))];
  const names = [...new Set(people.map((p) => p.name).filter(Boolean))];
  const holders = statement<[string], TraineeRow>(
    core.db,
    'SELECT t.* FROM trainees t WHERE t.id_number IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(idNumbers));
  const namesakes = statement<[number, string], TraineeRow & { on_roster: number }>(
    core.db,
    `SELECT t.*, EXISTS (SELECT 1 FROM enrolments e WHERE e.trainee_id = t.id AND e.class_id = ?) AS on_roster
     FROM trainees t WHERE t.name IN (SELECT value FROM json_each(?))`,
  ).all(classId ?? -1, JSON.stringify(names));
  const byName = new Map<string, (TraineeRow & { on_roster: number })[]>();
  for (const row of namesakes) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  return { byIdNumber: new Map(holders.map((row) => [row.id_number ?? '', row])), byName };
};

// The same person, if the school has met them before. The ID number decides when both sides have
// one. Otherwise — a list without ID numbers, or a person first entered without one — the same name
// on this class's roster, then the same name with the same phone, then with the same work unit,
// each only when it points at exactly one person whose ID number does not contradict.
export const samePersonIn = (known: PeopleKnown, fields: TraineeFields, onRoster: boolean): TraineeRow | undefined => {
  if (fields.idNumber !== '') {
    const holder = known.byIdNumber.get(fields.idNumber);
    if (holder) return holder;
  }
  const namesakes = (known.byName.get(fields.name) ?? []).filter((row) => fields.idNumber === '' || row.id_number === null);
  if (namesakes.length === 0) return undefined;
  const unique = (rows: TraineeRow[]) => (rows.length === 1 ? rows[0] : undefined);
  return (
    (onRoster ? unique(namesakes.filter((row) => row.on_roster === 1)) : undefined) ??
    (fields.phone === '' ? undefined : unique(namesakes.filter((row) => row.phone === fields.phone))) ??
    (fields.unit === '' ? undefined : unique(namesakes.filter((row) => row.unit === fields.unit)))
  );
};

export const findSamePerson = (core: Core, fields: TraineeFields, classId?: number): TraineeRow | undefined =>
  samePersonIn(peopleKnown(core, [fields], classId), fields, classId !== undefined);

const assertIdNumberFree = (core: Core, fields: TraineeFields, ownId?: number) => {
  if (fields.idNumber === '') return;
  const holder = byIdNumber(core, fields.idNumber);
  if (holder && holder.id !== ownId) {
    throw invalidInput([{ ...fieldIssue('idNumber', 'duplicate'), message: message('trainees.idTaken', { name: holder.name }) }]);
  }
};

export const insertTrainee = (core: Core, fields: TraineeFields): number => {
  const complete = completeFromIdNumber(fields);
  assertIdNumberFree(core, complete);
  return storeNewTrainee(core, complete);
};

// The write alone, for fields already completed and checked against the stored people (an import's
// plan, made under the same write lock).
export const storeNewTrainee = (core: Core, complete: TraineeFields): number => {
  const now = timestamp(core);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO trainees (name, sex, ethnicity, birth_date, id_number, phone, unit, position, rank, political_status,
         education, notes, name_readings, name_pinyin, created_at, updated_at)
       VALUES (@name, @sex, @ethnicity, @birthDate, @idNumber, @phone, @unit, @position, @rank, @politicalStatus,
         @education, @notes, @nameReadings, @namePinyin, @now, @now)`,
  ).run({ ...rowParams(complete), now });
  markChanged(core, Number(lastInsertRowid));
  return Number(lastInsertRowid);
};

export const writeTrainee = (core: Core, id: number, fields: TraineeFields): void => {
  const complete = completeFromIdNumber(fields);
  assertIdNumberFree(core, complete, id);
  statement(
    core.db,
    `UPDATE trainees SET name = @name, sex = @sex, ethnicity = @ethnicity, birth_date = @birthDate, id_number = @idNumber,
         phone = @phone, unit = @unit, position = @position, rank = @rank, political_status = @politicalStatus,
         education = @education, notes = @notes, name_readings = @nameReadings, name_pinyin = @namePinyin, updated_at = @now
       WHERE id = @id`,
  ).run({ ...rowParams(complete), id, now: timestamp(core) });
  markChanged(core, id);
};

export const sameFields = (a: TraineeFields, b: TraineeFields): boolean =>
  (Object.keys(a) as (keyof TraineeFields)[]).every((key) => a[key] === b[key]);

export const updateTrainee = (core: Core, id: number, fields: TraineeFields): TraineeDetail => {
  traineeRow(core, id);
  writeTrainee(core, id, fields);
  return getTrainee(core, id);
};

type IndexEntry = { id: number; order: string; fields: SearchField[] };
type SearchIndex = { dataVersion: number; byId: Map<number, IndexEntry> };
// Keyed by connection: a restored database is a new connection and starts with a fresh index.
const indexes = new WeakMap<Db, SearchIndex>();
// Trainees written through this connection since the index last looked.
const dirty = new WeakMap<Db, Set<number>>();

const markChanged = (core: Core, id: number) => {
  const ids = dirty.get(core.db) ?? new Set<number>();
  ids.add(id);
  dirty.set(core.db, ids);
};

type IndexRow = { id: number; name: string; unit: string; readings: string; pinyin: string };

const toIndexEntry = (row: IndexRow): IndexEntry => ({
  id: row.id,
  order: `${row.pinyin}\u0000${String(row.id).padStart(12, '0')}`,
  fields: [
    { text: row.name, lower: row.name.toLowerCase(), latin: /[a-z0-9]/i.test(row.name), readings: decodeReadings(row.readings) },
    { text: row.unit, lower: row.unit.toLowerCase(), latin: /[a-z0-9]/i.test(row.unit) },
  ],
});

// Every trainee's name (with its stored pinyin readings) and unit, kept in memory between searches.
// Writes through this connection mark their rows, which are read again on the next search; a commit
// by another process (the CLI beside the app) changes SQLite's data_version and the index is rebuilt.
const searchIndex = (core: Core): Iterable<IndexEntry> => {
  // Answered from memory as often as not: the call read the trainees all the same.
  noteRead(core.db, 'trainees');
  const dataVersion = Number(core.db.pragma('data_version', { simple: true }));
  let index = indexes.get(core.db);
  const changed = dirty.get(core.db);
  // Past a few thousand marked rows (a big import) reading everything again is as quick.
  if (!index || index.dataVersion !== dataVersion || (changed?.size ?? 0) > 5000) {
    const rows = statement<[], IndexRow>(
      core.db,
      'SELECT id, name, unit, name_readings AS readings, name_pinyin AS pinyin FROM trainees',
    ).all();
    index = { dataVersion, byId: new Map(rows.map((row) => [row.id, toIndexEntry(row)])) };
    indexes.set(core.db, index);
    dirty.delete(core.db);
  } else if (changed && changed.size > 0) {
    const ids = [...changed];
    dirty.delete(core.db);
    const rows = statement<[string], IndexRow>(
      core.db,
      `SELECT id, name, unit, name_readings AS readings, name_pinyin AS pinyin FROM trainees
       WHERE id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids));
    for (const id of ids) index.byId.delete(id);
    for (const row of rows) index.byId.set(row.id, toIndexEntry(row));
  }
  return index.byId.values();
};

export const searchTraineeIds = (core: Core, query: string | undefined): { ids: number[]; approximate: boolean } => {
  const result = searchItems([...searchIndex(core)], (entry) => entry.fields, query);
  // Results in pinyin order of surname and name, as people look them up.
  const sorted = result.items.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  return { ids: sorted.map((entry) => entry.id), approximate: result.approximate };
};

export const searchTrainees = (core: Core, query: { search?: string | undefined; limit: number; offset: number }) => {
  const { ids, approximate } = searchTraineeIds(core, query.search);
  const page = ids.slice(query.offset, query.offset + query.limit);
  const rows =
    page.length === 0
      ? []
      : statement<[string], TraineeRow & { class_count: number }>(
          core.db,
          `SELECT t.*, (SELECT count(*) FROM enrolments e WHERE e.trainee_id = t.id) AS class_count
           FROM trainees t WHERE t.id IN (SELECT value FROM json_each(?))`,
        ).all(JSON.stringify(page));
  const order = new Map(page.map((id, index) => [id, index]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const items: TraineeSummary[] = rows.map((row) => ({ id: row.id, ...maskedPerson(row), classCount: row.class_count }));
  return { items, total: ids.length, approximate };
};

export const getTrainee = (core: Core, id: number): TraineeDetail => {
  const row = traineeRow(core, id);
  const enrolments = statement<
    [number],
    {
      enrolmentId: number;
      classId: number;
      classCode: string;
      className: string;
      startDate: string;
      endDate: string;
      group: number | null;
      role: string;
      status: TraineeDetail['enrolments'][number]['status'];
    }
  >(
    core.db,
    `SELECT e.id AS enrolmentId, c.id AS classId, c.code AS classCode, c.name AS className, c.start_date AS startDate,
         c.end_date AS endDate, e.group_no AS "group", e.role, e.status
       FROM enrolments e JOIN classes c ON c.id = e.class_id WHERE e.trainee_id = ? ORDER BY c.start_date DESC`,
  ).all(id);
  return { id: row.id, ...maskedPerson(row), classCount: enrolments.length, enrolments };
};

// The one way to see a full ID number or phone number, and it leaves a trace.
export const revealTrainees = (core: Core, ids: readonly number[], purpose: string): Revealed[] => {
  const unique = [...new Set(ids)];
  const rows = statement<[string], { id: number; name: string; id_number: string | null; phone: string }>(
    core.db,
    'SELECT id, name, id_number, phone FROM trainees WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(unique));
  if (rows.length !== unique.length)
    throw new AppError('NOT_FOUND', message('errors.NOT_FOUND'), {
      ids: unique.filter((id) => !rows.some((row) => row.id === id)),
    });
  const names = rows
    .slice(0, 5)
    .map((row) => row.name)
    .join(message('text.list'));
  record(core, {
    action: 'reveal',
    entity: 'trainee',
    entityId: unique.length === 1 ? unique[0] : null,
    summary: message('trainees.revealed', {
      names,
      more: rows.length > 5 ? message('trainees.revealedMore', { count: rows.length }) : '',
      purpose: purpose ? message('trainees.revealedPurpose', { purpose }) : '',
    }),
    after: { ids: unique },
  });
  return rows.map((row) => ({ id: row.id, idNumber: row.id_number ?? '', phone: row.phone }));
};
