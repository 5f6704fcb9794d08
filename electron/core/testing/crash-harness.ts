import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

// Crash drills: an operation runs in a child process, which prints "mark" just before it starts
// writing (its write transaction, its renames), and "done" when it has finished. The child is killed
// with SIGKILL (no cleanup, like a power cut) at a random delay after its mark: trials alternate
// between a delay inside the window a first, unkilled run measured from mark to done and one beyond
// it, so that kills land both inside the write and after it. A loaded machine writes more slowly than
// the unkilled run did: a kill that still landed inside the write stretches the window to beyond its
// delay, so the "after" trials keep moving out until they land after the write. `verify` then says what the data folder holds — one of the
// named outcomes, or it throws. Trials go on (at least `minTrials`) until every outcome has occurred
// at least twice and at least two kills have landed inside the write, up to a bound: a drill that
// cannot reach both endings, or never kills mid-write, fails rather than passing without testing.

export type Outcome = string;

export type CrashDrill<O extends Outcome> = {
  label: string;
  // A script under crash-children/, run with tsx.
  child: string;
  args: (trial: number) => string[];
  prepare: (trial: number) => void;
  verify: (trial: number) => O | Promise<O>;
  // Every one of these must occur at least `each` times among the killed trials.
  outcomes: readonly O[];
  each?: number;
  minTrials?: number;
  maxTrials: number;
  seed?: number;
};

export type CrashTrial = {
  trial: number;
  killAfterMs: number;
  // Killed after its mark and before it said done: the kill landed inside the write.
  inside: boolean;
  outcome: Outcome;
};

export type CrashReport = { windowMs: number; trials: CrashTrial[]; counts: Map<Outcome, number>; summary: string };

const root = resolve(import.meta.dirname, '../../..');

type Run = { marked: boolean; done: boolean; windowMs: number; output: string };

// Runs the child; kills it `killAfterMs` after its mark (never, when undefined).
const runChild = (child: string, args: string[], killAfterMs: number | undefined): Promise<Run> =>
  new Promise((finish, fail) => {
    const running = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'crash-children', child), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let markedAt: number | undefined;
    let doneAt: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    running.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (markedAt === undefined && /^mark$/m.test(output)) {
        markedAt = performance.now();
        if (killAfterMs !== undefined) timer = setTimeout(() => running.kill('SIGKILL'), killAfterMs);
      }
      if (doneAt === undefined && /^done$/m.test(output)) doneAt = performance.now();
    });
    running.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    running.on('error', fail);
    running.on('exit', () => {
      if (timer) clearTimeout(timer);
      finish({
        marked: markedAt !== undefined,
        done: doneAt !== undefined,
        windowMs: markedAt !== undefined && doneAt !== undefined ? doneAt - markedAt : 0,
        output,
      });
    });
  });

// A seeded generator: a failing drill can be run again with the seed it printed.
const generator = (seed: number) => {
  let state = seed % 2 ** 31 || 1;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
};

export const runCrashDrill = async <O extends Outcome>(drill: CrashDrill<O>): Promise<CrashReport> => {
  const each = drill.each ?? 2;
  const seed = drill.seed ?? Number(process.env['CADRE_CRASH_SEED'] ?? Date.now() % 1_000_000);
  const random = generator(seed);
  // The unkilled run: how long the write takes here, now; and it must end whole.
  drill.prepare(0);
  const calibration = await runChild(drill.child, drill.args(0), undefined);
  if (!calibration.marked || !calibration.done)
    throw new Error(`${drill.label}: the unkilled run did not mark and finish:\n${calibration.output}`);
  await drill.verify(0);
  let windowMs = Math.max(1, calibration.windowMs);
  let longestKillMs = 0;
  const trials: CrashTrial[] = [];
  const counts = new Map<Outcome, number>(drill.outcomes.map((outcome) => [outcome, 0]));
  const enough = () =>
    trials.length >= (drill.minTrials ?? 6) &&
    trials.filter((trial) => trial.inside).length >= each &&
    drill.outcomes.every((outcome) => (counts.get(outcome) ?? 0) >= each);
  for (let trial = 1; trial <= drill.maxTrials && !enough(); trial += 1) {
    drill.prepare(trial);
    const beyond = trial % 2 === 0;
    const killAfterMs = Math.round(beyond ? windowMs * (1 + random()) : random() * windowMs);
    longestKillMs = Math.max(longestKillMs, killAfterMs);
    const run = await runChild(drill.child, drill.args(trial), killAfterMs);
    if (!run.marked) throw new Error(`${drill.label}, trial ${trial}: the child never reached its mark:\n${run.output}`);
    if (!run.done) windowMs = Math.max(windowMs, killAfterMs * 1.25);
    const outcome = await drill.verify(trial);
    if (!drill.outcomes.includes(outcome)) throw new Error(`${drill.label}, trial ${trial}: unexpected outcome ${outcome}`);
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    trials.push({ trial, killAfterMs, inside: !run.done, outcome });
  }
  const inside = trials.filter((trial) => trial.inside).length;
  const summary =
    `${drill.label}: ${trials.length} killed trials (seed ${seed}; write window ${Math.round(calibration.windowMs)} ms ` +
    `unkilled, ${Math.round(windowMs)} ms at the end; kills 0–${longestKillMs} ms after the mark), ${inside} inside the write, ${trials.length - inside} after it; ` +
    `outcomes: ${[...counts].map(([outcome, n]) => `${outcome} × ${n}`).join(', ')}`;
  if (!enough())
    throw new Error(`${summary} — not every outcome (and not ${each} kills inside the write) within ${drill.maxTrials} trials`);
  return { windowMs, trials, counts, summary };
};
