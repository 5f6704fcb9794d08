import type { Handlers } from '../router';
import { exportCertificates, exportHours, exportSummary } from './documents';
import { classFigures, closeChecklist } from './figures';

export const closingHandlers = {
  'closing.check': (core, { classId }) => closeChecklist(core, classId),
  'closing.figures': (core, { classId }) => classFigures(core, classId),
  'closing.summary': (core, { classId, grant }, job) => exportSummary(core, classId, grant, job),
  'closing.hours': (core, { classId, grant }, job) => exportHours(core, classId, grant, job),
  'closing.certificates': (core, { classId, grant }, job) => exportCertificates(core, classId, grant, job),
} satisfies Handlers;
