import { todayIso } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import type { RowChange, TablePreview } from '../../../shared/files/import-preview';
import type { ExportResult } from '../../../shared/files/schemas';
import { shownText } from '../../../shared/text/shown';
import { message } from '../../../shared/i18n/translate';
import {
  type Household,
  type HouseholdColumn,
  householdColumns,
  type HouseholdFields,
  householdFieldsSchema,
  type Hosts,
  hostsOfWord,
  notHostingPattern,
} from '../../../shared/lodging/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { decodeReadings, encodeReadings, readingsOf } from '../../../shared/text/pinyin';
import { searchItems } from '../../../shared/text/search';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { isLodgingKind, isRoomKind } from '../../../shared/vocab/schemas';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { exportTable } from '../documents/table-export';
import { importTable, previewTable, type TableWrite } from '../documents/table-import-job';
import {
  type CellReader,
  cellReaders,
  columnWord,
  duplicatesBy,
  numberCell,
  type ReadValues,
  refuseRows,
  schemaRow,
  type TableRecord,
  type TableSpec,
  textCell,
} from '../documents/table-import';
import { fieldChanges, withSavedFields } from '../documents/record-update';
import type { Job } from '../jobs/job';
import { pointBasics } from '../sites/points';
import { nightsOf, occupancyOf } from './occupancy';

// Host households of a village: the list, each one's record, and the same as a spreadsheet.

type HouseholdRow = {
  id: number;
  site_id: number;
  site_name: string;
  head: string;
  phone: string;
  address: string;
  beds: number;
  hosts: Hosts;
  mixed_rooms: number;
  floor: number | null;
  notes: string;
  active: number;
  name_readings: string;
};

const householdsSql = 'SELECT h.*, p.name AS site_name FROM households h JOIN sites p ON p.id = h.site_id';

export const toHousehold = (row: HouseholdRow): Household => ({
  id: row.id,
  siteId: row.site_id,
  siteName: row.site_name,
  head: row.head,
  phone: row.phone,
  address: row.address,
  beds: row.beds,
  hosts: row.hosts,
  mixedRooms: row.mixed_rooms === 1,
  floor: row.floor,
  notes: row.notes,
  active: row.active === 1,
});

export const householdRow = (core: Core, id: number): Household => {
  const row = statement<[number], HouseholdRow>(core.db, `${householdsSql} WHERE h.id = ?`).get(id);
  if (!row) throw new AppError('NOT_FOUND', message('lodging.householdNotFound'));
  return toHousehold(row);
};

// Only a village (its households) or a dormitory or hotel (its rooms) lodges trainees.
export const villageOf = (core: Core, siteId: number, field = 'siteId') => {
  const point = pointBasics(core, siteId);
  if (!isLodgingKind(point.kind))
    throw invalidInput([
      { ...fieldIssue(field, 'unknown_value', { value: siteId }), message: message('lodging.notVillage', { name: point.name }) },
    ]);
  return { ...point, rooms: isRoomKind(point.kind) };
};

// Rooms floor by floor, each floor's in the order of their numbers (301 before 1201, 3A before 3B);
// households by their heads' strokes. The active first, in both.
// A front desk's "3-06" is room 306: the separator does not order it before 301.
const roomNumbers = new Intl.Collator('zh-CN', { numeric: true });
const roomKey = (head: string) => head.replace(/[-－_.·\s]/g, '');
const compareRooms = (a: string, b: string) => roomNumbers.compare(roomKey(a), roomKey(b)) || roomNumbers.compare(a, b);
export const compareUnits = (a: Household, b: Household): number =>
  Number(b.active) - Number(a.active) ||
  (a.floor ?? Infinity) - (b.floor ?? Infinity) ||
  (a.floor !== null || b.floor !== null ? compareRooms(a.head, b.head) : compareStroke(a.head, b.head));

export const listHouseholds = (core: Core, siteId: number, includeInactive: boolean): Household[] => {
  pointBasics(core, siteId);
  return statement<[number], HouseholdRow>(core.db, `${householdsSql} WHERE h.site_id = ?`)
    .all(siteId)
    .filter((row) => includeInactive || row.active === 1)
    .map(toHousehold)
    .sort(compareUnits);
};

// Every village's households, found by the head's name (pinyin too), the address or the village.
export const searchHouseholds = (core: Core, search: string): { items: Household[]; approximate: boolean } => {
  const rows = statement<[], HouseholdRow>(core.db, householdsSql).all();
  const found = searchItems(
    rows,
    (row) => [
      { text: row.head, readings: () => decodeReadings(row.name_readings) },
      { text: row.address },
      { text: row.site_name },
    ],
    search,
  );
  // Only what was found is put in order (the active first, by strokes).
  found.items.sort((a, b) => b.active - a.active || compareStroke(a.head, b.head));
  return { items: found.items.map(toHousehold), approximate: found.approximate };
};

const hostsWord = (hosts: Hosts) => message(`lodging.hosts.${hosts}`);

// A household's beds and the sexes it hosts, held to who already sleeps there: lowering the beds or
// narrowing the sexes below what stays ask of it is refused, naming the night and the stay.
// Out of use (a room under repair, a household not hosting now) only when nobody sleeps there tonight
// or later: the board, the 房间安排表 and the door cards would keep them there, and the stay's next edit
// would fail. Nights gone by stay as they were — last year's guests do not keep a room in use.
const checkNobodyComing = (core: Core, id: number, head: string, rooms: boolean) => {
  const today = todayIso(core.now());
  const coming = occupancyOf(core, { households: [id] })
    .nights(id)
    .find((night) => night.date >= today && night.people > 0);
  if (coming)
    throw invalidInput([
      {
        ...fieldIssue('fields.active', 'unknown_value'),
        message: message(rooms ? 'lodging.room.stillOccupied' : 'lodging.stillOccupied', {
          head,
          date: coming.date,
          people: coming.people,
          stays: coming.stays.join(message('text.list')),
        }),
      },
    ]);
};

const checkAgainstPlacements = (core: Core, id: number, fields: HouseholdFields, rooms: boolean) => {
  const occupancy = occupancyOf(core, { households: [id] });
  for (const night of occupancy.nights(id)) {
    if (night.people > fields.beds)
      throw invalidInput([
        {
          ...fieldIssue('fields.beds', 'out_of_range', { min: night.people, max: 50 }),
          message: message(rooms ? 'lodging.room.bedsTooFew' : 'lodging.bedsTooFew', {
            head: fields.head,
            date: night.date,
            people: night.people,
            stays: night.stays.join(message('text.list')),
          }),
        },
      ]);
  }
  if (fields.hosts === 'any') {
    if (fields.mixedRooms) return;
    // No rooms apart any more: a night with men and women there stands against it — of one stay, or
    // of two classes' stays on the same night (one sex a night, across classes, as the beds are).
    const byNight = new Map<string, { sexes: Set<string>; stays: Set<string> }>();
    for (const guest of occupancy.guests(id))
      for (const night of nightsOf(guest.arrive, guest.depart)) {
        const entry = byNight.get(night) ?? { sexes: new Set<string>(), stays: new Set<string>() };
        entry.sexes.add(guest.sex ?? '');
        entry.stays.add(guest.stay);
        byNight.set(night, entry);
      }
    const both = [...byNight.values()].find((entry) => entry.sexes.size > 1);
    if (both)
      throw invalidInput([
        {
          ...fieldIssue('fields.mixedRooms', 'unknown_value'),
          message: message('lodging.mixedConflict', { head: fields.head, stay: [...both.stays].join(message('text.list')) }),
        },
      ]);
    return;
  }
  const strangers = occupancy.guests(id).filter((guest) => guest.sex !== fields.hosts);
  const first = strangers[0];
  if (first)
    throw invalidInput([
      {
        ...fieldIssue('fields.hosts', 'unknown_value', { value: fields.hosts }),
        message: message(rooms ? 'lodging.room.hostsConflict' : 'lodging.hostsConflict', {
          head: fields.head,
          sex: first.sex ? message(`sex.${first.sex}`) : message('lodging.reasons.no_sex'),
          stays: [...new Set(strangers.map((guest) => guest.stay))].join(message('text.list')),
          hosts: hostsWord(fields.hosts),
        }),
      },
    ]);
};

export const writeHousehold = (core: Core, siteId: number, id: number | undefined, fields: HouseholdFields): number => {
  const site = villageOf(core, siteId);
  const clash = statement<[number, string], number>(core.db, 'SELECT id FROM households WHERE site_id = ? AND head = ?')
    .pluck()
    .get(siteId, fields.head);
  if (clash !== undefined && clash !== id)
    throw invalidInput([
      {
        ...fieldIssue('fields.head', 'duplicate'),
        message: message(site.rooms ? 'lodging.room.duplicate' : 'lodging.duplicateHousehold', {
          site: site.name,
          head: fields.head,
        }),
      },
    ]);
  const params = {
    siteId,
    head: fields.head,
    phone: fields.phone,
    address: fields.address,
    beds: fields.beds,
    hosts: fields.hosts,
    // Rooms apart mean something only to a household that takes men and women; a room is one sex.
    mixedRooms: !site.rooms && fields.hosts === 'any' && fields.mixedRooms ? 1 : 0,
    // A floor is a room's; a household has none.
    floor: site.rooms ? fields.floor : null,
    notes: fields.notes,
    active: fields.active ? 1 : 0,
    readings: encodeReadings(readingsOf(fields.head)),
    now: timestamp(core),
  };
  if (id === undefined) {
    const { lastInsertRowid } = statement(
      core.db,
      `INSERT INTO households (site_id, head, phone, address, beds, hosts, mixed_rooms, floor, notes, active, name_readings, created_at, updated_at)
         VALUES (@siteId, @head, @phone, @address, @beds, @hosts, @mixedRooms, @floor, @notes, @active, @readings, @now, @now)`,
    ).run(params);
    return Number(lastInsertRowid);
  }
  const current = householdRow(core, id);
  if (current.siteId !== siteId)
    throw invalidInput([
      {
        ...fieldIssue('siteId', 'unknown_value', { value: siteId }),
        message: message('lodging.wrongVillage', { head: current.head, site: site.name }),
      },
    ]);
  checkAgainstPlacements(core, id, { ...fields, mixedRooms: !site.rooms && fields.mixedRooms }, site.rooms);
  if (current.active && !fields.active) checkNobodyComing(core, id, fields.head, site.rooms);
  statement(
    core.db,
    `UPDATE households SET head = @head, phone = @phone, address = @address, beds = @beds, hosts = @hosts, mixed_rooms = @mixedRooms, floor = @floor, notes = @notes,
       active = @active, name_readings = @readings, updated_at = @now WHERE id = @id`,
  ).run({ ...params, id });
  return id;
};

export const saveHousehold = (core: Core, siteId: number, id: number | undefined, fields: HouseholdFields): Household =>
  householdRow(core, writeHousehold(core, siteId, id, fields));

// The rooms' form: a room of a dormitory or hotel only (a village's household is refused, its fields
// being a household's).
export const saveRoom = (core: Core, siteId: number, id: number | undefined, fields: HouseholdFields): Household => {
  const site = villageOf(core, siteId);
  if (!site.rooms)
    throw invalidInput([
      {
        ...fieldIssue('siteId', 'unknown_value', { value: siteId }),
        message: message('lodging.room.notRoomSite', { name: site.name }),
      },
    ]);
  return saveHousehold(core, siteId, id, fields);
};

type Field = HouseholdColumn;

// An address or a 可接待 merged over the households it stands for (one 屯, one rule) holds for each.
export const householdsTable: TableSpec<Field> = {
  synonyms: householdColumns,
  required: ['head', 'beds'],
  mergedDown: ['address', 'hosts'],
  named: 'head',
};

const label = (field: Field) => columnWord(householdsTable, field);

export const readHosts: CellReader<Hosts> = (cell) => {
  const hosts = hostsOfWord(textCell(cell));
  return hosts === undefined ? { expected: message('lodging.expectHosts') } : { value: hosts };
};
// Beds as a village writes them: "3张床", "２"; 0, 无, or 暂停 / 不接待 in their place for a household
// not hosting now (then read as 0, unless a number stands beside the word).
export const readBeds: CellReader<{ beds: number | null; pausedWord: boolean }> = (cell) => {
  const text = textCell(cell);
  const pausedWord = notHostingPattern.test(text);
  const beds = /^(无|没有)$/.test(text) ? 0 : numberCell(cell);
  if (beds === undefined && !pausedWord) return { expected: message('table.expectNumber') };
  return { value: { beds: beds ?? (pausedWord ? 0 : null), pausedWord } };
};
const readers = { beds: readBeds, hosts: readHosts, mixedRooms: cellReaders.yesNo(false), active: cellReaders.yesNo(true) };

const householdKeys = [
  'head',
  'phone',
  'address',
  'beds',
  'hosts',
  'notes',
  'active',
] as const satisfies readonly (keyof HouseholdFields)[];

export type Counts = { added: number; updated: number; unchanged: number };

// An imported list's households or rooms written: added, or updated in the columns the file has (the
// rest kept as saved), counted, and each change said for the preview. A row whose write a rule refuses
// (beds below what the stays already place there, a sex against its guests) names itself.
export const unitsWrite =
  (
    core: Core,
    siteId: number,
    keys: readonly (keyof HouseholdFields)[],
    changeColumns: readonly { column: string; value: (unit: Household) => unknown }[],
    summary: (counts: Counts, file: string) => string,
  ): TableWrite<{ fields: HouseholdFields; given: Set<string> }, Counts> =>
  (rows, file) => {
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const changes: RowChange[] = [];
    const existing = new Map(listHouseholds(core, siteId, true).map((unit) => [unit.head, unit]));
    for (const { row, value: entry } of rows) {
      const before = existing.get(entry.fields.head);
      try {
        if (!before) {
          writeHousehold(core, siteId, undefined, entry.fields);
          counts.added += 1;
          continue;
        }
        writeHousehold(
          core,
          siteId,
          before.id,
          withSavedFields<HouseholdFields>(entry.fields, before, keys, (key) => entry.given.has(key)),
        );
      } catch (error) {
        if (error instanceof AppError) throw refuseRows([{ row, who: entry.fields.head, message: error.message }]);
        throw error;
      }
      const after = householdRow(core, before.id);
      if (JSON.stringify(after) === JSON.stringify(before)) counts.unchanged += 1;
      else {
        counts.updated += 1;
        changes.push({ row, who: shownText(before.head), fields: fieldChanges(before, after, changeColumns) });
      }
    }
    return { result: counts, audit: { entity: 'households', entityId: siteId, summary: summary(counts, file) }, changes };
  };

// How a household's columns are read from a saved one, for a preview saying what an update changes.
const householdChangeColumns = (Object.keys(householdColumns) as Field[]).map((field) => ({
  column: label(field),
  value: (household: Household) => (field === 'hosts' ? hostsWord(household.hosts) : household[field]),
}));

const householdImport = (core: Core, siteId: number) => {
  const site = villageOf(core, siteId);
  const declared = {
    readers,
    across: (records: readonly TableRecord<Field>[]) => duplicatesBy(records, (r) => textCell(r.cells.head), label('head')),
    make: ({ row, cells }: TableRecord<Field>, read: ReadValues<typeof readers>) => {
      const { beds, pausedWord } = read.beds;
      const written = textCell(cells.notes);
      // No beds, or 暂停 / 不接待 in the beds or the notes: on the list, not hosting now. A reason
      // written in place of the beds is kept as the note when there is no other.
      const notHosting = beds === 0 || pausedWord || notHostingPattern.test(written);
      const parsed = householdFieldsSchema.safeParse({
        head: textCell(cells.head),
        phone: textCell(cells.phone),
        address: textCell(cells.address),
        beds: beds ?? undefined,
        hosts: read.hosts,
        mixedRooms: read.mixedRooms,
        notes: written === '' && pausedWord ? textCell(cells.beds) : written,
        active: notHosting ? false : read.active,
      });
      const made = schemaRow(householdsTable, row, parsed, { otherwise: 'head' });
      // The columns the file has (a pause read from the beds or the notes says 接待 too): a sheet of
      // beds alone leaves each household's phone, address and notes as they were.
      const given = new Set([...Object.keys(cells), ...(notHosting ? ['active'] : [])]);
      return 'value' in made ? { value: { fields: made.value, given } } : made;
    },
  };
  const write = unitsWrite(core, siteId, householdKeys, householdChangeColumns, (counts, file) =>
    message('lodging.importSummary', { site: site.name, ...counts, file }),
  );
  return { declared, write };
};

export const importHouseholds = async (
  core: Core,
  siteId: number,
  grant: string,
  job: Job,
  token?: string,
): Promise<Counts & { ignoredColumns: string[] }> => {
  const { declared, write } = householdImport(core, siteId);
  return importTable(core, job, grant, householdsTable, declared, write, { scope: siteId, token });
};

export const previewHouseholds = async (core: Core, siteId: number, grant: string, job: Job): Promise<TablePreview> => {
  const { declared, write } = householdImport(core, siteId);
  return previewTable(core, job, grant, householdsTable, declared, write, (counts) => counts, siteId);
};

export const exportHouseholds = async (core: Core, siteId: number, grant: string, job: Job): Promise<ExportResult> => {
  const site = villageOf(core, siteId);
  const households = listHouseholds(core, siteId, true);
  const widths: Record<Field, number> = {
    head: 8,
    phone: 12,
    address: 18,
    beds: 6,
    hosts: 8,
    mixedRooms: 8,
    notes: 20,
    active: 4,
  };
  return exportTable(
    core,
    job,
    grant,
    {
      spec: householdsTable,
      columns: (Object.keys(widths) as Field[]).map((field) => ({ field, width: widths[field] })),
      rows: households.map((household) => ({
        head: household.head,
        phone: household.phone,
        address: household.address,
        beds: String(household.beds),
        hosts: hostsWord(household.hosts),
        mixedRooms: message(household.mixedRooms ? 'table.yes' : 'table.no'),
        notes: household.notes,
        active: message(household.active ? 'table.yes' : 'table.no'),
      })),
      title: `${site.name}${message('lodging.doc.householdsTitle')}`,
      subtitle: site.address,
      orientation: 'portrait',
    },
    {
      entity: 'households',
      entityId: siteId,
      summary: (path) => message('lodging.exportSummary', { site: site.name, count: households.length, path }),
    },
  );
};
