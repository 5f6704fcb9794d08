import type { Base, Point } from '../../../shared/sites/schemas';
import { compareStrokeText } from '../../../shared/text/collation';
import { decodeReadings } from '../../../shared/text/pinyin';
import { searchItems } from '../../../shared/text/search';
import type { Core } from '../context';
import { statement } from '../db/statements';
import type { BaseRow } from './bases';
import { type PointRow, pointsSql, toPoint } from './points';

// Bases in stroke order, each with its points; points without a base under an unnamed one at the end.
export const siteTree = (
  core: Core,
  search: string | undefined,
  includeInactive: boolean,
): { bases: Base[]; approximate: boolean } => {
  const bases = statement<[], BaseRow>(core.db, 'SELECT * FROM site_bases').all();
  const points = statement<[], PointRow>(core.db, pointsSql).all();
  const shown = (active: number) => includeInactive || active === 1;
  const found = searchItems(
    points.filter((point) => shown(point.active)),
    (row) => [
      { text: row.name, readings: () => decodeReadings(row.name_readings) },
      { text: row.base_name ?? '' },
      { text: row.kind },
      { text: row.township },
      { text: row.topics },
    ],
    search,
  );
  const matchingBases = new Set(
    searchItems(bases, (row) => [{ text: row.name, readings: () => decodeReadings(row.name_readings) }], search).items.map(
      (row) => row.id,
    ),
  );
  const searching = search !== undefined && search.trim() !== '';
  const byBase = new Map<number | null, Point[]>();
  for (const row of found.items) {
    const list = byBase.get(row.base_id) ?? [];
    list.push(toPoint(row));
    byBase.set(row.base_id, list);
  }
  // A base found by its own name shows all its points.
  for (const base of bases)
    if (searching && matchingBases.has(base.id) && !byBase.has(base.id))
      byBase.set(base.id, points.filter((point) => point.base_id === base.id && shown(point.active)).map(toPoint));
  const tree: Base[] = bases
    .filter((base) => shown(base.active) && (!searching || byBase.has(base.id)))
    .sort((a, b) => compareStrokeText(a.name, b.name))
    .map((base) => ({
      id: base.id,
      name: base.name,
      address: base.address,
      notes: base.notes,
      active: base.active === 1,
      points: (byBase.get(base.id) ?? []).sort((a, b) => compareStrokeText(a.name, b.name)),
    }));
  const loose = byBase.get(null);
  if (loose && loose.length > 0)
    tree.push({
      id: 0,
      name: '',
      address: '',
      notes: '',
      active: true,
      points: loose.sort((a, b) => compareStrokeText(a.name, b.name)),
    });
  return { bases: tree, approximate: found.approximate };
};
