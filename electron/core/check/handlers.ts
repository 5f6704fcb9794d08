import type { Handlers } from '../router';
import { checkData } from './service';

export const checkHandlers = {
  'check.run': (core, _input, job) => checkData(core, job),
} satisfies Handlers;
