import type { PointDetail, PointFields } from '../../../shared/sites/schemas';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { pointRow, toPoint, writePoint } from './points';
import { reviewsOf } from './reviews';
import { travelOf, writeTravel } from './travel';
import { visitsOf } from './visits';

// A point's whole record as its page shows it: the point, its guide, each class's days there, its
// reviews and its travel times; and the writes that answer with it.

export const getPoint = (core: Core, id: number): PointDetail => {
  const row = pointRow(core, id);
  const guide =
    row.guide_staff_id === null
      ? null
      : (statement<[number], string>(core.db, 'SELECT name FROM staff WHERE id = ?').pluck().get(row.guide_staff_id) ?? null);
  return {
    ...toPoint(row),
    guideStaffName: guide,
    visitHistory: visitsOf(core, row),
    reviews: reviewsOf(core, id),
    travel: travelOf(core, id),
  };
};

export const savePoint = (core: Core, id: number | undefined, fields: PointFields): PointDetail =>
  getPoint(core, writePoint(core, id, fields));

export const setTravel = (core: Core, id: number, travel: readonly { siteId: number; minutes: number | null }[]): PointDetail => {
  writeTravel(core, id, travel);
  return getPoint(core, id);
};
