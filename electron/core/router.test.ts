import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Channel, contract } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { type GrantPurpose, grantPurposes } from '../../shared/files/schemas';
import { classHandlers } from './classes/handlers';
import { createRouter } from './router';
import { failure, value } from './testing/expect-result';
import { standardRoster } from './testing/roster-files';
import { openTempCore, snapshot, type TempCore, watchDb } from './testing/temp-core';

let t: TempCore;
beforeAll(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterAll(() => t.dispose());

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; DROP TABLE classes; --",
    '__proto__',
    'constructor',
    '\u0000\u0001',
    '=HYPERLINK("http://x")',
    '2019-02-30',
    '9999-99-99',
    '../../../../etc/passwd',
    '班'.repeat(5000),
    '2019-001',
  ),
);

// Grant-shaped strings that no dialog issued, and raw paths of every kind.
const unknownGrant = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'),
  minLength: 24,
  maxLength: 24,
});
const rawPath = fc.constantFrom(
  '/etc/passwd',
  'C:\\Windows\\win.ini',
  '\\\\server\\share\\x.xlsx',
  '\\\\?\\C:\\x.csv',
  '../../cadre.sqlite3',
  'file:///tmp/x',
);

const hostileValue = fc.anything({
  key: fc.oneof(
    fc.string(),
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'name', 'startDate', 'fields', 'ref'),
    fc.constantFrom('path', 'dir', 'file', 'grant', 'folder', 'backup', 'jobId'),
  ),
  values: [
    hostileText,
    rawPath,
    unknownGrant,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
  ],
  maxDepth: 3,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
});

// A valid-looking class input with one field replaced by something hostile: reaches past the first check.
const nearlyValidClass = fc
  .record({
    field: fc.constantFrom('name', 'category', 'startDate', 'endDate', 'plannedSize', 'year', 'goals'),
    bad: hostileValue,
  })
  .map(({ field, bad }) => ({
    name: '2021年主体班',
    category: '主体班',
    startDate: '2021-03-01',
    endDate: '2021-03-05',
    [field]: bad,
  }));

// Valid-looking lodging inputs on the sample's stay, with one field replaced by something hostile (or a
// real id of the wrong kind): they reach the rules of the channels that changed — the re-run's
// 全部重新安排 flag, a move into a household hosting the other sex, a household's 可分男女房间.
const nearlyValidLodging = (ids: {
  stay: number;
  enrolment: number;
  home: number;
  household: number;
  village: number;
  emptyRoom: number;
}) => {
  const bad = fc.oneof(hostileValue, fc.constantFrom(ids.stay, ids.enrolment, ids.household, ids.village, 0, -1, 2 ** 53));
  return {
    // Each of these is left untouched one time in four: the channel's own rules (a re-run, 全部重新安排,
    // a placement kept, a room kept) are reached on every run, not only when a hostile value happens to
    // be a valid one (runs of 150 once accepted no lodging.place and no lodging.reserve at all).
    'lodging.assign': fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .record({ field: fc.constantFrom('stayId', 'rearrange'), bad })
          .map(({ field, bad: value }) => ({ stayId: ids.stay, rearrange: false, [field]: value })),
      },
      { weight: 1, arbitrary: fc.record({ stayId: fc.constant(ids.stay), rearrange: fc.boolean() }) },
    ),
    'lodging.place': fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .record({ field: fc.constantFrom('stayId', 'enrolmentId', 'householdId', 'locked', 'leaveAlone'), bad })
          .map(({ field, bad: value }) => ({
            stayId: ids.stay,
            enrolmentId: ids.enrolment,
            householdId: ids.household,
            locked: true,
            [field]: value,
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .boolean()
          // Kept where they sleep (马金山's beds are all taken), locked or unlocked.
          .map((locked) => ({ stayId: ids.stay, enrolmentId: ids.enrolment, householdId: ids.home, locked })),
      },
    ),
    'lodging.saveHousehold': fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .record({ field: fc.constantFrom('head', 'beds', 'hosts', 'mixedRooms', 'active'), bad })
          .map(({ field, bad: value }) => ({
            siteId: ids.village,
            id: ids.household,
            fields: { head: '马金山', beds: 4, hosts: 'any', mixedRooms: false, [field]: value },
          })),
      },
      {
        weight: 1,
        arbitrary: fc.constant({
          siteId: ids.village,
          id: ids.household,
          fields: { head: '马金山', beds: 4, hosts: 'any', mixedRooms: false },
        }),
      },
    ),
    // A room (here a household nobody of the stay sleeps in) kept for staff or given back; the 马金山
    // household, where people sleep, refused.
    'lodging.reserve': fc.oneof(
      {
        weight: 3,
        arbitrary: fc
          .record({ field: fc.constantFrom('stayId', 'householdId', 'for'), bad, keep: fc.constantFrom(null, '班主任 王老师') })
          .map(({ field, bad: value, keep }) => ({ stayId: ids.stay, householdId: ids.emptyRoom, for: keep, [field]: value })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(null, '班主任 王老师')
          .map((keep) => ({ stayId: ids.stay, householdId: ids.emptyRoom, for: keep })),
      },
    ),
  } satisfies Partial<Record<Channel, fc.Arbitrary<unknown>>>;
};

// A report's new title, nearly valid: a real report with a hostile title, or a hostile report id.
const nearlyValidRename = (report: number) =>
  fc.oneof(
    fc.record({
      reportId: fc.constant(report),
      title: fc.oneof(hostileText, hostileValue, fc.constantFrom(' ', '\n', '报'.repeat(201))),
    }),
    fc.record({ reportId: fc.oneof(hostileValue, fc.constantFrom(0, -1, 2 ** 53, 999_999)), title: fc.constant('新的标题') }),
  );

const channelNames = Object.keys(contract) as Channel[];
const knownCodes = new Set<string>(errorCodes);

// Check-in at the desk: a real class and enrolment, queries of letters, characters and ID-like digits.
const nearlyValidCheckin = (classId: number, enrolmentId: number): Partial<Record<Channel, fc.Arbitrary<unknown>>> => {
  const enrolment = fc.oneof(fc.constantFrom(enrolmentId, 0, -1, 2 ** 31), hostileValue);
  return {
    'checkin.checkIn': fc.record({
      classId: fc.constantFrom(classId, 0, 999_999),
      query: fc.oneof(
        fc.constantFrom('zw', 'w', '王', '１１０１０１１９９０', '11010119900307001X', ' '),
        fc.string({ maxLength: 20 }),
      ),
    }),
    'checkin.mark': fc.record({
      enrolmentId: enrolment,
      status: fc.constantFrom('arrived', 'late', 'leave', 'gone', ''),
      note: fc.oneof(fc.string({ maxLength: 10 }), fc.string({ minLength: 201, maxLength: 210 })),
    }),
    'checkin.undo': fc.record({ enrolmentId: enrolment }),
    'checkin.list': fc.record({ classId: fc.constantFrom(classId, 0), missing: fc.oneof(fc.boolean(), hostileValue) }),
  };
};

// A class's seat map: real enrolments of the class and of another, seats in and out of the room.
const nearlyValidSeating = (classId: number, own: readonly number[], foreign: number) => {
  const enrolment = fc.oneof(fc.constantFrom(...own, foreign, 0, -1, 2 ** 31), hostileValue);
  const place = fc.oneof(fc.integer({ min: -1, max: 18 }), fc.constantFrom(100, 101, 1.5), hostileValue);
  return {
    'seating.get': fc.record({ classId: fc.oneof(fc.constantFrom(classId, 0, 999_999), hostileValue) }),
    'seating.arrange': fc.record({
      classId: fc.constantFrom(classId, 0, 999_999),
      sort: fc.oneof(fc.constantFrom('group', 'stroke', 'unit', 'pinyin', 'age', ''), hostileValue),
      committeeFront: fc.oneof(fc.boolean(), hostileValue),
    }),
    'seating.save': fc.record({
      classId: fc.constantFrom(classId, 0, 999_999),
      seats: fc.oneof(fc.array(fc.record({ enrolmentId: enrolment, row: place, seat: place }), { maxLength: 6 }), hostileValue),
    }),
  } satisfies Partial<Record<Channel, fc.Arbitrary<unknown>>>;
};

describe('router', () => {
  it('refuses two handlers for one channel and a channel without a handler', () => {
    expect(() => createRouter(t.core, [classHandlers, classHandlers])).toThrow(/two handlers for one channel: classes\.list/);
    expect(() => createRouter(t.core, [classHandlers])).toThrow(/channels without a handler: app\.info/);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    for (const name of ['classes.drop', '__proto__', 'constructor', 42, null, 'toString']) {
      const error = failure(await t.router.handle(name, {}), 'UNKNOWN_CHANNEL');
      expect(error.message).toMatch(/^未知的操作/);
    }
  });

  it('parses input by the channel schema and names the field in Chinese', async () => {
    const error = failure(
      await t.router.handle('classes.create', { category: '主体班', name: '', startDate: '2021-03-05', endDate: '2021-03-01' }),
      'INVALID_INPUT',
    );
    expect(error.details?.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'required', message: '请填写“班次名称”' }),
        expect.objectContaining({ field: 'endDate', code: 'end_before_start' }),
      ]),
    );
  });

  it('survives hostile input on every channel: no crash, only known codes, no change when refused', async () => {
    let tried = 0;
    let refused = 0;
    const watch = watchDb(t.core.db);
    const one = (sql: string) => t.core.db.prepare(sql).pluck().get() as number;
    const stay = one('SELECT id FROM stays ORDER BY id LIMIT 1');
    const lodging: Partial<Record<Channel, fc.Arbitrary<unknown>>> = nearlyValidLodging({
      stay,
      enrolment: one(`SELECT enrolment_id FROM placements WHERE stay_id = ${stay} ORDER BY enrolment_id LIMIT 1`),
      home: one(
        `SELECT household_id FROM placements WHERE stay_id = ${stay} AND enrolment_id =
           (SELECT enrolment_id FROM placements WHERE stay_id = ${stay} ORDER BY enrolment_id LIMIT 1) LIMIT 1`,
      ),
      household: one("SELECT id FROM households WHERE head = '马金山'"),
      village: one("SELECT site_id FROM households WHERE head = '马金山'"),
      emptyRoom: one(
        `SELECT id FROM households WHERE site_id = (SELECT site_id FROM stays WHERE id = ${stay})
           AND id NOT IN (SELECT household_id FROM placements WHERE stay_id = ${stay}) ORDER BY id LIMIT 1`,
      ),
    });
    expect(Number.isInteger(stay)).toBe(true);
    // A real base (holding points: refused, nothing removed) or none at all.
    const bases = t.core.db.prepare('SELECT id FROM site_bases').pluck().all() as number[];
    const nearlyValid: Partial<Record<Channel, fc.Arbitrary<unknown>>> = {
      ...lodging,
      'sites.removeBase': fc.oneof(fc.constantFrom(...bases, 0, -1, 2 ** 31), hostileValue).map((id) => ({ id })),
      'reports.rename': nearlyValidRename(one('SELECT id FROM reports ORDER BY id LIMIT 1')),
      ...nearlyValidCheckin(
        one('SELECT class_id FROM enrolments ORDER BY id LIMIT 1'),
        one('SELECT id FROM enrolments ORDER BY id LIMIT 1'),
      ),
      ...nearlyValidSeating(
        one('SELECT class_id FROM enrolments ORDER BY id LIMIT 1'),
        t.core.db
          .prepare(
            'SELECT id FROM enrolments WHERE class_id = (SELECT class_id FROM enrolments ORDER BY id LIMIT 1) ORDER BY id LIMIT 8',
          )
          .pluck()
          .all() as number[],
        one(
          'SELECT id FROM enrolments WHERE class_id <> (SELECT class_id FROM enrolments ORDER BY id LIMIT 1) ORDER BY id LIMIT 1',
        ),
      ),
    };
    // How the nearly valid lodging inputs fared: accepted, or refused by a rule past the schema.
    const lodgingOutcomes = new Map<string, number>();
    for (const channel of channelNames) {
      const nearly = nearlyValid[channel];
      const input =
        channel === 'classes.create' || channel === 'classes.update'
          ? fc.oneof(
              hostileValue,
              nearlyValidClass,
              nearlyValidClass.map((fields) => ({ id: 1, fields })),
            )
          : nearly
            ? fc.oneof(hostileValue, nearly)
            : hostileValue;
      await fc.assert(
        fc.asyncProperty(input, async (raw) => {
          tried += 1;
          const result = await t.router.handle(channel, raw);
          if (lodging[channel]) {
            const outcome = `${channel} ${result.ok ? 'accepted' : result.error.code}`;
            lodgingOutcomes.set(outcome, (lodgingOutcomes.get(outcome) ?? 0) + 1);
          }
          if (result.ok) {
            // Whatever was accepted must be what the contract promises.
            expect(contract[channel].output.safeParse(result.value).success).toBe(true);
            watch.settle();
            return;
          }
          refused += 1;
          expect(knownCodes.has(result.error.code)).toBe(true);
          expect(result.error.code).not.toBe('INTERNAL');
          expect(typeof result.error.message).toBe('string');
          expect(result.error.message.length).toBeGreaterThan(0);
          expect(watch.unchanged()).toBe(true);
        }),
        { numRuns: 150 },
      );
    }
    console.log(
      `router property test: ${tried} hostile inputs on ${channelNames.length} channels, ${refused} refused, 0 crashes; ` +
        `${watch.fullChecks()} refusals checked against every row`,
    );
    console.log(`router property test, changed lodging channels: ${JSON.stringify(Object.fromEntries(lodgingOutcomes))}`);
    for (const channel of Object.keys(lodging)) expect(lodgingOutcomes.get(`${channel} accepted`), channel).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(watch.fullChecks()).toBeGreaterThan(refused / 20);
  }, 180_000);

  it('reaches the handlers that take files: grants of the right purpose work, every other kind is refused', async () => {
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const roster = standardRoster(t.dir, 5, 'property.xlsx');
    const backup = value(await t.router.call('backup.create', {})).path;
    const village =
      value(await t.router.call('sites.tree', { search: '朝阳村' }))
        .bases.flatMap((base) => base.points)
        .find((point) => point.kind === '村')?.id ?? 0;
    const files: Record<GrantPurpose, string> = {
      rosterImport: roster,
      scheduleImport: roster,
      tableImport: roster,
      attachment: roster,
      export: join(t.dir, 'property-export.xlsx'),
      backupFolder: join(t.dir, 'property-backups'),
      restoreFrom: backup,
      reportFiles: roster,
      reportFolder: t.dir,
      archiveImport: roster,
      dataFolder: join(t.dir, 'property-data'),
    };
    // Each channel that takes a file, with the rest of its input valid, so that the grant decides.
    const takers: { channel: Channel; purpose: GrantPurpose; field: string; input: Record<string, unknown> }[] = [
      { channel: 'roster.importPreview', purpose: 'rosterImport', field: 'grant', input: { classId } },
      { channel: 'schedule.importPreview', purpose: 'scheduleImport', field: 'grant', input: { classId } },
      { channel: 'roster.export', purpose: 'export', field: 'grant', input: { classId, document: 'roster', format: 'xlsx' } },
      { channel: 'schedule.export', purpose: 'export', field: 'grant', input: { classId, format: 'xlsx' } },
      { channel: 'attendance.export', purpose: 'export', field: 'grant', input: { classId } },
      { channel: 'audit.export', purpose: 'export', field: 'grant', input: {} },
      { channel: 'files.showInFolder', purpose: 'export', field: 'grant', input: {} },
      { channel: 'backup.inspect', purpose: 'restoreFrom', field: 'grant', input: {} },
      { channel: 'backup.create', purpose: 'backupFolder', field: 'folder', input: {} },
      { channel: 'sites.import', purpose: 'tableImport', field: 'grant', input: {} },
      { channel: 'sites.importPreview', purpose: 'tableImport', field: 'grant', input: {} },
      { channel: 'staff.importPreview', purpose: 'tableImport', field: 'grant', input: {} },
      { channel: 'surveys.importPreview', purpose: 'tableImport', field: 'grant', input: { classId } },
      { channel: 'lodging.importHouseholdsPreview', purpose: 'tableImport', field: 'grant', input: { siteId: village } },
      // A commit whose token no preview made: refused before anything is read.
      { channel: 'staff.import', purpose: 'tableImport', field: 'grant', input: { token: `table.0.${'0'.repeat(64)}` } },
      {
        channel: 'documents.exportProblems',
        purpose: 'export',
        field: 'grant',
        input: {
          source: 'roster',
          fileName: '=HYPERLINK("http://x").xlsx',
          problems: [{ row: 9, who: '__proto__', column: 'F', message: "'; DROP TABLE classes; --" }],
        },
      },
      {
        channel: 'surveys.platformPreview',
        purpose: 'tableImport',
        field: 'grant',
        input: { classId, satisfaction: 'trainees' },
      },
      {
        channel: 'surveys.platformCommit',
        purpose: 'tableImport',
        field: 'grant',
        input: { classId, satisfaction: 'trainees', token: `platform.${classId}.${'0'.repeat(64)}` },
      },
      { channel: 'staff.import', purpose: 'tableImport', field: 'grant', input: {} },
      { channel: 'surveys.template', purpose: 'export', field: 'grant', input: { classId } },
      { channel: 'lodging.importHouseholds', purpose: 'tableImport', field: 'grant', input: { siteId: village } },
      { channel: 'sites.export', purpose: 'export', field: 'grant', input: {} },
      { channel: 'staff.export', purpose: 'export', field: 'grant', input: {} },
      { channel: 'lodging.exportHouseholds', purpose: 'export', field: 'grant', input: { siteId: village } },
      { channel: 'reports.stage', purpose: 'reportFolder', field: 'folder', input: { classId } },
      { channel: 'reports.export', purpose: 'export', field: 'grant', input: {} },
      { channel: 'lifecycle.archivePreview', purpose: 'archiveImport', field: 'grant', input: {} },
      { channel: 'workbench.export', purpose: 'export', field: 'grant', input: { year: 2019 } },
      { channel: 'lifecycle.summary', purpose: 'export', field: 'grant', input: { classId } },
      { channel: 'lifecycle.hours', purpose: 'export', field: 'grant', input: { classId } },
      { channel: 'lifecycle.handbook', purpose: 'export', field: 'grant', input: { classId } },
      { channel: 'app.useDataFolder', purpose: 'dataFolder', field: 'folder', input: {} },
    ];
    const outcomes = new Map<string, number>();
    const tally = (outcome: string): void => {
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    };
    const grantKind = fc.constantFrom('issued', 'wrong purpose', 'unknown', 'raw path');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...takers), grantKind, unknownGrant, rawPath, async (taker, kind, unknown, raw) => {
        const other = grantPurposes.find((purpose) => purpose !== taker.purpose) ?? 'export';
        const grant =
          kind === 'issued'
            ? t.grant(files[taker.purpose], taker.purpose)
            : kind === 'wrong purpose'
              ? t.grant(files[other], other)
              : kind === 'unknown'
                ? unknown
                : raw;
        const before = snapshot(t.core.db);
        const result = await t.router.handle(taker.channel, { ...taker.input, [taker.field]: grant });
        if (result.ok) {
          expect(kind).toBe('issued');
          return tally('accepted with an issued grant');
        }
        const code = result.error.details?.issues?.[0]?.code;
        expect(snapshot(t.core.db)).toBe(before);
        if (code === 'raw_path') return tally('raw path refused at the door');
        if (code === 'grant_unknown' || code === 'grant_purpose') return tally('grant refused by the handler');
        // An issued grant for a file that is not what the channel reads, or not yet written.
        expect(result.error.code).not.toBe('INTERNAL');
        tally(`other: ${result.error.code}`);
      }),
      { numRuns: 300 },
    );
    console.log(`router property test, file channels: ${[...outcomes].map(([what, n]) => `${what} × ${n}`).join(', ')}`);
    for (const outcome of ['accepted with an issued grant', 'raw path refused at the door', 'grant refused by the handler'])
      expect(outcomes.get(outcome) ?? 0, outcome).toBeGreaterThan(0);
  }, 120_000);

  // Issue 23, item 2: the 学员手册 of a class that is not there, or named by anything but its id, is
  // refused before a byte is written; the school's texts for it are held to their lengths.
  it('refuses a handbook for no class, and handbook texts past their length, changing nothing', async () => {
    const file = join(t.dir, 'hostile-handbook.docx');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(0, -1, 2 ** 31, 999_999, 1.5, '1', null, '__proto__', { id: 1 }), hostileValue),
        async (classId) => {
          const before = snapshot(t.core.db);
          const result = await t.router.handle('lifecycle.handbook', { classId, grant: t.grant(file, 'export') });
          expect(result.ok).toBe(false);
          if (!result.ok) expect(['INVALID_INPUT', 'NOT_FOUND']).toContain(result.error.code);
          expect(snapshot(t.core.db)).toBe(before);
          expect(existsSync(file)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
    const before = snapshot(t.core.db);
    for (const patch of [{ handbookNotice: '须'.repeat(5001) }, { handbookRoutine: '时'.repeat(1001) }, { handbookNotice: 3 }]) {
      expect(failure(await t.router.handle('settings.update', patch), 'INVALID_INPUT').message).toMatch(/\S/);
    }
    expect(snapshot(t.core.db)).toBe(before);
  });

  // 座次表, 桌签, 胸牌 options and the classroom layout: anything but the offered values refused on its
  // field, no file written, the settings unchanged.
  it('refuses card options and classroom layouts that are not offered, writing nothing', async () => {
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const file = join(t.dir, 'router-cards.pdf');
    // Anything but a value offered (undefined is no value: the default).
    const not = (...offered: unknown[]) => hostileValue.filter((v) => v !== undefined && !offered.includes(v));
    const option = fc.oneof(
      fc.record({ tentcardsPerPage: fc.oneof(fc.constantFrom(0, 3, 1.5, -1, '1', null), not(1, 2)) }),
      fc.record({ badgesPerPage: fc.oneof(fc.constantFrom(0, 9, 12, 8.5, '8', null), not(8, 10)) }),
      fc.record({ tentcardFont: fc.oneof(fc.constantFrom('song', 'HEI', '', '黑体'), not('hei', 'kai')) }),
      fc.record({ badgePhoto: fc.oneof(fc.constantFrom('true', 1, null), not(true, false)) }),
      fc.record({ committeeFront: fc.oneof(fc.constantFrom('yes', 0, null), not(true, false)) }),
      fc.record({ seatingLayout: fc.oneof(fc.constantFrom('circle', 'TABLES', '', null), not('rows', 'tables')) }),
      fc.record({ document: fc.constantFrom('tentcards', 'badges'), format: fc.constantFrom('xlsx', 'docx', 'csv') }),
      fc.record({ document: fc.constant('seating'), format: fc.constantFrom('docx', 'csv') }),
    );
    await fc.assert(
      fc.asyncProperty(option, async (bad) => {
        const was = snapshot(t.core.db);
        const result = await t.router.handle('roster.export', {
          classId,
          grant: t.grant(file, 'export'),
          document: 'badges',
          format: 'pdf',
          ...bad,
        });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('INVALID_INPUT');
        const field = Object.keys(bad).find((key) => key !== 'document') ?? '';
        expect(result.error.details?.issues?.[0]?.field?.startsWith(field)).toBe(true);
        expect(existsSync(file)).toBe(false);
        expect(snapshot(t.core.db)).toBe(was);
      }),
      { numRuns: 60 },
    );
    const layout = fc.oneof(
      fc.record({ rows: fc.constantFrom(0, 21, 2.5, -3), seats: fc.constant(8), aisles: fc.constant([4]) }),
      fc.record({ rows: fc.constant(6), seats: fc.constantFrom(0, 1, 17, 1e9), aisles: fc.constant([]) }),
      fc.record({
        rows: fc.constant(6),
        seats: fc.constant(8),
        aisles: fc.constantFrom([8], [9], [0], [4, 4], [1, 2, 3, 4], [-1]),
      }),
      fc.record({ rows: fc.constant(6), seats: fc.constant(8), aisles: fc.constant([4]), stage: fc.constant('left') }),
      fc.record({
        rows: fc.constant(6),
        seats: fc.constant(8),
        aisles: fc.constant([4]),
        podium: fc.oneof(fc.constantFrom('left', 'TOP', '', null, 1), not('top', 'bottom')),
      }),
      hostileValue.filter((v) => v !== undefined),
    );
    await fc.assert(
      fc.asyncProperty(layout, async (classroom) => {
        const was = snapshot(t.core.db);
        const result = await t.router.handle('settings.update', { classroom });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.details?.issues?.[0]?.field).toMatch(/^classroom/);
        expect(snapshot(t.core.db)).toBe(was);
      }),
      { numRuns: 60 },
    );
    const saved = value(await t.router.call('settings.update', { classroom: { rows: 5, seats: 10, aisles: [3, 7] } }));
    expect(saved.classroom).toEqual({ rows: 5, seats: 10, aisles: [3, 7], podium: 'top' });
    const turned = value(
      await t.router.call('settings.update', { classroom: { rows: 5, seats: 10, aisles: [3], podium: 'bottom' } }),
    );
    expect(turned.classroom.podium).toBe('bottom');
  });

  // Issue 23, item 3: a seat map is checked whole — this class's trainees only, each once, each seat
  // once and inside the classroom — and refused whole: nothing of it is written.
  it('refuses seat maps that break a rule, changing nothing, and keeps one that does not', async () => {
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    value(await t.router.call('settings.update', { classroom: { rows: 6, seats: 8, aisles: [4] } }));
    const view = value(await t.router.call('seating.get', { classId }));
    const map = view.seats.map((s) => ({ enrolmentId: s.person.enrolmentId, row: s.row, seat: s.seat }));
    const foreign = t.core.db.prepare('SELECT id FROM enrolments WHERE class_id <> ? LIMIT 1').pluck().get(classId) as number;
    const index = fc.nat({ max: map.length - 1 });
    const broken = fc.oneof(
      // Someone of another class, or nobody's enrolment, in a free seat.
      fc.constantFrom(foreign, 999_999).map((enrolmentId) => [...map, { enrolmentId, row: 6, seat: 8 }]),
      // Someone twice.
      index.map((i) => [...map, { ...map[i], row: 6, seat: 8 }]),
      // Two people in one seat.
      fc
        .tuple(index, index)
        .filter(([a, b]) => a !== b)
        .map(([a, b]) => map.map((s, i) => (i === b ? { ...s, row: map[a]?.row, seat: map[a]?.seat } : s))),
      // A seat past the room's rows or seats.
      fc
        .tuple(
          index,
          fc.oneof(
            fc.record({ row: fc.integer({ min: 7, max: 100 }), seat: fc.constant(1) }),
            fc.record({ row: fc.constant(1), seat: fc.integer({ min: 9, max: 16 }) }),
          ),
        )
        .map(([i, place]) => map.map((s, j) => (j === i ? { ...s, ...place } : s))),
    );
    await fc.assert(
      fc.asyncProperty(broken, async (seats) => {
        const was = snapshot(t.core.db);
        const error = failure(await t.router.handle('seating.save', { classId, seats }), 'INVALID_INPUT');
        expect(error.details?.issues?.[0]?.field).toMatch(/^seats\.\d+\.(enrolmentId|row|seat)$/);
        expect(error.message).toMatch(/名册|两个座位|两位学员|不在教室内/);
        expect(snapshot(t.core.db)).toBe(was);
      }),
      { numRuns: 40 },
    );
    const [a, b] = map;
    if (!a || !b) throw new Error('no seats');
    const swapped = [{ ...a, row: b.row, seat: b.seat }, { ...b, row: a.row, seat: a.seat }, ...map.slice(2)];
    const saved = value(await t.router.call('seating.save', { classId, seats: swapped }));
    expect(saved.view.seats.find((s) => s.person.enrolmentId === a.enrolmentId)).toMatchObject({ row: b.row, seat: b.seat });
  });

  // Issue 21, item 6: certificates go to the trainees chosen, each on the class's roster once; the
  // 证书编号 pattern is refused with what is wrong in it. Lists of real ids mixed with another class's,
  // repeats, none and ids of nobody: every one refused on traineeIds, nothing written.
  it('refuses certificates for trainees not chosen from the class, and 证书编号 patterns that say nothing', async () => {
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const own = value(await t.router.call('lifecycle.certificateCandidates', { classId })).people.map((p) => p.traineeId);
    const other = value(
      await t.router.call('classes.create', {
        name: '2019年市管干部培训班（二期）',
        category: '主体班',
        startDate: '2019-10-08',
        endDate: '2019-10-12',
      }),
    );
    value(
      await t.router.call('roster.importCommit', {
        classId: other.id,
        grant: t.grant(standardRoster(t.dir, 3, 'router-other.xlsx', 300), 'rosterImport'),
      }),
    );
    const strangers = value(await t.router.call('lifecycle.certificateCandidates', { classId: other.id })).people.map(
      (p) => p.traineeId,
    );
    expect(own.length).toBeGreaterThan(1);
    expect(strangers).toHaveLength(3);
    const pick = (ids: number[]) => fc.constantFrom(...ids);
    const wrongList = fc.oneof(
      fc.constant([]),
      // Another class's trainee among this class's.
      fc.tuple(fc.uniqueArray(pick(own), { maxLength: 5 }), pick(strangers)).map(([ids, stranger]) => [...ids, stranger]),
      // One of this class's twice.
      fc
        .tuple(fc.uniqueArray(pick(own), { minLength: 1, maxLength: 5 }), fc.nat())
        .map(([ids, n]) => [...ids, ids[n % ids.length] ?? 0]),
      // Nobody's id.
      fc
        .tuple(fc.uniqueArray(pick(own), { maxLength: 3 }), fc.integer({ min: 1_000_000, max: 2 ** 31 }))
        .map(([ids, id]) => [...ids, id]),
      // Not ids at all.
      fc.array(fc.oneof(fc.constant(0), fc.constant(-1), fc.double(), hostileText), { minLength: 1, maxLength: 3 }),
    );
    const file = join(t.dir, 'router-certificates.pdf');
    const before = snapshot(t.core.db);
    await fc.assert(
      fc.asyncProperty(wrongList, async (traineeIds) => {
        const result = await t.router.handle('lifecycle.certificates', { classId, grant: t.grant(file, 'export'), traineeIds });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.details?.issues?.[0]?.field).toMatch(/^traineeIds/);
        expect(snapshot(t.core.db)).toBe(before);
      }),
      { numRuns: 60 },
    );
    // Patterns: accepted when they hold a {seq} and nothing unknown, refused on the field otherwise.
    const pattern = fc.oneof(
      hostileText,
      fc.constantFrom('{year}', '{seq:7}', '{seq', 'seq}', '{{seq}}', '{seq:}', '{class}{year}', '第{seq:3}号', '{ seq }'),
      fc.tuple(hostileText, fc.constantFrom('{seq}', '{seq:3}', '{year}'), hostileText).map((parts) => parts.join('')),
    );
    await fc.assert(
      fc.asyncProperty(pattern, async (format) => {
        const was = snapshot(t.core.db);
        const result = await t.router.call('settings.update', { certificateNumberFormat: format });
        if (result.ok) {
          expect(result.value.certificateNumberFormat).toBe(format.trim());
          expect(result.value.certificateNumberFormat).toMatch(/\{\s*seq(:[1-6])?\s*\}/);
          return;
        }
        expect(result.error.code).toBe('INVALID_INPUT');
        expect(result.error.details?.issues?.[0]?.field).toBe('certificateNumberFormat');
        expect(snapshot(t.core.db)).toBe(was);
      }),
      { numRuns: 80 },
    );
  }, 120_000);

  // Rooms kept for staff (lodging.reserve) and the rooms' documents: a room of another site, one where
  // trainees sleep, a name too long or blank, door cards as a spreadsheet, a room list of a village's
  // stay — each refused on its field, nothing changed.
  it('refuses keeping a room that is not the stay’s or not empty, and rooms’ documents of a village, changing nothing', async () => {
    const one = (sql: string) => t.core.db.prepare(sql).pluck().get() as number;
    const stay = one('SELECT id FROM stays ORDER BY id LIMIT 1');
    const occupied = one(`SELECT household_id FROM placements WHERE stay_id = ${stay} LIMIT 1`);
    const elsewhere = value(await t.router.call('sites.savePoint', { fields: { name: '路由测试宾馆', kind: '宾馆' } })).id;
    const room = value(
      await t.router.call('lodging.saveRoom', { siteId: elsewhere, fields: { head: '8201', floor: 8, beds: 2 } }),
    ).id;
    const before = snapshot(t.core.db);
    const refusals: [unknown, string, RegExp][] = [
      [{ stayId: stay, householdId: room, for: '班主任' }, 'householdId', /不在这次住宿的村里/],
      [{ stayId: stay, householdId: occupied, for: '班主任' }, 'householdId', /已安排了学员/],
      [{ stayId: stay, householdId: occupied, for: ' ' }, 'for', /^请填写“留给谁”$/],
      [{ stayId: stay, householdId: occupied, for: '王'.repeat(101) }, 'for', /“留给谁”/],
      [{ stayId: stay, householdId: occupied, for: 42 }, 'for', /./],
      [{ stayId: stay, householdId: occupied }, 'for', /./],
    ];
    for (const [input, field, text] of refusals) {
      const error = failure(await t.router.handle('lodging.reserve', input), 'INVALID_INPUT');
      expect(error.details?.issues?.[0]?.field, JSON.stringify(input)).toBe(field);
      expect(error.message).toMatch(text);
    }
    failure(await t.router.handle('lodging.reserve', { stayId: 999_999, householdId: room, for: '班主任' }), 'NOT_FOUND');
    // A room's form for a village: refused, its households' fields being a household's.
    const village = one('SELECT site_id FROM stays ORDER BY id LIMIT 1');
    expect(
      failure(await t.router.handle('lodging.saveRoom', { siteId: village, fields: { head: '101', beds: 2 } }), 'INVALID_INPUT')
        .message,
    ).toMatch(/的类型不是“宿舍”或“宾馆”，不能登记房间$/);
    for (const [document, format, field] of [
      ['rooms', 'xlsx', 'document'],
      ['doors', 'pdf', 'document'],
    ] as const) {
      const error = failure(
        await t.router.call('lodging.export', {
          stayId: stay,
          document,
          format,
          grant: t.grant(join(t.dir, `village-${document}.${format}`), 'export'),
        }),
        'INVALID_INPUT',
      );
      expect(error.details?.issues?.[0]?.field).toBe(field);
      expect(error.message).toBe('房间安排表和门牌名单只用于宿舍、宾馆的住宿安排');
    }
    // A stay made by the same call (the command line's reserve --from --to): a room refused, dates
    // reversed, a note too long, a stay both given and made, or neither — no stay is left behind.
    const classId = one(`SELECT class_id FROM stays WHERE id = ${stay}`);
    const made = { classId, fields: { siteId: elsewhere, arrive: '2019-09-15', depart: '2019-09-17' } };
    const reversed = { classId, fields: { siteId: elsewhere, arrive: '2019-09-12', depart: '2019-09-09' } };
    const inVillage = { classId, fields: { siteId: village, arrive: '2019-09-09', depart: '2019-09-12' } };
    for (const input of [
      { stay: made, householdId: occupied, for: '班主任' },
      { stay: reversed, householdId: room, for: '班主任' },
      { stay: made, householdId: room, for: '王'.repeat(101) },
      { stay: inVillage, householdId: room, for: '班主任' },
      { stay: made, stayId: stay, householdId: room, for: '班主任' },
      { householdId: room, for: '班主任' },
    ])
      failure(await t.router.handle('lodging.reserve', input), 'INVALID_INPUT');
    expect(snapshot(t.core.db)).toBe(before);
    const kept = value(await t.router.call('lodging.reserve', { stay: made, householdId: room, for: '班主任' }));
    expect(kept.households.find((h) => h.id === room)?.reservedFor).toBe('班主任');
  });
});
