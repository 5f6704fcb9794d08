import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// Runs an operation in a child process and kills it (SIGKILL: no cleanup, like a power cut) at a
// random moment after it says it has started, many times; `verify` then checks what is on disk.
// Any feature that writes data or files uses this to prove it never leaves a half-done state.

export type Trial = { index: number; killAfterMs: number; finished: boolean; verdict: string };

export type KillTrials = {
  trials: number;
  // A script under crash-children/, run with tsx; it prints "ready" when the operation begins and
  // "done" when it has finished.
  child: string;
  args: (index: number) => string[];
  killAfterMs: (index: number) => number;
  prepare?: (index: number) => void;
  verify: (index: number, finished: boolean) => string | Promise<string>;
};

const root = resolve(import.meta.dirname, '../../..');

const runOne = (child: string, args: string[], killAfterMs: number): Promise<{ finished: boolean; output: string }> =>
  new Promise((done, fail) => {
    const process_ = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, 'crash-children', child), ...args],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let timer: NodeJS.Timeout | undefined;
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (timer === undefined && output.includes('ready')) timer = setTimeout(() => process_.kill('SIGKILL'), killAfterMs);
    });
    process_.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    process_.on('error', fail);
    process_.on('exit', () => {
      if (timer) clearTimeout(timer);
      done({ finished: output.includes('done'), output });
    });
  });

export const runKillTrials = async (options: KillTrials): Promise<Trial[]> => {
  const results: Trial[] = [];
  for (let index = 0; index < options.trials; index += 1) {
    options.prepare?.(index);
    const killAfterMs = options.killAfterMs(index);
    const { finished, output } = await runOne(options.child, options.args(index), killAfterMs);
    if (!output.includes('ready')) throw new Error(`trial ${index}: the child never started:\n${output}`);
    results.push({ index, killAfterMs, finished, verdict: await options.verify(index, finished) });
  }
  return results;
};

// Spreads kill moments evenly over a window, shuffled by a fixed seed: every run covers the whole
// operation (start, middle, commit, after) and a failure can be reproduced.
export const killMoments = (trials: number, windowMs: number, seed = 7) => {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
  return Array.from({ length: trials }, (_, i) => Math.round(((i + next()) / trials) * windowMs));
};

export const summarise = (label: string, trials: readonly Trial[]) => {
  const verdicts = new Map<string, number>();
  for (const trial of trials) verdicts.set(trial.verdict, (verdicts.get(trial.verdict) ?? 0) + 1);
  const killed = trials.filter((trial) => !trial.finished).length;
  return `${label}: ${trials.length} trials, ${killed} killed mid-way, ${trials.length - killed} finished first; outcomes: ${[...verdicts].map(([verdict, n]) => `${verdict} × ${n}`).join(', ')}`;
};
