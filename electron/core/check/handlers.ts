import type { Handlers } from '../router';
import { checkData, cleanData } from './service';

export const checkHandlers = {
  'check.run': (core, _input, job) => checkData(core, job),
  'check.clean': (core, _input, job) => cleanData(core, job),
} satisfies Handlers;
