import { message } from '../../../shared/i18n/translate';
import type { Household, HouseholdFields } from '../../../shared/lodging/schemas';
import { encodeReadings, readingsOf } from '../../../shared/text/pinyin';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { householdRow, villageOf } from './households';
import { checkAgainstPlacements, checkNobodyComing } from './unit-guards';

// A household or a room saved: added, or changed under the guards of who sleeps there — by the form,
// and row by row by an imported list (households-table.ts).

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
