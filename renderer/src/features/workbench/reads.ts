import { api } from '../../api';
import type { Read } from '../../app/use-query';

// What the workbench reads, apart from its page's code: the shell starts these when the window
// opens on it, before the page's chunk has arrived.
export const workbenchReads = {
  // No year: the core answers for the current one.
  overview: (year: number | undefined) =>
    ({
      key: `workbench:${year ?? ''}`,
      load: () => api.workbench.overview(year === undefined ? {} : { year }),
    }) satisfies Read<unknown>,
  conflicts: { key: 'workbench-conflicts', load: () => api.workbench.conflicts({}) } satisfies Read<unknown>,
};

// Started with the page's code when the window opens on the workbench (pages.tsx). Not the
// conflicts: weighing every class's schedule against every other's can take seconds, so they are
// asked for once the figures are drawn, as before.
export const workbenchFirstReads = () => [workbenchReads.overview(undefined)];
