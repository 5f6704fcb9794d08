import type { Handlers } from '../router';
import { classFigures, closeChecklist } from './figures';

export const closingHandlers = {
  'closing.check': (core, { classId }) => closeChecklist(core, classId),
  'closing.figures': (core, { classId }) => classFigures(core, classId),
} satisfies Handlers;
