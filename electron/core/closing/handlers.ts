import type { Handlers } from '../router';
import { certificateCandidates } from './certificates';
import { exportClosingDocument } from './documents';
import { classFigures, closeChecklist } from './figures';

export const closingHandlers = {
  'closing.check': (core, { classId }) => closeChecklist(core, classId),
  'closing.figures': (core, { classId }) => classFigures(core, classId),
  'closing.summary': (core, { classId, grant }, job) => exportClosingDocument(core, 'summary', classId, grant, job),
  'closing.hours': (core, { classId, grant, fullIdNumber }, job) =>
    exportClosingDocument(core, 'hours', classId, grant, job, { fullIdNumber }),
  'closing.certificateCandidates': (core, { classId }) => certificateCandidates(core, classId),
  'closing.certificates': (core, { classId, grant, traineeIds }, job) =>
    exportClosingDocument(core, 'certificates', classId, grant, job, { fullIdNumber: false, traineeIds }),
} satisfies Handlers;
