import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Base, BaseFields } from '../../../shared/sites/schemas';
import { compareStrokeText } from '../../../shared/text/collation';
import { encodeReadings, readingsOf } from '../../../shared/text/pinyin';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { duplicateName } from './duplicate-name';
import { type PointRow, pointsSql, toPoint } from './points';

// Teaching bases: the named places (an industrial park, a township) that hold teaching points.

export type BaseRow = { id: number; name: string; address: string; notes: string; active: number; name_readings: string };

const baseRow = (core: Core, id: number): BaseRow => {
  const row = statement<[number], BaseRow>(core.db, 'SELECT * FROM site_bases WHERE id = ?').get(id);
  if (!row) throw new AppError('NOT_FOUND', message('sites.baseNotFound'));
  return row;
};

const toBase = (core: Core, row: BaseRow): Base => ({
  id: row.id,
  name: row.name,
  address: row.address,
  notes: row.notes,
  active: row.active === 1,
  points: statement<[number], PointRow>(core.db, `${pointsSql} WHERE p.base_id = ?`)
    .all(row.id)
    .map(toPoint)
    .sort((a, b) => compareStrokeText(a.name, b.name)),
});

export const saveBase = (core: Core, id: number | undefined, fields: BaseFields): Base => {
  const clash = statement<[string], number>(core.db, 'SELECT id FROM site_bases WHERE name = ?').pluck().get(fields.name);
  if (clash !== undefined && clash !== id) throw duplicateName('fields.name', 'sites.duplicateBase', fields.name);
  const params = {
    name: fields.name,
    address: fields.address,
    notes: fields.notes,
    active: fields.active ? 1 : 0,
    readings: encodeReadings(readingsOf(fields.name)),
    now: timestamp(core),
  };
  if (id === undefined) {
    const { lastInsertRowid } = statement(
      core.db,
      `INSERT INTO site_bases (name, address, notes, active, name_readings, created_at, updated_at)
         VALUES (@name, @address, @notes, @active, @readings, @now, @now)`,
    ).run(params);
    return toBase(core, baseRow(core, Number(lastInsertRowid)));
  }
  baseRow(core, id);
  statement(
    core.db,
    `UPDATE site_bases SET name = @name, address = @address, notes = @notes, active = @active, name_readings = @readings,
       updated_at = @now WHERE id = @id`,
  ).run({ ...params, id });
  return toBase(core, baseRow(core, id));
};

// A base that holds no teaching point (one that a move to another base emptied) can be removed; one
// that still holds any, hosting or paused, is refused with how many it holds.
export const removeBase = (core: Core, id: number): { removed: boolean } => {
  const base = baseRow(core, id);
  const held = statement<[number], number>(core.db, 'SELECT count(*) FROM sites WHERE base_id = ?').pluck().get(id) ?? 0;
  if (held > 0) throw new AppError('CONFLICT', message('sites.baseNotEmpty', { name: base.name, count: held }));
  statement(core.db, 'DELETE FROM site_bases WHERE id = ?').run(id);
  return { removed: true };
};
