import type { Handlers } from '../router';
import { exportClosingDocument } from './documents';
import { classFigures, closeChecklist } from './figures';

export const closingHandlers = {
  'closing.check': (core, { classId }) => closeChecklist(core, classId),
  'closing.figures': (core, { classId }) => classFigures(core, classId),
  'closing.summary': (core, { classId, grant }, job) => exportClosingDocument(core, 'summary', classId, grant, job),
  'closing.hours': (core, { classId, grant, fullIdNumber }, job) =>
    exportClosingDocument(core, 'hours', classId, grant, job, { fullIdNumber }),
  'closing.certificates': (core, { classId, grant }, job) => exportClosingDocument(core, 'certificates', classId, grant, job),
} satisfies Handlers;
