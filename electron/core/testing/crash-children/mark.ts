import type { CoreEvent, JobPhase } from '../../../../shared/events';

// What a crash child prints for the harness (crash-harness.ts). stdout to a pipe is synchronous on
// Linux and macOS: the line has left the process when write returns.
export const mark = () => process.stdout.write('mark\n');
export const done = () => process.stdout.write('done\n');

// An emit for openCore that marks at the first progress event of `phase` (at `at`, when given).
export const markAt = (phase: JobPhase, at?: number) => {
  let marked = false;
  return (event: CoreEvent): void => {
    if (marked || event.phase !== phase || (at !== undefined && event.done !== at)) return;
    marked = true;
    mark();
  };
};
