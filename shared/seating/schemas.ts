import { z } from 'zod';
import { idSchema as id } from '../channel';
import { rosterSorts } from '../roster/schemas';
import { withLabels } from '../validation';
import { podiumSides } from '../settings/schemas';

// A class's 座次: the classroom as rows × seats, each trainee in one seat; or, for 结构化研讨, a
// table per group.
export const seatLayouts = ['rows', 'tables'] as const;
export type SeatLayout = (typeof seatLayouts)[number];

// Rows past the classroom's (added at the back when the class outgrows it) stay under this; seats
// per row under the classroom's own limit.
export const seatLimits = { rows: 100, seats: 16, people: 1600 } as const;

const seatSchema = z.strictObject({
  enrolmentId: id,
  row: z.number().int().min(1).max(seatLimits.rows),
  seat: z.number().int().min(1).max(seatLimits.seats),
});
export type SeatInput = z.output<typeof seatSchema>;

export const seatingSchemas = {
  get: z.strictObject({ classId: id }),
  // 重新排座: fills the classroom again from the front in the order chosen, forgetting swaps.
  arrange: z.strictObject({ classId: id, sort: z.enum(rosterSorts).default('group'), committeeFront: z.boolean().default(true) }),
  // The seat map after swaps: whoever is not in it is seated in a free seat.
  save: withLabels(z.strictObject({ classId: id, seats: z.array(seatSchema).max(seatLimits.people) }), {
    'seats.row': 'seating.fields.row',
    'seats.seat': 'seating.fields.seat',
  }),
};

export const seatPersonSchema = z.object({
  enrolmentId: z.number().int(),
  name: z.string(),
  unit: z.string(),
  position: z.string(),
  group: z.number().int().nullable(),
  role: z.string(),
  // 班委 (班长, 学习委员…), as against a group's own 组长.
  committee: z.boolean(),
  leader: z.boolean(),
});
export type SeatPerson = z.output<typeof seatPersonSchema>;

export const seatingViewSchema = z.object({
  classId: z.number().int(),
  className: z.string(),
  room: z.object({
    rows: z.number().int(),
    seats: z.number().int(),
    aisles: z.array(z.number().int()),
    podium: z.enum(podiumSides),
  }),
  // The rows drawn: the classroom's, and more at the back when the class does not fit.
  rows: z.number().int(),
  // Null until the class is first arranged or a seat is moved: the chart then follows the roster.
  plan: z
    .object({ sort: z.enum(rosterSorts), committeeFront: z.boolean(), adjusted: z.boolean(), updatedAt: z.string() })
    .nullable(),
  seats: z.array(z.object({ row: z.number().int(), seat: z.number().int(), person: seatPersonSchema })),
  // 结构化研讨: the groups in order, the ungrouped last, the 组长 first at each table.
  tables: z.array(z.object({ group: z.number().int().nullable(), members: z.array(seatPersonSchema) })),
});
export type SeatingView = z.output<typeof seatingViewSchema>;
