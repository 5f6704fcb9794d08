import type { Handlers } from '../router';
import { commandParts, exportAudit, listAudit } from './log';

export const auditHandlers = {
  'audit.list': (core, query) => listAudit(core, query),
  'audit.parts': (core, query) => commandParts(core, query),
  'audit.export': (core, input, job) => exportAudit(core, input, job),
} satisfies Handlers;
