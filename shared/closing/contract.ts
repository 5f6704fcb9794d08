import { job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { checklistSchema, classFiguresSchema, closingSchemas } from './schemas';

export const closingContract = {
  'closing.check': query(closingSchemas.check, checklistSchema),
  'closing.figures': query(closingSchemas.figures, classFiguresSchema),
  // 培训班总结 (.docx), 学时 (.xlsx), 结业证书 (.pdf, a page a trainee).
  'closing.summary': job(closingSchemas.export, exportResultSchema, { quiet: true }),
  'closing.hours': job(closingSchemas.hours, exportResultSchema, { quiet: true }),
  'closing.certificates': job(closingSchemas.export, exportResultSchema, { quiet: true }),
};
