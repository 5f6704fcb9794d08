import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import type { Review, ReviewFields } from '../../../shared/sites/schemas';
import { reviewAspects } from '../../../shared/sites/schemas';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { notFound, pointRow } from './points';

// A point's reviews over the years: six aspects marked 1 to 5, and their average.

const average = (review: ReviewFields) => reviewAspects.reduce((sum, aspect) => sum + review[aspect], 0) / reviewAspects.length;

type ReviewRow = {
  id: number;
  reviewed_on: string;
  reviewer: string;
  theme: number;
  courses: number;
  facilities: number;
  management: number;
  teaching: number;
  effect: number;
  notes: string;
};

const toReview = (row: ReviewRow): Review => {
  const fields = {
    reviewedOn: row.reviewed_on,
    reviewer: row.reviewer,
    theme: row.theme,
    courses: row.courses,
    facilities: row.facilities,
    management: row.management,
    teaching: row.teaching,
    effect: row.effect,
    notes: row.notes,
  };
  return { id: row.id, ...fields, average: Math.round(average(fields) * 100) / 100 };
};

// Newest first.
export const reviewsOf = (core: Core, id: number): Review[] =>
  statement<[number], ReviewRow>(core.db, 'SELECT * FROM site_reviews WHERE site_id = ? ORDER BY reviewed_on DESC, id DESC')
    .all(id)
    .map(toReview);

export const addReview = (core: Core, id: number, review: ReviewFields): Review => {
  pointRow(core, id);
  const { lastInsertRowid } = statement(
    core.db,
    `INSERT INTO site_reviews (site_id, reviewed_on, reviewer, theme, courses, facilities, management, teaching, effect, notes, created_at)
       VALUES (@id, @reviewedOn, @reviewer, @theme, @courses, @facilities, @management, @teaching, @effect, @notes, @now)`,
  ).run({ ...review, id, now: timestamp(core) });
  const row = statement<[number], ReviewRow>(core.db, 'SELECT * FROM site_reviews WHERE id = ?').get(Number(lastInsertRowid));
  if (!row) throw notFound();
  return toReview(row);
};

export const removeReview = (core: Core, reviewId: number): { removed: boolean } => {
  const { changes } = statement(core.db, 'DELETE FROM site_reviews WHERE id = ?').run(reviewId);
  if (changes === 0) throw new AppError('NOT_FOUND', message('sites.reviewNotFound'));
  return { removed: true };
};
