import { describe, expect, it } from 'vitest';
import type { Channel } from '../../shared/contract';
import { confirmQuit, type QuitAnswer } from './quit';

// A host with `jobs` under way that finish when `finish` is called.
const hostWith = (jobs: Channel[]) => {
  let running = [...jobs];
  const waiting: (() => void)[] = [];
  return {
    running: () => running,
    whenIdle: (ms: number) =>
      new Promise<boolean>((resolve) => {
        if (running.length === 0) return resolve(true);
        waiting.push(() => resolve(true));
        setTimeout(() => resolve(false), ms);
      }),
    finish: () => {
      running = [];
      for (const done of waiting) done();
    },
  };
};

describe('quitting', () => {
  it('quits at once when nothing is under way, without asking', async () => {
    const asked: number[] = [];
    expect(await confirmQuit(hostWith([]), async (jobs) => (asked.push(jobs), 'stay'))).toBe(true);
    expect(asked).toEqual([]);
  });

  it('asks when a job is under way, and stays, stops it, or lets it finish first', async () => {
    const answer = (value: QuitAnswer) => async () => value;
    expect(await confirmQuit(hostWith(['roster.importCommit']), answer('stay'))).toBe(false);
    expect(await confirmQuit(hostWith(['backup.create', 'roster.export']), answer('stop'))).toBe(true);

    const host = hostWith(['roster.importCommit']);
    let quit = false;
    const waiting = confirmQuit(host, answer('wait')).then((go) => (quit = go));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(quit).toBe(false);
    host.finish();
    await waiting;
    expect(quit).toBe(true);
  });

  it('does not wait for ever: past its patience it quits anyway', async () => {
    expect(await confirmQuit(hostWith(['check.run']), async () => 'wait', 20)).toBe(true);
  });
});
