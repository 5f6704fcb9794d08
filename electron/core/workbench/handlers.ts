import type { Handlers } from '../router';
import { exportYear, figureList } from './figure-lists';
import { workbenchConflicts, workbenchOverview } from './overview';

export const workbenchHandlers = {
  'workbench.overview': (core, input) => workbenchOverview(core, input),
  'workbench.conflicts': (core, input) => workbenchConflicts(core, input),
  'workbench.figureList': (core, { year, figure }) => figureList(core, year, figure),
  'workbench.export': (core, { year, grant }, job) => exportYear(core, year, grant, job),
} satisfies Handlers;
