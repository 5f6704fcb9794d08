import { job, query } from '../channel';
import { exportResultSchema } from '../files/schemas';
import { certificateCandidatesSchema, checklistSchema, classFiguresSchema, closingSchemas } from './schemas';

export const closingContract = {
  'closing.check': query(closingSchemas.check, checklistSchema),
  'closing.figures': query(closingSchemas.figures, classFiguresSchema),
  // Who would get a 结业证书, with their numbers, and who has not met the requirements and why.
  'closing.certificateCandidates': query(closingSchemas.candidates, certificateCandidatesSchema),
  // 培训班总结 (.docx), 学时 (.xlsx), 结业证书 (.pdf, a page a trainee).
  'closing.summary': job(closingSchemas.export, exportResultSchema, { quiet: true }),
  'closing.hours': job(closingSchemas.hours, exportResultSchema, { quiet: true }),
  'closing.certificates': job(closingSchemas.certificates, exportResultSchema, { quiet: true }),
};
