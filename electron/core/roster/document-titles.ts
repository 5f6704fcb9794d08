import { classTitle, type TrainingClass } from '../../../shared/classes/schemas';
import { chineseDate } from '../../../shared/dates';
import { message } from '../../../shared/i18n/translate';
import type { RosterDocument } from '../../../shared/roster/export';

// What every roster document, table or card, is headed with: the class's title and the document's
// name, under it the school, the training dates and the counts.

export const trainingDates = (c: TrainingClass) =>
  message('documents.trainingDates', { from: chineseDate(c.startDate), to: chineseDate(c.endDate) });

export const subtitle = (school: string, ...parts: string[]) => [school, ...parts].filter(Boolean).join(message('text.gap'));

export const title = (document: RosterDocument, c: TrainingClass) =>
  message(`documents.roster.titles.${document}`, { title: classTitle(c) });
