import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Household, Hosts } from '../../../shared/lodging/schemas';
import { compareStroke } from '../../../shared/text/collation';
import { decodeReadings } from '../../../shared/text/pinyin';
import { searchItems } from '../../../shared/text/search';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { isLodgingKind, isRoomKind } from '../../../shared/vocab/schemas';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { pointBasics } from '../sites/points';

// Host households of a village and rooms of a dormitory or hotel, as stored: each one's record, the
// list in its order, and the search over every village. Written in unit-write.ts; held to who sleeps
// there in unit-guards.ts; read and written as a spreadsheet in households-table.ts (rooms.ts).

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

export const hostsWord = (hosts: Hosts) => message(`lodging.hosts.${hosts}`);
