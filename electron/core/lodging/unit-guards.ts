import { todayIso } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import type { HouseholdFields } from '../../../shared/lodging/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import type { Core } from '../context';
import { hostsWord } from './households';
import { nightsOf, occupancyOf } from './occupancy';

// A household's beds and the sexes it hosts, held to who already sleeps there: lowering the beds or
// narrowing the sexes below what stays ask of it is refused, naming the night and the stay.
// Out of use (a room under repair, a household not hosting now) only when nobody sleeps there tonight
// or later: the board, the 房间安排表 and the door cards would keep them there, and the stay's next edit
// would fail. Nights gone by stay as they were — last year's guests do not keep a room in use.
export const checkNobodyComing = (core: Core, id: number, head: string, rooms: boolean) => {
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

export const checkAgainstPlacements = (core: Core, id: number, fields: HouseholdFields, rooms: boolean) => {
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
