import { message } from '../../../shared/i18n/translate';
import { compareStrokeText } from '../../../shared/text/collation';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { pointRow } from './points';

// The travel matrix, kept a row at a time on each point's page: minutes by road between two points,
// stored once for the pair whichever way round it was given.

// A point's row of the matrix: every other active point, with its minutes when known.
export const travelOf = (core: Core, id: number) =>
  statement<[number, number, number], { siteId: number; name: string; minutes: number | null }>(
    core.db,
    `SELECT p.id AS siteId, p.name,
       (SELECT t.minutes FROM site_travel t WHERE (t.from_site = ? AND t.to_site = p.id) OR (t.to_site = ? AND t.from_site = p.id)) AS minutes
       FROM sites p WHERE p.id <> ? AND p.active = 1`,
  )
    .all(id, id, id)
    .sort((a, b) => compareStrokeText(a.name, b.name));

// The row of the matrix for one point: each minute given is stored once for the pair (null clears it).
export const writeTravel = (core: Core, id: number, travel: readonly { siteId: number; minutes: number | null }[]): void => {
  pointRow(core, id);
  const upsert = statement(
    core.db,
    `INSERT INTO site_travel (from_site, to_site, minutes) VALUES (@from, @to, @minutes)
       ON CONFLICT (from_site, to_site) DO UPDATE SET minutes = excluded.minutes`,
  );
  const clear = statement(core.db, 'DELETE FROM site_travel WHERE from_site = @from AND to_site = @to');
  travel.forEach((entry, index) => {
    if (entry.siteId === id)
      throw invalidInput([
        {
          ...fieldIssue(`travel.${index}.siteId`, 'unknown_value', { value: entry.siteId }),
          message: message('sites.travelToItself'),
        },
      ]);
    const exists = statement<[number], number>(core.db, 'SELECT id FROM sites WHERE id = ?').pluck().get(entry.siteId);
    if (exists === undefined)
      throw invalidInput([
        { ...fieldIssue(`travel.${index}.siteId`, 'unknown_value', { value: entry.siteId }), message: message('sites.notFound') },
      ]);
    const pair = { from: Math.min(id, entry.siteId), to: Math.max(id, entry.siteId) };
    if (entry.minutes === null) clear.run(pair);
    else upsert.run({ ...pair, minutes: entry.minutes });
  });
};
