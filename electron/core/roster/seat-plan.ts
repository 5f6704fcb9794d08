import type { RosterSort } from '../../../shared/roster/schemas';
import type { SeatInput, SeatPerson } from '../../../shared/seating/schemas';
import type { Settings } from '../../../shared/settings/schemas';
import { groupLeaderRole } from '../../../shared/vocab/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { type RosterItem, rosterItems } from './service';
import { arrangeSeats, isCommittee, type Seating } from './seating';
import { getSettings } from '../settings/service';

type Classroom = Settings['classroom'];

export type Plan = { sort: RosterSort; committeeFront: boolean; adjusted: boolean; updatedAt: string };

export type ClassSeating = {
  room: Classroom;
  plan: Plan | null;
  // Everyone who attends (not withdrawn), in the plan's order (or the order asked for).
  people: SeatPerson[];
  seating: Seating<SeatPerson>;
};

const toPerson = (item: RosterItem): SeatPerson => ({
  enrolmentId: item.enrolmentId,
  name: item.name,
  unit: item.unit,
  position: item.position,
  group: item.group,
  role: item.role,
  committee: isCommittee(item),
  leader: item.role === groupLeaderRole,
});

export const planOf = (core: Core, classId: number): Plan | null => {
  const row = statement<[number], { sort: RosterSort; committee_front: number; adjusted: number; updated_at: string }>(
    core.db,
    'SELECT sort, committee_front, adjusted, updated_at FROM seat_plans WHERE class_id = ?',
  ).get(classId);
  return row
    ? { sort: row.sort, committeeFront: row.committee_front === 1, adjusted: row.adjusted === 1, updatedAt: row.updated_at }
    : null;
};

export const attendingPeople = (core: Core, classId: number, sort: RosterSort): SeatPerson[] =>
  rosterItems(core, { classId, sort })
    .items.filter((item) => item.status !== 'withdrawn')
    .map(toPerson);

// The rows a class needs: the classroom's, or more at the back when it does not hold everyone.
export const rowsFor = (room: Classroom, people: number): number => Math.max(room.rows, Math.ceil(people / room.seats));

// Seats the saved ones where they sat (if that seat is still in the room and not taken twice), then
// everyone else — newcomers since, or people whose seat is gone — in the free seats from the front,
// in the order given. Someone removed from the roster has no seat row any more (ON DELETE CASCADE);
// someone withdrawn is not among `people` and so leaves the seat free.
export const placeSeats = <P extends SeatPerson>(
  people: readonly P[],
  saved: readonly SeatInput[],
  room: Classroom,
): Seating<P> => {
  const count = rowsFor(room, people.length);
  const rows: (P | null)[][] = Array.from({ length: count }, () => Array.from({ length: room.seats }, () => null));
  const byId = new Map(people.map((p) => [p.enrolmentId, p]));
  const placed = new Set<number>();
  for (const seat of saved) {
    const person = byId.get(seat.enrolmentId);
    const row = rows[seat.row - 1];
    if (!person || !row || seat.seat > room.seats || row[seat.seat - 1] !== null || placed.has(person.enrolmentId)) continue;
    row[seat.seat - 1] = person;
    placed.add(person.enrolmentId);
  }
  const rest = people.filter((p) => !placed.has(p.enrolmentId));
  for (const row of rows) {
    for (let s = 0; s < row.length && rest.length > 0; s += 1) if (row[s] === null) row[s] = rest.shift() ?? null;
  }
  return { rows, extraRows: count - room.rows };
};

const savedSeats = (core: Core, classId: number): SeatInput[] =>
  statement<[number], SeatInput>(
    core.db,
    'SELECT enrolment_id AS enrolmentId, row_no AS "row", seat_no AS seat FROM seats WHERE class_id = ? ORDER BY row_no, seat_no',
  ).all(classId);

// The class's seating as it stands: the saved plan with the roster's changes since, or, with no
// plan, the classroom filled in the order asked for.
export const classSeating = (
  core: Core,
  classId: number,
  fallback: { sort: RosterSort; committeeFront: boolean },
): ClassSeating => {
  getClass(core, classId);
  const room = getSettings(core).classroom;
  const plan = planOf(core, classId);
  const people = attendingPeople(core, classId, plan?.sort ?? fallback.sort);
  const seating = plan
    ? placeSeats(people, savedSeats(core, classId), room)
    : arrangeSeats(people, room, fallback.committeeFront);
  return { room, plan, people, seating };
};

// The seats of a seating, as rows to store.
export const seatsOf = (seating: Seating<SeatPerson>): SeatInput[] =>
  seating.rows.flatMap((row, r) =>
    row.flatMap((p, s) => (p === null ? [] : [{ enrolmentId: p.enrolmentId, row: r + 1, seat: s + 1 }])),
  );

// Writes only what moved: a seat that stays is not touched (nor logged), the others are cleared
// first so that two people can trade places without meeting in one seat.
export const storeSeats = (
  core: Core,
  classId: number,
  seats: readonly SeatInput[],
  plan: { sort: RosterSort; committeeFront: boolean; adjusted: boolean; at: string },
): number => {
  statement(
    core.db,
    `INSERT INTO seat_plans (class_id, sort, committee_front, adjusted, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (class_id) DO UPDATE SET sort = excluded.sort, committee_front = excluded.committee_front,
       adjusted = excluded.adjusted, updated_at = excluded.updated_at`,
  ).run(classId, plan.sort, plan.committeeFront ? 1 : 0, plan.adjusted ? 1 : 0, plan.at);
  const before = new Map(savedSeats(core, classId).map((s) => [s.enrolmentId, s]));
  const after = new Map(seats.map((s) => [s.enrolmentId, s]));
  const moved = seats.filter((s) => {
    const was = before.get(s.enrolmentId);
    return !was || was.row !== s.row || was.seat !== s.seat;
  });
  const remove = statement<[number]>(core.db, 'DELETE FROM seats WHERE enrolment_id = ?');
  for (const [enrolmentId] of before) if (!after.has(enrolmentId)) remove.run(enrolmentId);
  for (const s of moved) remove.run(s.enrolmentId);
  const insert = statement<[number, number, number, number]>(
    core.db,
    'INSERT INTO seats (enrolment_id, class_id, row_no, seat_no) VALUES (?, ?, ?, ?)',
  );
  for (const s of moved) insert.run(s.enrolmentId, classId, s.row, s.seat);
  return moved.length;
};
