import type { Handlers } from '../router';
import { workbenchOverview } from './overview';

export const workbenchHandlers = {
  'workbench.overview': (core, input) => workbenchOverview(core, input),
} satisfies Handlers;
