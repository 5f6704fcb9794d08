// The core host in the bench: main's event loop while heavy jobs run in the worker, and what the
// worker costs each job compared with running it in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Channel } from '../shared/contract';
import type { Result } from '../shared/result';
import { chromiumPlatform } from '../electron/cli/chromium-platform';
import { spawnDevWorker } from '../electron/core/host/dev-worker';
import { startCoreHost } from '../electron/core/host/host';
import { openCore } from '../electron/core/open';
import { storeFile } from '../electron/core/files/store';
import { value } from '../electron/core/testing/expect-result';
import { standardRoster } from '../electron/core/testing/roster-files';

export type Figure = { what: string; ms: number; target?: number; unit?: 'ms' | '%' };

type Call = <C extends Channel>(channel: C, input: unknown) => Promise<Result<unknown>>;

// A data folder as a school's after a few years: two classes, and 300 stored files (reports) of 40 KB.
const seed = async (dir: string) => {
  const opened = openCore({ dataDir: dir });
  for (const name of ['2019年市管干部培训班', '2019年青年干部培训班'])
    value(
      await opened.router.call('classes.create', { category: '主体班', name, startDate: '2019-06-03', endDate: '2019-06-14' }),
    );
  opened.core.db.transaction(() => {
    for (let i = 0; i < 300; i += 1) storeFile(opened.core, Buffer.alloc(40_000, i % 251), `调研报告${i}.docx`);
  })();
  opened.close();
};

// The same four jobs, through whichever door: a 10,000-row import (preview and commit), its export,
// a backup and the data check. Returns each job's time.
const jobs = async (
  call: Call,
  grant: (purpose: 'rosterImport' | 'export', path: string) => Promise<string>,
  file: string,
  out: string,
  classId: number,
) => {
  const times: Record<string, number> = {};
  const timed = async (what: string, run: () => Promise<Result<unknown>>) => {
    const start = performance.now();
    const result = await run();
    if (!result.ok) throw new Error(`${what}: ${result.error.message}`);
    times[what] = performance.now() - start;
    return result.value;
  };
  const source = await grant('rosterImport', file);
  const preview = (await timed('import: preview', () =>
    call('roster.importPreview', { classId, grant: source, jobId: 'p' }),
  )) as {
    token: string;
  };
  await timed('import: commit', () => call('roster.importCommit', { classId, grant: source, token: preview.token, jobId: 'c' }));
  const target = await grant('export', out);
  await timed('export to .xlsx', () =>
    call('roster.export', { classId, document: 'roster', format: 'xlsx', grant: target, jobId: 'e' }),
  );
  await timed('backup', () => call('backup.create', { jobId: 'b' }));
  await timed('data check', () => call('check.run', { jobId: 'k' }));
  return times;
};

export const hostFigures = async (): Promise<Figure[]> => {
  const root = mkdtempSync(join(tmpdir(), 'cadre-bench-host-'));
  try {
    const file = standardRoster(root, 10_000, 'roster-10000.xlsx');
    // Each door first runs the jobs once on a smaller roster (into the other class), so that both are
    // measured warm: a worker starts with its code not yet optimised, as this process did once.
    const warmUp = standardRoster(root, 2_000, 'roster-2000.xlsx');
    const figures: Figure[] = [];

    // In this process, as the CLI runs the core.
    const inProcessDir = join(root, 'in-process');
    await seed(inProcessDir);
    const opened = openCore({ dataDir: inProcessDir });
    const localCall: Call = (channel, input) => opened.router.call(channel, input);
    const localGrant = async (purpose: 'rosterImport' | 'export', path: string) => opened.core.grants.issue(path, purpose);
    await jobs(localCall, localGrant, warmUp, join(root, 'warm.xlsx'), 2);
    const local = await jobs(localCall, localGrant, file, join(root, 'in-process.xlsx'), 1);
    opened.close();

    // Through the host: the worker owns the data folder; the dialogs answer from here, as main's do.
    const hostedDir = join(root, 'hosted');
    await seed(hostedDir);
    let nextChoice = '';
    const host = startCoreHost({
      spawn: spawnDevWorker({ dataDir: hostedDir }),
      platform: { ...chromiumPlatform(), chooseOpenFile: async () => nextChoice, chooseSaveFile: async () => nextChoice },
      emit: () => undefined,
    });
    const ready = await host.ready();
    if (!ready.ok) throw new Error(ready.error.message);
    const hostCall: Call = (channel, input) => host.call(channel, input);
    const hostGrant = async (purpose: 'rosterImport' | 'export', path: string) => {
      nextChoice = path;
      const chosen =
        purpose === 'export'
          ? await host.call('files.chooseSave', { purpose, defaultName: 'x.xlsx', format: 'xlsx' })
          : await host.call('files.chooseOpen', { purpose });
      if (!chosen.ok || !chosen.value.grant) throw new Error('no grant');
      return chosen.value.grant;
    };
    await jobs(hostCall, hostGrant, warmUp, join(root, 'warm-hosted.xlsx'), 2);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const hosted = await jobs(hostCall, hostGrant, file, join(root, 'hosted.xlsx'), 1);
    delay.disable();
    await host.close();

    figures.push(
      { what: 'main event loop while the four jobs ran in the worker: max delay', ms: delay.max / 1e6, target: 50 },
      { what: 'main event loop while the four jobs ran in the worker: p99 delay', ms: delay.percentile(99) / 1e6, target: 20 },
    );
    for (const [what, ms] of Object.entries(hosted)) {
      const inProcess = local[what] ?? ms;
      figures.push({ what: `${what} through the core host (in this process: ${inProcess.toFixed(0)} ms)`, ms });
    }
    const sum = (times: Record<string, number>) => Object.values(times).reduce((a, b) => a + b, 0);
    figures.push({
      what: 'the four jobs together: what the host adds to running them in this process',
      ms: ((sum(hosted) - sum(local)) / sum(local)) * 100,
      unit: '%',
      target: 10,
    });
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
};
