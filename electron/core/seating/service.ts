import type { FieldIssue } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { RosterSort } from '../../../shared/roster/schemas';
import { type SeatInput, type SeatingView, seatLimits } from '../../../shared/seating/schemas';
import { chineseNumber } from '../../../shared/text/chinese-numbers';
import { invalidInput, refuseField } from '../../../shared/validation';
import { classTitle } from '../../../shared/classes/schemas';
import { assertWritable, getClass } from '../classes/service';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { arrangeSeats, groupTables } from '../roster/seating';
import { attendingPeople, classSeating, placeSeats, rowsFor, seatsOf, storeSeats } from '../roster/seat-plan';

// With no plan yet the view shows the class by group, the committee in front: how a 班主任 seats a
// class most often.
const firstArrangement = { sort: 'group', committeeFront: true } as const satisfies {
  sort: RosterSort;
  committeeFront: boolean;
};

export const seatingView = (core: Core, classId: number): SeatingView => {
  const c = getClass(core, classId);
  const { room, plan, people, seating } = classSeating(core, classId, firstArrangement);
  return {
    classId,
    className: classTitle(c),
    room,
    rows: seating.rows.length,
    plan,
    seats: seating.rows.flatMap((row, r) =>
      row.flatMap((person, s) => (person === null ? [] : [{ row: r + 1, seat: s + 1, person }])),
    ),
    tables: groupTables(people),
  };
};

// A seat map keeps at most a hundred rows: a class the classroom as set cannot hold in them (rows are
// added at the back for those who do not fit) is refused before anything is written, in words, rather
// than by the database's own check.
const assertFits = (room: SeatingView['room'], people: number) => {
  const rows = rowsFor(room, people);
  if (rows > seatLimits.rows)
    throw refuseField(
      'classId',
      message('seating.tooMany', { count: people, seats: room.seats, rows, max: seatLimits.rows }),
      'out_of_range',
    );
};

export const arrangeClass = (
  core: Core,
  input: { classId: number; sort: RosterSort; committeeFront: boolean },
): { view: SeatingView; summary: string } => {
  const c = getClass(core, input.classId);
  assertWritable(c);
  const room = classSeating(core, input.classId, input).room;
  const people = attendingPeople(core, input.classId, input.sort);
  assertFits(room, people.length);
  const seating = arrangeSeats(people, room, input.committeeFront);
  storeSeats(core, input.classId, seatsOf(seating), { ...input, adjusted: false, at: timestamp(core) });
  return {
    view: seatingView(core, input.classId),
    summary: message('seating.arranged', {
      name: c.name,
      count: people.length,
      sort: message(`seating.sorts.${input.sort}`),
    }),
  };
};

const seatName = (row: number, seat: number) =>
  message('seating.seatName', { row: chineseNumber(row), seat: chineseNumber(seat) });

// Each seat checked before anything is written: a trainee of this class who has not withdrawn, once;
// a seat inside the classroom (with the rows added at the back for a class that outgrows it), once.
const seatIssues = (
  core: Core,
  classId: number,
  seats: readonly SeatInput[],
  room: SeatingView['room'],
  names: ReadonlyMap<number, string>,
): FieldIssue[] => {
  const rows = rowsFor(room, names.size);
  const issues: FieldIssue[] = [];
  const withdrawn = new Map(
    statement<[number], { id: number; name: string }>(
      core.db,
      `SELECT e.id, t.name FROM enrolments e JOIN trainees t ON t.id = e.trainee_id WHERE e.class_id = ? AND e.status = 'withdrawn'`,
    )
      .all(classId)
      .map((row) => [row.id, row.name]),
  );
  const people = new Set<number>();
  const taken = new Map<string, string>();
  seats.forEach((s, i) => {
    const issue = (field: string, text: string) =>
      issues.push({ field: `seats.${i}.${field}`, code: 'unknown_value', message: text });
    const name = names.get(s.enrolmentId);
    if (name === undefined) {
      const gone = withdrawn.get(s.enrolmentId);
      issue(
        'enrolmentId',
        gone === undefined ? message('seating.notInClass', { n: i + 1 }) : message('seating.withdrawn', { name: gone }),
      );
      return;
    }
    if (people.has(s.enrolmentId)) issue('enrolmentId', message('seating.twice', { name }));
    people.add(s.enrolmentId);
    if (s.row > rows || s.seat > room.seats) {
      issue(
        s.row > rows ? 'row' : 'seat',
        message('seating.outside', { name, seat: seatName(s.row, s.seat), rows, seats: room.seats }),
      );
      return;
    }
    const key = `${s.row}:${s.seat}`;
    const other = taken.get(key);
    if (other !== undefined) issue('seat', message('seating.shared', { seat: seatName(s.row, s.seat), a: other, b: name }));
    taken.set(key, name);
  });
  return issues;
};

// The seat map after a swap or a move: checked whole, then stored whole (whoever it leaves out is
// seated in a free seat), so the chart prints as it was seen.
export const saveSeats = (
  core: Core,
  input: { classId: number; seats: readonly SeatInput[] },
): { view: SeatingView; summary: string } => {
  const c = getClass(core, input.classId);
  assertWritable(c);
  const current = classSeating(core, input.classId, firstArrangement);
  assertFits(current.room, current.people.length);
  const names = new Map(current.people.map((p) => [p.enrolmentId, p.name]));
  const issues = seatIssues(core, input.classId, input.seats, current.room, names);
  if (issues.length > 0) throw invalidInput(issues);
  const seating = placeSeats(current.people, input.seats, current.room);
  const plan = current.plan ?? { ...firstArrangement, adjusted: true, updatedAt: '' };
  // Who sits elsewhere than on the chart the user saw: the two of a swap, the one of a move.
  const was = new Map(seatsOf(current.seating).map((seat) => [seat.enrolmentId, seat]));
  const seats = seatsOf(seating);
  const moved = seats.filter(
    (seat) => was.get(seat.enrolmentId)?.row !== seat.row || was.get(seat.enrolmentId)?.seat !== seat.seat,
  );
  storeSeats(core, input.classId, seats, {
    sort: plan.sort,
    committeeFront: plan.committeeFront,
    adjusted: true,
    at: timestamp(core),
  });
  return { view: seatingView(core, input.classId), summary: message('seating.saved', { name: c.name, count: moved.length }) };
};
