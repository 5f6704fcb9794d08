import { command, job, query } from '../channel';
import { classSchemas, trainingClassSchema } from '../classes/schemas';
import { exportResultSchema } from '../files/schemas';
import { archiveImportResultSchema, archivePreviewSchema, archiveSchemas } from './archive';
import { certificateCandidatesSchema, checklistSchema, classFiguresSchema, closingSchemas } from './schemas';

export const lifecycleContract = {
  'lifecycle.check': query(closingSchemas.check, checklistSchema),
  'lifecycle.figures': query(closingSchemas.figures, classFiguresSchema),
  // Who would get a 结业证书, with their numbers, and who has not met the requirements and why.
  'lifecycle.certificateCandidates': query(closingSchemas.candidates, certificateCandidatesSchema),
  // 培训班总结 (.docx), 学时 (.xlsx), 结业证书 (.pdf, a page a trainee).
  'lifecycle.summary': job(closingSchemas.export, exportResultSchema, { quiet: true }),
  'lifecycle.hours': job(closingSchemas.hours, exportResultSchema, { quiet: true }),
  'lifecycle.certificates': job(closingSchemas.certificates, exportResultSchema, { quiet: true }),
  // A class's life beside its closing: a copy for next year's class, its status moved on (or back),
  // its 学员手册 before it starts, and the 一班一档 archive that carries it between workstations.
  'lifecycle.copy': command(classSchemas.copy, trainingClassSchema),
  'lifecycle.setStatus': command(classSchemas.setStatus, trainingClassSchema),
  'lifecycle.unarchive': command(classSchemas.unarchive, trainingClassSchema),
  // 学员手册 (.docx): cover, 开班须知, schedule, committee and groups, roster, sites, 四同, 作息, reports, contacts.
  'lifecycle.handbook': job(classSchemas.handbook, exportResultSchema, { quiet: true }),
  'lifecycle.archiveExport': job(archiveSchemas.archiveExport, exportResultSchema, { quiet: true }),
  'lifecycle.archivePreview': job(archiveSchemas.archivePreview, archivePreviewSchema, { quiet: true }),
  'lifecycle.archiveImport': job(archiveSchemas.archiveImport, archiveImportResultSchema),
};
