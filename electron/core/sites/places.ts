import type { Core } from '../context';
import { statement } from '../db/statements';

// What the schedule asks of the place a session is at: how many it holds, and how many minutes it is
// from another. A place is a point, named by id or, for a session typed before the point existed, by
// its exact name.

export type PlaceRef = { siteId: number | null; place: string };

export const travelMinutes = (core: Core): ((from: PlaceRef, to: PlaceRef) => number | undefined) => {
  const byName = new Map(statement<[], [string, number]>(core.db, 'SELECT name, id FROM sites').raw().all());
  const minutes = new Map<string, number>();
  for (const [from, to, value] of statement<[], [number, number, number]>(
    core.db,
    'SELECT from_site, to_site, minutes FROM site_travel',
  )
    .raw()
    .all())
    minutes.set(`${from}:${to}`, value);
  const idOf = (ref: PlaceRef) => ref.siteId ?? byName.get(ref.place.trim());
  return (from, to) => {
    const a = idOf(from);
    const b = idOf(to);
    if (a === undefined || b === undefined || a === b) return undefined;
    return minutes.get(`${Math.min(a, b)}:${Math.max(a, b)}`);
  };
};

// For the schedule: a point's capacity, by id or by exact name.
export const capacityOf = (core: Core, ref: PlaceRef): { name: string; capacity: number } | undefined => {
  const row =
    ref.siteId !== null
      ? statement<[number], { name: string; capacity: number | null }>(
          core.db,
          'SELECT name, capacity FROM sites WHERE id = ?',
        ).get(ref.siteId)
      : statement<[string], { name: string; capacity: number | null }>(
          core.db,
          'SELECT name, capacity FROM sites WHERE name = ?',
        ).get(ref.place.trim());
  return row && row.capacity !== null ? { name: row.name, capacity: row.capacity } : undefined;
};
