import type { JobPhase } from '../../../shared/events';
import type { Core } from '../context';
import { closeCommand, lastLogLine } from '../db/audit-record';
import { getSettings } from '../settings/service';
import { cancelled } from './cancelled';

// Long work reports where it is, lets the event loop breathe (so that progress is sent and a cancel
// request is heard), and stops at its next safe point when asked to. Jobs are the router's third
// kind of channel, beside queries and commands.
export type Job = {
  progress: (phase: JobPhase, done: number, total: number) => void;
  // Yields to the event loop; throws CANCELLED when the job has been asked to stop.
  pause: () => Promise<void>;
  // Throws CANCELLED when the job has been asked to stop: call before anything that cannot be undone.
  checkpoint: () => void;
  signal: AbortSignal;
  // The core's one write path: an IMMEDIATE transaction (the write lock taken up front, so the CLI
  // beside the app waits rather than failing midway) during which the audit triggers know the channel.
  transaction: <T>(write: () => T) => T;
};

export const writeTransaction = <T>(core: Core, channel: string, write: () => T): T => {
  const outer = { channel: core.audit.channel, at: core.audit.at };
  core.audit.channel = channel;
  // One time for the whole transaction: every line it writes to the log says when it happened.
  core.audit.at = outer.at ?? core.audit.now();
  try {
    // The outermost transaction is the command: the lines it writes to the log are kept as one.
    if (outer.at !== undefined) return core.db.transaction(write).immediate();
    return core.db
      .transaction(() => {
        const before = lastLogLine(core);
        const result = write();
        // The operator's name as it stands when the command ends (it may be what the command set).
        closeCommand(core, before, getSettings(core).operatorName);
        return result;
      })
      .immediate();
  } finally {
    core.audit.channel = outer.channel;
    core.audit.at = outer.at;
  }
};

export const startJob = (core: Core, channel: string, jobId: string | undefined, signal: AbortSignal): Job => {
  const checkpoint = () => {
    if (signal.aborted) throw cancelled();
  };
  return {
    progress: (phase, done, total) => {
      if (jobId) core.emit({ type: 'job.progress', jobId, phase, done, total });
    },
    pause: () =>
      new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        checkpoint();
      }),
    checkpoint,
    signal,
    transaction: (write) => writeTransaction(core, channel, write),
  };
};

// Runs `step` over `items` in slices, reporting progress (and hearing a cancel) between them.
export const inSlices = async <T>(
  job: Job,
  phase: JobPhase,
  items: readonly T[],
  step: (item: T, index: number) => void,
  slice = 500,
): Promise<void> => {
  for (let start = 0; start < items.length; start += slice) {
    const end = Math.min(items.length, start + slice);
    for (let i = start; i < end; i += 1) step(items[i] as T, i);
    job.progress(phase, end, items.length);
    await job.pause();
  }
};
