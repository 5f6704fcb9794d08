import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { addDays } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  type Meal,
  mealValues,
  type Participant,
  type Participation,
  type Payment,
  type PlanDay,
  type PlanDayFields,
} from '../../../shared/lodging/schemas';
import { compareStroke, compareStrokeText } from '../../../shared/text/collation';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { storeFile } from '../files/store';
import { nightsOf } from './occupancy';
import { stayPeople, stayRow } from './stay-rows';

// The four togethers day by day (同吃, 同住, 同学习, 同劳动), each trainee's part in them, and what
// the school pays the households.

const parseMeals = jsonColumn(z.array(z.enum(mealValues)), []);

type DayRow = {
  date: string;
  meals: string;
  study: string;
  labour_task: string;
  labour_field: string;
  labour_hours: number;
  labour_leader: string;
};

// Every day of a stay, from arrival to the day of leaving, with what is planned and who sleeps over.
export const planOf = (core: Core, stayId: number): PlanDay[] => {
  const stay = stayRow(core, stayId);
  const stored = new Map(
    statement<[number], DayRow>(core.db, 'SELECT * FROM stay_days WHERE stay_id = ?')
      .all(stayId)
      .map((row) => [row.date, row]),
  );
  const lodged = statement<[number], { households: number; people: number }>(
    core.db,
    'SELECT count(DISTINCT household_id) AS households, count(*) AS people FROM placements WHERE stay_id = ?',
  ).get(stayId) ?? { households: 0, people: 0 };
  const days: PlanDay[] = [];
  for (let date = stay.arrive; date <= stay.depart; date = addDays(date, 1)) {
    const row = stored.get(date);
    const night = date < stay.depart;
    days.push({
      date,
      meals: row ? parseMeals(row.meals) : [],
      study: row?.study ?? '',
      labourTask: row?.labour_task ?? '',
      labourField: row?.labour_field ?? '',
      labourHours: row?.labour_hours ?? 0,
      labourLeader: row?.labour_leader ?? '',
      households: night ? lodged.households : 0,
      people: night ? lodged.people : 0,
    });
  }
  return days;
};

export const savePlanDay = (core: Core, stayId: number, day: PlanDayFields): PlanDay[] => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  if (day.date < stay.arrive || day.date > stay.depart)
    throw invalidInput([
      {
        ...fieldIssue('day.date', 'out_of_range', { min: stay.arrive, max: stay.depart }),
        message: message('issues.out_of_range', { label: message('fields.date'), min: stay.arrive, max: stay.depart }),
      },
    ]);
  const meals = mealValues.filter((meal: Meal) => day.meals.includes(meal));
  statement(
    core.db,
    `INSERT INTO stay_days (stay_id, date, meals, study, labour_task, labour_field, labour_hours, labour_leader)
       VALUES (@stayId, @date, @meals, @study, @labourTask, @labourField, @labourHours, @labourLeader)
     ON CONFLICT (stay_id, date) DO UPDATE SET meals = excluded.meals, study = excluded.study, labour_task = excluded.labour_task,
       labour_field = excluded.labour_field, labour_hours = excluded.labour_hours, labour_leader = excluded.labour_leader`,
  ).run({ ...day, meals: JSON.stringify(meals), stayId });
  return planOf(core, stayId);
};

type ParticipantRow = {
  enrolment_id: number;
  participation: Participation;
  labour_hours: number | null;
  reflection: string;
  reflection_file_name: string;
  reflection_file: string | null;
};

export const participantsOf = (core: Core, stayId: number): Participant[] => {
  const stay = stayRow(core, stayId);
  const planned = planOf(core, stayId).reduce((sum, day) => sum + day.labourHours, 0);
  const stored = new Map(
    statement<[number], ParticipantRow>(core.db, 'SELECT * FROM stay_participants WHERE stay_id = ?')
      .all(stayId)
      .map((row) => [row.enrolment_id, row]),
  );
  const homes = new Map(
    statement<[number], [number, string]>(
      core.db,
      'SELECT p.enrolment_id, h.head FROM placements p JOIN households h ON h.id = p.household_id WHERE p.stay_id = ?',
    )
      .raw()
      .all(stayId),
  );
  return stayPeople(core, stay).map(({ locked: _locked, ...person }) => {
    const row = stored.get(person.enrolmentId);
    return {
      ...person,
      household: homes.get(person.enrolmentId) ?? '',
      participation: row?.participation ?? 'full',
      labourHours: row?.labour_hours ?? null,
      plannedHours: planned,
      reflection: row?.reflection ?? '',
      reflectionFile: row && row.reflection_file !== null ? row.reflection_file_name : null,
    };
  });
};

// A trainee's labour in a stay, as every figure counts it: their own hours where recorded, else the
// plan's; none when absent.
export const labourHoursOf = (person: Pick<Participant, 'participation' | 'labourHours' | 'plannedHours'>): number =>
  person.participation === 'absent' ? 0 : (person.labourHours ?? person.plannedHours);

const participantOf = (core: Core, stayId: number, enrolmentId: number): Participant => {
  const found = participantsOf(core, stayId).find((p) => p.enrolmentId === enrolmentId);
  if (!found)
    throw invalidInput([
      { ...fieldIssue('enrolmentId', 'unknown_value', { value: enrolmentId }), message: message('lodging.notInStay') },
    ]);
  return found;
};

export const saveParticipant = (
  core: Core,
  input: { stayId: number; enrolmentId: number; participation: Participation; labourHours: number | null; reflection: string },
): Participant => {
  const stay = stayRow(core, input.stayId);
  assertWritable(getClass(core, stay.class_id));
  participantOf(core, input.stayId, input.enrolmentId);
  statement(
    core.db,
    `INSERT INTO stay_participants (stay_id, enrolment_id, participation, labour_hours, reflection)
       VALUES (@stayId, @enrolmentId, @participation, @labourHours, @reflection)
     ON CONFLICT (stay_id, enrolment_id) DO UPDATE SET participation = excluded.participation,
       labour_hours = excluded.labour_hours, reflection = excluded.reflection`,
  ).run(input);
  return participantOf(core, input.stayId, input.enrolmentId);
};

// A reflection handed in as a file (Word, PDF, a photo of handwriting): kept in the file store.
export const reflectionLimit = 20 * 1024 * 1024;

export const attachReflection = (core: Core, stayId: number, enrolmentId: number, grant: string): Participant => {
  const stay = stayRow(core, stayId);
  assertWritable(getClass(core, stay.class_id));
  participantOf(core, stayId, enrolmentId);
  const path = core.grants.resolve(grant, 'attachment');
  const name = basename(path);
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > reflectionLimit)
      throw invalidInput([
        {
          ...fieldIssue('grant', 'out_of_range', { min: 0, max: reflectionLimit }),
          message: message('lodging.fileTooLarge', { size: (size / 1024 / 1024).toFixed(1), max: reflectionLimit / 1024 / 1024 }),
        },
      ]);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalidInput([{ ...fieldIssue('grant', 'invalid_format'), message: message('lodging.cannotRead', { name }) }]);
  }
  const sha256 = storeFile(core, bytes, name);
  statement(
    core.db,
    `INSERT INTO stay_participants (stay_id, enrolment_id, reflection_file, reflection_file_name)
       VALUES (@stayId, @enrolmentId, @sha256, @name)
     ON CONFLICT (stay_id, enrolment_id) DO UPDATE SET reflection_file = excluded.reflection_file,
       reflection_file_name = excluded.reflection_file_name`,
  ).run({ stayId, enrolmentId, sha256, name });
  return participantOf(core, stayId, enrolmentId);
};

// Per household that hosted the class: the nights and people its placements add up to, beside what
// was recorded for the accounts.
export const paymentsOf = (core: Core, classId: number): Payment[] => {
  getClass(core, classId);
  const placements = statement<
    [number],
    { householdId: number; head: string; siteName: string; enrolmentId: number; arrive: string; depart: string }
  >(
    core.db,
    `SELECT h.id AS householdId, h.head, p.name AS siteName, pl.enrolment_id AS enrolmentId, s.arrive, s.depart
       FROM placements pl JOIN stays s ON s.id = pl.stay_id JOIN households h ON h.id = pl.household_id JOIN sites p ON p.id = h.site_id
      WHERE s.class_id = ?`,
  ).all(classId);
  const stored = new Map(
    statement<
      [number],
      { household_id: number; nights: number; people: number; amount_fen: number; paid_on: string | null; notes: string }
    >(core.db, 'SELECT * FROM household_payments WHERE class_id = ?')
      .all(classId)
      .map((row) => [row.household_id, row]),
  );
  const households = new Map<number, { head: string; siteName: string; nights: Set<string>; people: Set<number> }>();
  for (const placement of placements) {
    const entry = households.get(placement.householdId) ?? {
      head: placement.head,
      siteName: placement.siteName,
      nights: new Set<string>(),
      people: new Set<number>(),
    };
    for (const night of nightsOf(placement.arrive, placement.depart)) entry.nights.add(night);
    entry.people.add(placement.enrolmentId);
    households.set(placement.householdId, entry);
  }
  // A payment recorded for a household that no longer hosts anyone of the class stays listed.
  for (const householdId of stored.keys())
    if (!households.has(householdId)) {
      const head = statement<[number], { head: string; siteName: string }>(
        core.db,
        'SELECT h.head, p.name AS siteName FROM households h JOIN sites p ON p.id = h.site_id WHERE h.id = ?',
      ).get(householdId);
      households.set(householdId, {
        head: head?.head ?? '',
        siteName: head?.siteName ?? '',
        nights: new Set(),
        people: new Set(),
      });
    }
  return [...households]
    .map(([householdId, entry]) => {
      const row = stored.get(householdId);
      return {
        householdId,
        head: entry.head,
        siteName: entry.siteName,
        placedNights: entry.nights.size,
        placedPeople: entry.people.size,
        nights: row?.nights ?? null,
        people: row?.people ?? null,
        amount: row ? row.amount_fen / 100 : null,
        paidOn: row?.paid_on ?? null,
        notes: row?.notes ?? '',
      };
    })
    .sort((a, b) => compareStrokeText(a.siteName, b.siteName) || compareStroke(a.head, b.head));
};

export const setPayment = (
  core: Core,
  input: {
    classId: number;
    householdId: number;
    nights: number;
    people: number;
    amount: number;
    paidOn: string | null;
    notes: string;
  },
): Payment[] => {
  assertWritable(getClass(core, input.classId));
  const exists = statement<[number], number>(core.db, 'SELECT id FROM households WHERE id = ?').pluck().get(input.householdId);
  if (exists === undefined)
    throw invalidInput([
      {
        ...fieldIssue('householdId', 'unknown_value', { value: input.householdId }),
        message: message('lodging.householdNotFound'),
      },
    ]);
  statement(
    core.db,
    `INSERT INTO household_payments (household_id, class_id, nights, people, amount_fen, paid_on, notes, updated_at)
       VALUES (@householdId, @classId, @nights, @people, @amountFen, @paidOn, @notes, @now)
     ON CONFLICT (household_id, class_id) DO UPDATE SET nights = excluded.nights, people = excluded.people,
       amount_fen = excluded.amount_fen, paid_on = excluded.paid_on, notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run({ ...input, amountFen: Math.round(input.amount * 100), now: timestamp(core) });
  return paymentsOf(core, input.classId);
};
