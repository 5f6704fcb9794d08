import { chineseDate } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import type { AssignResult, Stay } from '../../../shared/lodging/schemas';
import { err, ok, type Result } from '../../../shared/result';
import { type Call, type Command, defined, steps, UsageError, type Values } from '../command';
import { formatTable } from '../format';
import { cliText } from '../messages';
import { classId, classOption } from './class-args';
import { siteId, siteOption } from './sites';

const groupsOf = (values: Values): number[] | undefined => {
  const text = values['groups'];
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  return text
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map(Number);
};

// The class's stay at the place on those dates, if it has one; and what a stay made there would be.
type StayWhere = { classId: number; site: { id: number; name: string }; found: Stay | undefined };
const stayWhere = async (call: Call, values: Values): Promise<Result<StayWhere>> => {
  const id = await classId(call, values);
  if (!id.ok) return id;
  const site = await siteId(call, values);
  if (!site.ok) return site;
  const stays = await call('lodging.stays', { classId: id.value });
  if (!stays.ok) return stays;
  const from = values['from'];
  const to = values['to'];
  const found = stays.value.find(
    (stay) =>
      stay.siteId === site.value.id &&
      (typeof from !== 'string' || stay.arrive === from) &&
      (typeof to !== 'string' || stay.depart === to),
  );
  return ok({ classId: id.value, site: site.value, found });
};

// The fields of a stay made from --from, --to and --groups (both dates asked for).
const stayFields = (values: Values, siteId: number) => {
  const from = values['from'];
  const to = values['to'];
  if (typeof from !== 'string' || typeof to !== 'string') throw new UsageError(cliText('lodging.assign.needDates'));
  return defined({ siteId, arrive: from, depart: to, groups: groupsOf(values) });
};

// The class's stay in the village on those dates: found, or made.
const stayFor = async (call: Call, values: Values, make: boolean): Promise<Result<Stay>> => {
  const where = await stayWhere(call, values);
  if (!where.ok) return where;
  const { found, site } = where.value;
  if (found) return ok(found);
  if (!make) return err({ code: 'NOT_FOUND', message: cliText('lodging.export.noStay', { site: site.name }) });
  return call('lodging.saveStay', { classId: where.value.classId, fields: stayFields(values, site.id) });
};

const sexWord = (sex: 'male' | 'female' | null) => (sex ? message(`sex.${sex}`) : '—');
const groupWord = (group: number | null) =>
  group === null ? cliText('lodging.assign.noGroup') : cliText('lodging.assign.groupN', { n: group });

export const lodgingCommands: readonly Command[] = [
  steps<AssignResult>({
    words: ['lodging', 'assign'],
    usage: cliText('lodging.assign.usage'),
    summary: cliText('lodging.assign.summary'),
    options: {
      ...classOption,
      ...siteOption,
      from: { type: 'string', describe: cliText('lodging.assign.from') },
      to: { type: 'string', describe: cliText('lodging.assign.to') },
      groups: { type: 'string', describe: cliText('lodging.assign.groups') },
      rearrange: { type: 'boolean', describe: cliText('lodging.assign.rearrange') },
    },
    execute: async ({ call }, values) => {
      const stay = await stayFor(call, values, true);
      if (!stay.ok) return stay;
      return call('lodging.assign', { stayId: stay.value.id, rearrange: values['rearrange'] === true });
    },
    print: (board) => {
      const { stay, figures } = board;
      const label = (key: 'head' | 'beds' | 'people' | 'guests') =>
        cliText(board.rooms && key === 'head' ? 'lodging.assign.columns.room' : `lodging.assign.columns.${key}`);
      // At a dormitory or hotel: each room with its floor, and those kept for staff with whom for.
      const unitWord = (h: AssignResult['households'][number]) =>
        board.rooms && h.floor !== null ? cliText('lodging.assign.roomOnFloor', { head: h.head, floor: h.floor }) : h.head;
      const lines = [
        cliText('lodging.assign.stay', {
          className: stay.className,
          site: stay.siteName,
          arrive: chineseDate(stay.arrive),
          depart: chineseDate(stay.depart),
          nights: stay.nights,
        }),
        '',
        formatTable(
          [label('head'), label('beds'), label('people'), label('guests')],
          board.households
            .filter((h) => h.occupants.length > 0 || h.reservedFor !== null)
            .map((h) => [
              unitWord(h),
              String(h.free),
              String(h.occupants.length),
              h.reservedFor !== null
                ? cliText('lodging.assign.keptFor', { for: h.reservedFor })
                : h.occupants
                    .map((o) =>
                      cliText(o.single ? 'lodging.assign.guestAlone' : 'lodging.assign.guest', {
                        name: o.name,
                        sex: sexWord(o.sex),
                        group: groupWord(o.group),
                      }),
                    )
                    .join(message('text.list')),
            ]),
        ),
        '',
        [
          cliText(board.rooms ? 'lodging.assign.figuresRooms' : 'lodging.assign.figures', {
            placed: figures.placed,
            people: figures.people,
            households: figures.householdsUsed,
            sameUnit: figures.maxSameUnit,
            leaders: figures.maxLeaders,
            alone: figures.alone,
          }),
          ...(figures.groups > 0
            ? [
                cliText(board.rooms ? 'lodging.assign.groupFiguresRooms' : 'lodging.assign.groupFigures', {
                  perGroup: figures.householdsPerGroup,
                  maxPerGroup: figures.maxHouseholdsPerGroup,
                }),
              ]
            : []),
        ].join(message('text.clauses')),
      ];
      lines.push(
        board.moved.length === 0
          ? cliText('lodging.assign.movedNone')
          : cliText('lodging.assign.moved', {
              count: board.moved.length,
              names: board.moved
                .map((m) =>
                  cliText('lodging.assign.movedOne', {
                    name: m.name,
                    from: m.from,
                    to: m.to ?? cliText('lodging.assign.movedNowhere'),
                  }),
                )
                .join(message('text.list')),
            }),
      );
      // 每户至少安排 2 人 on: whoever it could not hold for, with why.
      if (board.alone.length > 0)
        lines.push(
          cliText('lodging.assign.alone', { count: board.alone.length }),
          ...board.alone.map((a) => cliText('lodging.assign.aloneRow', { message: a.message })),
        );
      if (board.unplaced.length > 0)
        lines.push(
          cliText('lodging.assign.unplaced', { count: board.unplaced.length }),
          ...board.unplaced.map((u) =>
            cliText('lodging.assign.unplacedRow', {
              name: u.name,
              sex: sexWord(u.sex),
              group: groupWord(u.group),
              reason: u.message,
            }),
          ),
        );
      return lines.join('\n');
    },
    json: (board) => ({
      stay: board.stay,
      placements: board.households.flatMap((h) =>
        h.occupants.map((o) => ({ householdId: h.id, head: h.head, enrolmentId: o.enrolmentId, name: o.name, locked: o.locked })),
      ),
      unplaced: board.unplaced.map((u) => ({ enrolmentId: u.enrolmentId, name: u.name, reason: u.reason, message: u.message })),
      figures: board.figures,
      newlyPlaced: board.newlyPlaced,
      moved: board.moved,
      alone: board.alone,
    }),
    // People left without a bed: the command did its work, but not all of it.
    exitCode: (board) => (board.unplaced.length > 0 ? 3 : 0),
  }),
  // The 班主任's room kept for the stay (taken out of the trainees' beds), or given back with --release.
  // Kept before anyone is placed, the stay is made from --from and --to as assign makes it.
  steps<AssignResult['households'][number]>({
    words: ['lodging', 'reserve'],
    usage: cliText('lodging.reserve.usage'),
    summary: cliText('lodging.reserve.summary'),
    options: {
      ...classOption,
      ...siteOption,
      from: { type: 'string', describe: cliText('lodging.assign.from') },
      to: { type: 'string', describe: cliText('lodging.assign.to') },
      groups: { type: 'string', describe: cliText('lodging.assign.groups') },
      room: { type: 'string', describe: cliText('lodging.reserve.room') },
      for: { type: 'string', describe: cliText('lodging.reserve.for') },
      release: { type: 'boolean', describe: cliText('lodging.reserve.release') },
    },
    execute: async ({ call }, values) => {
      const room = values['room'];
      if (typeof room !== 'string' || room.trim() === '') throw new UsageError(cliText('lodging.reserve.needRoom'));
      const release = values['release'] === true;
      const keptFor = values['for'];
      if (!release && (typeof keptFor !== 'string' || keptFor.trim() === ''))
        throw new UsageError(cliText('lodging.reserve.needFor'));
      // The room first: a room the place lacks makes no stay either.
      const site = await siteId(call, values);
      if (!site.ok) return site;
      const units = await call('lodging.households', { siteId: site.value.id });
      if (!units.ok) return units;
      const unit = units.value.find((h) => h.head === room.trim());
      if (!unit) return err({ code: 'NOT_FOUND', message: cliText('lodging.reserve.noRoom', { room, site: site.value.name }) });
      const where = await stayWhere(call, values);
      if (!where.ok) return where;
      const { found } = where.value;
      if (!found && release)
        return err({ code: 'NOT_FOUND', message: cliText('lodging.export.noStay', { site: site.value.name }) });
      // No stay yet: made by the same call that keeps the room, so a room refused leaves no stay behind.
      const board = await call('lodging.reserve', {
        ...(found ? { stayId: found.id } : { stay: { classId: where.value.classId, fields: stayFields(values, site.value.id) } }),
        householdId: unit.id,
        for: release ? null : String(keptFor),
      });
      if (!board.ok) return board;
      const kept = board.value.households.find((h) => h.id === unit.id);
      return kept
        ? ok(kept)
        : err({ code: 'NOT_FOUND', message: cliText('lodging.reserve.noRoom', { room, site: site.value.name }) });
    },
    print: (room) =>
      room.reservedFor === null
        ? cliText('lodging.reserve.released', { room: room.head })
        : cliText('lodging.reserve.done', { room: room.head, for: room.reservedFor }),
  }),
  steps<{ path: string; rows: number }>({
    words: ['lodging', 'export'],
    usage: cliText('lodging.export.usage'),
    summary: cliText('lodging.export.summary'),
    options: {
      ...classOption,
      ...siteOption,
      from: { type: 'string', describe: cliText('lodging.assign.from') },
      document: { type: 'string', describe: cliText('lodging.export.document') },
      format: { type: 'string', describe: cliText('schedule.export.format') },
      reveal: { type: 'boolean', describe: cliText('lodging.export.reveal') },
      out: { type: 'string', describe: cliText('classArgs.out') },
    },
    execute: async ({ call, grant }, values) => {
      const out = values['out'];
      if (typeof out !== 'string') throw new UsageError(cliText('classArgs.needOut'));
      const stay = await stayFor(call, values, false);
      if (!stay.ok) return stay;
      return call(
        'lodging.export',
        defined({
          stayId: stay.value.id,
          document: values['document'],
          format: values['format'],
          reveal: { phone: values['reveal'] === true },
          grant: grant(out, 'export'),
        }),
      );
    },
    print: ({ path }) => cliText('lodging.export.done', { path }),
  }),
];
