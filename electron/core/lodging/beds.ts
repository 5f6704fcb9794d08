import type { Hosts } from '../../../shared/lodging/schemas';

// The engine's vocabulary — people, rooms, fixed placements, and whom a room takes — shared by the
// placing (assign.ts) and the nobody-alone repair (company.ts) without either importing the other.

// single: needs a room alone (需单间, at a dormitory or hotel): placed only in a room nobody else sleeps
// in those nights, and nobody joins them.
export type Person = {
  id: number;
  sex: 'male' | 'female' | null;
  group: number | null;
  unit: string;
  leader: boolean;
  single?: boolean;
};
// others: the sex of each guest of another stay sleeping there on some of the same nights.
// reserved: kept for staff during the stay (the 班主任's room): no trainee is placed there.
export type Room = {
  id: number;
  free: number;
  hosts: Hosts;
  mixed: boolean;
  others?: readonly Person['sex'][];
  reserved?: boolean;
};
export type Fixed = { person: number; room: number };
export type Unplaced = { person: number; reason: 'no_male_bed' | 'no_female_bed' | 'no_sex' | 'no_single_room' };
export type AloneReason = 'only_one' | 'fixed' | 'no_company';
export type Alone = { person: number; room: number; reason: AloneReason };
export type Assignment = { placed: Map<number, number>; unplaced: Unplaced[]; alone: Alone[] };
export type AssignOptions = { together?: boolean };

export type Category = 'male' | 'female' | 'unknown';
export const categoryOf = (person: Person): Category => person.sex ?? 'unknown';

// Whom a room takes for the rest of the run: one sex, anyone (a mixed household), or no one more (a
// one-sex household that already holds both sexes or someone without one — data from before the rule).
export type Takes = 'male' | 'female' | 'anyone' | 'open' | 'closed';

export const takesOf = (room: Room, guests: readonly Category[]): Takes => {
  if (room.hosts === 'any' && room.mixed) return 'anyone';
  const kinds = new Set<Category>([...guests, ...(room.others ?? []).map((sex) => sex ?? 'unknown')]);
  if (room.hosts !== 'any') return [...kinds].every((kind) => kind === room.hosts) ? room.hosts : 'closed';
  if (kinds.size === 0) return 'open';
  if (kinds.size > 1 || kinds.has('unknown')) return 'closed';
  return kinds.has('male') ? 'male' : 'female';
};

export const takes = (room: Takes, category: Category): boolean =>
  room === 'anyone' || (category !== 'unknown' && room === category);
