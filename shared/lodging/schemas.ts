import { z } from 'zod';
import { idSchema, jobIdSchema } from '../channel';
import { isoDate } from '../dates';
import { importTokenSchema } from '../files/import-preview';
import { grantSchema, ignoredColumnsSchema } from '../files/schemas';
import { sexes } from '../trainees/schemas';
import { withLabels } from '../validation';

// Host households (接待农户), a class's stays in their village, who sleeps where, and the four
// togethers (四同) day by day.

const text = (max: number) => z.string().trim().max(max);
const id = idSchema;

// Which trainees a household can take: men only, women only, or both (together).
export const hostsValues = ['male', 'female', 'any'] as const;
export type Hosts = (typeof hostsValues)[number];

// 0 beds: a household not hosting now (今年暂停接待), kept on the list, inactive, with its note.
export const householdFieldsSchema = z
  .strictObject({
    head: z.string().trim().min(1).max(50),
    phone: text(30).default(''),
    address: text(200).default(''),
    beds: z.number().int().min(0).max(50),
    hosts: z.enum(hostsValues).default('any'),
    // Rooms apart for men and women (可分男女房间): only then may a 男女均可 household host both in one
    // stay; otherwise it hosts men or women, one sex a stay.
    mixedRooms: z.boolean().default(false),
    // A room's floor (楼层) at a dormitory or hotel; null for a household (its head is then the name
    // the unit is known by: a room's number, 房间号).
    floor: z.number().int().min(-9).max(200).nullable().default(null),
    // Diet, washing, health: what whoever stays there should know.
    notes: text(500).default(''),
    active: z.boolean().default(true),
  })
  .refine((fields) => fields.beds > 0 || !fields.active, { path: ['beds'], params: { code: 'at_least', min: 1 } });
export type HouseholdFields = z.output<typeof householdFieldsSchema>;
export type HouseholdFieldsInput = z.input<typeof householdFieldsSchema>;

export const householdSchema = z.object({
  id: z.number().int(),
  siteId: z.number().int(),
  siteName: z.string(),
  head: z.string(),
  phone: z.string(),
  address: z.string(),
  beds: z.number().int(),
  hosts: z.enum(hostsValues),
  mixedRooms: z.boolean(),
  floor: z.number().int().nullable(),
  notes: z.string(),
  active: z.boolean(),
});
export type Household = z.output<typeof householdSchema>;

const nightsInOrder = (value: { arrive: string; depart: string }) => value.depart > value.arrive;

export const stayFieldsSchema = z
  .strictObject({
    siteId: id,
    arrive: isoDate(),
    depart: isoDate(),
    // The groups that stay; empty: the whole class.
    groups: z
      .array(z.number().int().min(1).max(99))
      .max(99)
      .refine((groups) => new Set(groups).size === groups.length, { params: { code: 'duplicate' } })
      .default([]),
    notes: text(500).default(''),
  })
  .refine(nightsInOrder, {
    path: ['depart'],
    params: { code: 'end_before_start' },
    // Only once both dates are there and valid (and the input is an object at all).
    when: (payload) =>
      payload.issues.every((issue) => {
        const head = issue.path?.[0];
        return head !== undefined && head !== 'arrive' && head !== 'depart';
      }),
  });
export type StayFields = z.output<typeof stayFieldsSchema>;

export const staySchema = z.object({
  id: z.number().int(),
  classId: z.number().int(),
  className: z.string(),
  siteId: z.number().int(),
  siteName: z.string(),
  arrive: z.string(),
  depart: z.string(),
  nights: z.number().int(),
  groups: z.array(z.number().int()),
  notes: z.string(),
  people: z.number().int(),
  placed: z.number().int(),
});
export type Stay = z.output<typeof staySchema>;

export const lodgerSchema = z.object({
  enrolmentId: z.number().int(),
  traineeId: z.number().int(),
  name: z.string(),
  sex: z.enum(sexes).nullable(),
  group: z.number().int().nullable(),
  unit: z.string(),
  role: z.string(),
  // Needs a room alone (需单间, written in the roster's notes): at a dormitory or hotel, nobody shares it.
  single: z.boolean(),
  locked: z.boolean(),
});
export type Lodger = z.output<typeof lodgerSchema>;

// Why someone has no bed: not enough beds for men or women, no sex recorded (only a household that
// takes both could take them), or already housed elsewhere on one of the nights.
// A trainee needing a room alone (需单间) finds none empty: no_single_room.
export const unplacedReasons = ['no_male_bed', 'no_female_bed', 'no_sex', 'no_single_room', 'elsewhere', 'not_run'] as const;
export type UnplacedReason = (typeof unplacedReasons)[number];

// How well a placement keeps the soft goals: a group in few households, people of one work unit and
// the class's leaders spread out.
export const softFiguresSchema = z.object({
  people: z.number().int(),
  placed: z.number().int(),
  householdsUsed: z.number().int(),
  groups: z.number().int(),
  // Households per group, on average and at most.
  householdsPerGroup: z.number(),
  maxHouseholdsPerGroup: z.number().int(),
  // The most people of one work unit in one household.
  maxSameUnit: z.number().int(),
  // The most class leaders (班委) in one household.
  maxLeaders: z.number().int(),
  // People alone in a household (two or more to a household is the usual safety rule).
  alone: z.number().int(),
});
export type SoftFigures = z.output<typeof softFiguresSchema>;

export const boardSchema = z.object({
  stay: staySchema,
  // The stay is at a dormitory or hotel: its units are rooms (number, floor), not households.
  rooms: z.boolean(),
  households: z.array(
    householdSchema.extend({
      // Beds this stay can use: the beds, less what other classes' stays take on the same nights.
      free: z.number().int(),
      occupants: z.array(lodgerSchema),
      // When the household agreed to host this stay (null: not yet).
      confirmedOn: z.string().nullable(),
      // Kept for staff during this stay (the 班主任's room), with whom for; null: the trainees' beds.
      reservedFor: z.string().nullable(),
    }),
  ),
  unplaced: z.array(lodgerSchema.extend({ reason: z.enum(unplacedReasons), message: z.string() })),
  figures: softFiguresSchema,
});
export type Board = z.output<typeof boardSchema>;

// Why someone is still alone in a household with 每户至少安排 2 人 on: nobody else of their sex in the
// stay, locked where nobody can join them, kept where an earlier run put them (a re-run moves no one
// placed) with nobody to join them, or no household with company has a bed for them and nobody can move
// to them.
export const aloneReasons = ['only_one', 'locked', 'kept', 'no_company'] as const;
export type AloneReason = (typeof aloneReasons)[number];

// What 自动安排 did: the board, who was newly given a bed, and who was moved — from which household to
// which (null: left without a bed). The default run moves no one who holds their bed under the rules.
// alone: with 每户至少安排 2 人 on, whoever the rule could not hold for, named with why.
export const assignResultSchema = boardSchema.extend({
  newlyPlaced: z.array(z.string()),
  moved: z.array(z.object({ enrolmentId: z.number().int(), name: z.string(), from: z.string(), to: z.string().nullable() })),
  alone: z.array(
    z.object({
      enrolmentId: z.number().int(),
      name: z.string(),
      head: z.string(),
      reason: z.enum(aloneReasons),
      message: z.string(),
    }),
  ),
});
export type AssignResult = z.output<typeof assignResultSchema>;

export const mealValues = ['breakfast', 'lunch', 'dinner'] as const;
export type Meal = (typeof mealValues)[number];

export const planDayFieldsSchema = z.strictObject({
  date: isoDate(),
  meals: z
    .array(z.enum(mealValues))
    .max(3)
    .refine((meals) => new Set(meals).size === meals.length, { params: { code: 'duplicate' } })
    .default([]),
  study: text(300).default(''),
  labourTask: text(200).default(''),
  labourField: text(100).default(''),
  labourHours: z.number().min(0).max(24).default(0),
  labourLeader: text(50).default(''),
});
export type PlanDayFields = z.output<typeof planDayFieldsSchema>;

export const planDaySchema = z.object({
  date: z.string(),
  meals: z.array(z.enum(mealValues)),
  study: z.string(),
  labourTask: z.string(),
  labourField: z.string(),
  labourHours: z.number(),
  labourLeader: z.string(),
  // Households and people that night (none on the day of leaving).
  households: z.number().int(),
  people: z.number().int(),
});
export type PlanDay = z.output<typeof planDaySchema>;

export const participationValues = ['full', 'partial', 'absent'] as const;
export type Participation = (typeof participationValues)[number];

export const participantSchema = lodgerSchema.omit({ locked: true }).extend({
  household: z.string(),
  participation: z.enum(participationValues),
  // As recorded, or (null) the plan's hours.
  labourHours: z.number().nullable(),
  plannedHours: z.number(),
  reflection: z.string(),
  reflectionFile: z.string().nullable(),
});
export type Participant = z.output<typeof participantSchema>;

export const paymentSchema = z.object({
  householdId: z.number().int(),
  head: z.string(),
  siteName: z.string(),
  // From the placements: nights and people.
  placedNights: z.number().int(),
  placedPeople: z.number().int(),
  // As recorded for the accounts (null: nothing recorded yet).
  nights: z.number().int().nullable(),
  people: z.number().int().nullable(),
  amount: z.number().nullable(),
  paidOn: z.string().nullable(),
  notes: z.string(),
});
export type Payment = z.output<typeof paymentSchema>;

// rooms: 房间安排表 for the front desk; doors: a card per room to stick on its door (PDF only).
export const lodgingDocuments = ['households', 'trainees', 'plan', 'hours', 'rooms', 'doors'] as const;
export type LodgingDocument = (typeof lodgingDocuments)[number];

export const householdImportResultSchema = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  ignoredColumns: ignoredColumnsSchema,
});

const stayLabels = { 'fields.groups': 'fields.groupsList' } as const;
export const roomLabels = {
  'fields.head': 'fields.roomNo',
  'fields.hosts': 'fields.roomSex',
  'fields.beds': 'fields.roomBeds',
} as const;

export const lodgingSchemas = {
  households: z.strictObject({ siteId: id, includeInactive: z.boolean().default(true) }),
  saveHousehold: withLabels(z.strictObject({ siteId: id, id: id.optional(), fields: householdFieldsSchema }), {}),
  // A room of a dormitory or hotel: the same record, its fields said as a front desk says them.
  saveRoom: withLabels(z.strictObject({ siteId: id, id: id.optional(), fields: householdFieldsSchema }), roomLabels),
  importHouseholdsPreview: z.strictObject({ siteId: id, grant: grantSchema, jobId: jobIdSchema }),
  importHouseholds: z.strictObject({ siteId: id, grant: grantSchema, jobId: jobIdSchema, token: importTokenSchema.optional() }),
  exportHouseholds: z.strictObject({ siteId: id, grant: grantSchema, jobId: jobIdSchema }),
  stays: z.strictObject({ classId: id }),
  saveStay: withLabels(z.strictObject({ classId: id, id: id.optional(), fields: stayFieldsSchema }), stayLabels),
  removeStay: z.strictObject({ stayId: id }),
  board: z.strictObject({ stayId: id }),
  // rearrange: 全部重新安排 — everyone not locked is placed again from scratch (the person confirms it
  // first); otherwise only the people without a bed are placed and every bed that holds is kept.
  assign: z.strictObject({ stayId: id, rearrange: z.boolean().default(false) }),
  // leaveAlone: with 每户至少安排 2 人 on, a move that leaves someone alone where the person was is
  // refused (CONFLICT, details.leftAlone naming who) unless the person confirmed it.
  place: z.strictObject({
    stayId: id,
    enrolmentId: id,
    householdId: id.nullable(),
    locked: z.boolean().optional(),
    leaveAlone: z.boolean().optional(),
  }),
  lock: z.strictObject({ stayId: id, enrolmentId: id, locked: z.boolean() }),
  confirm: z.strictObject({ stayId: id, householdId: id, confirmed: z.boolean() }),
  // A room kept for staff during the stay (for: whom, e.g. 班主任 王老师), or given back (null).
  // The stay is the one given, or (the command line's lodging reserve --from --to, before anyone is
  // placed) one made in the same call: a room refused leaves no stay behind.
  reserve: withLabels(
    z
      .strictObject({
        stayId: id.optional(),
        stay: z.strictObject({ classId: id, fields: stayFieldsSchema }).optional(),
        householdId: id,
        for: z.string().trim().min(1).max(100).nullable(),
      })
      .superRefine((value, ctx) => {
        if ((value.stayId === undefined) === (value.stay === undefined))
          ctx.addIssue({ code: 'custom', path: ['stayId'], params: { code: 'required' } });
      }),
    { for: 'fields.reservedFor', 'stay.fields.groups': 'fields.groupsList' },
  ),
  plan: z.strictObject({ stayId: id }),
  savePlanDay: z.strictObject({ stayId: id, day: planDayFieldsSchema }),
  participants: z.strictObject({ stayId: id }),
  saveParticipant: z.strictObject({
    stayId: id,
    enrolmentId: id,
    participation: z.enum(participationValues).default('full'),
    labourHours: z.number().min(0).max(500).nullable().default(null),
    reflection: text(5000).default(''),
  }),
  attachReflection: z.strictObject({ stayId: id, enrolmentId: id, grant: grantSchema }),
  payments: z.strictObject({ classId: id }),
  setPayment: z.strictObject({
    classId: id,
    householdId: id,
    nights: z.number().int().min(0).max(365),
    people: z.number().int().min(0).max(50),
    amount: z.number().min(0).max(1_000_000).multipleOf(0.01),
    paidOn: isoDate().nullable().default(null),
    notes: text(200).default(''),
  }),
  export: z.strictObject({
    stayId: id,
    document: z.enum(lodgingDocuments),
    format: z.enum(['xlsx', 'docx', 'pdf']),
    // The group leaders' mobiles on the village's list go out masked unless the person ticks them in
    // (the village phones the leader about the group; a list left on a farmhouse table is read by anyone).
    reveal: z.strictObject({ phone: z.boolean().default(false) }).default({ phone: false }),
    grant: grantSchema,
    jobId: jobIdSchema,
  }),
};

// The columns of a village's list of host households, and the words offices head them with.
export type HouseholdColumn = 'head' | 'phone' | 'address' | 'beds' | 'hosts' | 'mixedRooms' | 'notes' | 'active';

export const householdColumns: Record<HouseholdColumn, readonly string[]> = {
  head: ['户主', '户主姓名', '农户', '接待农户'],
  phone: ['联系电话', '电话', '手机'],
  address: ['地址', '住址', '家庭住址'],
  beds: ['床位数', '床位', '可住人数'],
  hosts: ['可接待', '接待性别', '性别要求'],
  mixedRooms: ['可分男女房间', '男女分房', '可男女分住', '男女可分房'],
  notes: ['备注', '注意事项'],
  active: ['启用', '是否启用'],
};

// The columns of a front desk's room list (房间号 / 楼层 / 床位 / 性别), for a dormitory or hotel.
export type RoomColumn = 'head' | 'floor' | 'beds' | 'hosts' | 'notes' | 'active';

export const roomColumns: Record<RoomColumn, readonly string[]> = {
  head: ['房间号', '房号', '房间', '房间编号'],
  floor: ['楼层', '所在楼层', '楼'],
  beds: ['床位数', '床位', '床数', '可住人数'],
  hosts: ['性别', '入住性别', '男/女', '可接待'],
  notes: ['备注', '说明'],
  active: ['启用', '是否启用'],
};

// What a hotel's front desk writes in the beds column in place of a number: the kind of room.
const roomKindBeds: readonly (readonly [RegExp, number])[] = [
  [/^(单间|单人间|单人房|大床房|大床间|大床)$/, 1],
  [/^(标间|标准间|双人间|双人房|双床房|双床间|双床)$/, 2],
  [/^(三人间|三人房|三床房|三床间)$/, 3],
];
export const bedsOfRoomKind = (text: string): number | undefined =>
  roomKindBeds.find(([pattern]) => pattern.test(text.replace(/\s+/g, '')))?.[1];

// What a roster's notes say for a trainee who needs a room alone (需单间, 单人间, 住单间).
export const singleRoomPattern = /单间|单人间/;

// What a village writes for a household that is not hosting now, in 备注 or in place of its beds.
export const notHostingPattern = /暂停|不接待|停止接待|不再接待|停接/;

// 男 / 女 / 均可 (and what people write for them) in the 可接待 column.
export const hostsOfWord = (text: string): Hosts | undefined => {
  if (text === '') return 'any';
  if (/^(男|男性|只接待男|男学员)$/.test(text)) return 'male';
  if (/^(女|女性|只接待女|女学员)$/.test(text)) return 'female';
  if (/^(均可|男女均可|不限|男女|都可以|any)$/i.test(text)) return 'any';
  return hostsValues.find((value) => value === text);
};
