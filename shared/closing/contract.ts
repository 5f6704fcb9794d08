import { query } from '../channel';
import { checklistSchema, classFiguresSchema, closingSchemas } from './schemas';

export const closingContract = {
  'closing.check': query(closingSchemas.check, checklistSchema),
  'closing.figures': query(closingSchemas.figures, classFiguresSchema),
};
