import type { TablePreview } from '../../../shared/files/import-preview';
import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import {
  bedsOfRoomKind,
  type Household,
  type HouseholdFields,
  householdFieldsSchema,
  notHostingPattern,
  type RoomColumn,
  roomColumns,
} from '../../../shared/lodging/schemas';
import type { Core } from '../context';
import { exportTable } from '../documents/table-export';
import { importTable, previewTable } from '../documents/table-import-job';
import {
  type CellReader,
  cellReaders,
  columnWord,
  duplicatesBy,
  numberCell,
  type ReadValues,
  schemaRow,
  type TableRecord,
  type TableSpec,
  textCell,
} from '../documents/table-import';
import type { Job } from '../jobs/job';
import { listHouseholds, villageOf } from './households';
import { exportHouseholds, importHouseholds, previewHouseholds, readBeds, readHosts, unitsWrite } from './households-table';

// Rooms of a dormitory or hotel (党校宿舍 / 宾馆): lodging units as a village's households are (the
// same table, the same stays and board), read from the front desk's room list — 房间号 / 楼层 / 床位 /
// 性别 — and written back as one. The list and import channels of households serve rooms too: they
// turn here when the site is of a room kind.

type Field = RoomColumn;

export const roomsTable: TableSpec<Field> = {
  synonyms: roomColumns,
  required: ['head', 'beds'],
  // A floor merged over its rooms holds for each.
  mergedDown: ['floor'],
  named: 'head',
};

const label = (field: Field) => columnWord(roomsTable, field);

// A room number as front desks write it: "301", "301室", "301房" — the number is what the door says.
export const roomNumberOf = (text: string): string => text.replace(/\s+/g, '').replace(/(室|房间|号房|房)$/, '');

// A floor: 3, "3楼", "三层", "3F"; below ground "B1", "负一层", "地下1层".
const readFloor: CellReader<number | null> = (cell) => {
  const text = textCell(cell).replace(/\s+/g, '');
  const below = /^(B|负|地下)/i.test(text);
  const value = numberCell(below ? text.replace(/^(B|负|地下)/i, '') : cell);
  if (value === undefined || (value !== null && !Number.isInteger(value)))
    return { expected: message('lodging.room.expectFloor') };
  return { value: value === null ? null : below ? -Math.abs(value) : value };
};

// Beds as a number ("2", "2床") or as the kind of room the front desk types there (标间, 单间, 大床房).
const readRoomBeds: CellReader<{ beds: number | null; pausedWord: boolean }> = (cell) => {
  const kind = bedsOfRoomKind(textCell(cell));
  return kind === undefined ? readBeds(cell) : { value: { beds: kind, pausedWord: false } };
};

const readers = { floor: readFloor, beds: readRoomBeds, hosts: readHosts, active: cellReaders.yesNo(true) };

const roomKeys = ['head', 'floor', 'beds', 'hosts', 'notes', 'active'] as const satisfies readonly (keyof HouseholdFields)[];

const hostsWord = (room: Household) => message(`lodging.room.sex.${room.hosts}`);

const roomChangeColumns = (Object.keys(roomColumns) as Field[]).map((field) => ({
  column: label(field),
  value: (room: Household) => (field === 'hosts' ? hostsWord(room) : room[field]),
}));

const roomImport = (core: Core, siteId: number) => {
  const site = villageOf(core, siteId);
  const declared = {
    readers,
    across: (records: readonly TableRecord<Field>[]) =>
      duplicatesBy(records, (r) => roomNumberOf(textCell(r.cells.head)), label('head')),
    make: ({ row, cells }: TableRecord<Field>, read: ReadValues<typeof readers>) => {
      const { beds, pausedWord } = read.beds;
      const written = textCell(cells.notes);
      // 0 beds, or 停用 / 维修 / 暂停 in the beds or the notes: on the list, not let now.
      const notLet = beds === 0 || pausedWord || notHostingPattern.test(written) || /停用|维修/.test(written);
      const parsed = householdFieldsSchema.safeParse({
        head: roomNumberOf(textCell(cells.head)),
        floor: read.floor,
        beds: beds ?? undefined,
        hosts: read.hosts,
        notes: written === '' && pausedWord ? textCell(cells.beds) : written,
        active: notLet ? false : read.active,
      });
      const made = schemaRow(roomsTable, row, parsed, { otherwise: 'head' });
      const given = new Set([...Object.keys(cells), ...(notLet ? ['active'] : [])]);
      return 'value' in made ? { value: { fields: made.value, given } } : made;
    },
  };
  const write = unitsWrite(core, siteId, roomKeys, roomChangeColumns, (counts, file) =>
    message('lodging.room.importSummary', { site: site.name, ...counts, file }),
  );
  return { declared, write };
};

const roomsOf = (core: Core, siteId: number) => villageOf(core, siteId).rooms;

// The household channels, for either kind of site.
export const importLodgingUnits = async (core: Core, siteId: number, grant: string, job: Job, token?: string) => {
  if (!roomsOf(core, siteId)) return importHouseholds(core, siteId, grant, job, token);
  const { declared, write } = roomImport(core, siteId);
  return importTable(core, job, grant, roomsTable, declared, write, { scope: siteId, token });
};

export const previewLodgingUnits = async (core: Core, siteId: number, grant: string, job: Job): Promise<TablePreview> => {
  if (!roomsOf(core, siteId)) return previewHouseholds(core, siteId, grant, job);
  const { declared, write } = roomImport(core, siteId);
  return previewTable(core, job, grant, roomsTable, declared, write, (counts) => counts, siteId);
};

// The room list as the front desk keeps it (and as it imports again).
export const exportLodgingUnits = async (core: Core, siteId: number, grant: string, job: Job): Promise<ExportResult> => {
  const site = villageOf(core, siteId);
  if (!site.rooms) return exportHouseholds(core, siteId, grant, job);
  const rooms = listHouseholds(core, siteId, true);
  const widths: Record<Field, number> = { head: 8, floor: 6, beds: 6, hosts: 8, notes: 24, active: 4 };
  return exportTable(
    core,
    job,
    grant,
    {
      spec: roomsTable,
      columns: (Object.keys(widths) as Field[]).map((field) => ({ field, width: widths[field] })),
      rows: rooms.map((room) => ({
        head: room.head,
        floor: room.floor === null ? '' : String(room.floor),
        beds: String(room.beds),
        hosts: hostsWord(room),
        notes: room.notes,
        active: message(room.active ? 'table.yes' : 'table.no'),
      })),
      title: `${site.name}${message('lodging.room.listTitle')}`,
      subtitle: site.address,
      orientation: 'portrait',
    },
    {
      entity: 'households',
      entityId: siteId,
      summary: (path) => message('lodging.room.exportSummary', { site: site.name, count: rooms.length, path }),
    },
  );
};
