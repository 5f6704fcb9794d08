import type { Handlers } from '../router';
import { exportAudit, listAudit } from './log';

export const auditHandlers = {
  'audit.list': (core, query) => listAudit(core, query),
  'audit.export': (core, input, job) => exportAudit(core, input, job),
} satisfies Handlers;
