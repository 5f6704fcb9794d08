import type { Handlers } from '../router';
import { exportProblems } from './problem-list';

export const documentsHandlers = {
  'documents.exportProblems': (core, input, job) => exportProblems(core, input, job),
} satisfies Handlers;
