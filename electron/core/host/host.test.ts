import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { databaseFileName } from '../db/file-name';
import type { Platform, RecoveryChoice } from '../platform';
import { failure, value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { makeTempDir } from '../testing/temp-core';
import { spawnDevWorker } from './dev-worker';
import { type CoreHost, startCoreHost } from './host';
import type { WorkerSetup } from './protocol';

const temp = makeTempDir('cadre-host-');
afterAll(() => temp.remove());

let folders = 0;
const freshFolder = () => {
  folders += 1;
  return join(temp.dir, `data-${folders}`);
};

type Started = { host: CoreHost; events: CoreEvent[]; worker: () => Worker; dataDir: string };

// The host as the app starts it, with the worker running the sources; `platform` stands in for main.
const startHost = (platform: Partial<Platform> = {}, setup: Partial<WorkerSetup> = {}): Started => {
  const dataDir = setup.dataDir ?? freshFolder();
  const events: CoreEvent[] = [];
  let current: Worker | undefined;
  const spawn = spawnDevWorker({ dataDir, ...setup });
  const host = startCoreHost({
    spawn: () => {
      current = spawn();
      return current;
    },
    platform: { ...chromiumPlatform(), ...platform },
    emit: (event) => events.push(event),
  });
  return {
    host,
    events,
    dataDir,
    worker: () => {
      if (!current) throw new Error('no worker yet');
      return current;
    },
  };
};

const countRows = (dataDir: string, table: string) => {
  const db = new Database(join(dataDir, databaseFileName), { readonly: true });
  try {
    return Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  } finally {
    db.close();
  }
};

describe('the core host', { timeout: 60_000 }, () => {
  it('answers calls from its worker, relays progress, and sends platform calls back to main', async () => {
    const roster = standardRoster(temp.dir, 50, 'host-50.xlsx');
    const dialogs: string[] = [];
    const { host, events, worker } = startHost({
      chooseOpenFile: async ({ title }) => {
        dialogs.push(title);
        return roster;
      },
    });
    value(await host.ready());
    expect(worker().threadId).toBeGreaterThan(0);
    expect(value(await host.call('app.loadSample', {}))).toEqual({ classes: 3 });
    const classId = value(await host.call('classes.list', { search: '市管' })).items[0]?.id ?? 0;

    // The dialog ran where the windows are; the page gets a grant and the file's name, not its path.
    const chosen = value(await host.call('files.chooseOpen', { purpose: 'rosterImport' }));
    expect(dialogs).toEqual(['选择名册文件']);
    expect(chosen.name).toBe('host-50.xlsx');
    expect(JSON.stringify(chosen)).not.toContain(temp.dir);
    const grant = chosen.grant ?? '';

    const preview = value(await host.call('roster.importPreview', { classId, grant, jobId: 'preview-1' }));
    expect(preview.counts.added).toBe(50);
    const done = value(await host.call('roster.importCommit', { classId, grant, token: preview.token, jobId: 'commit-1' }));
    expect(done.counts.added).toBe(50);
    expect(events.filter((e) => e.jobId === 'preview-1').map((e) => e.phase)).toContain('check');
    expect(events.some((e) => e.jobId === 'commit-1' && e.phase === 'write')).toBe(true);

    // The untyped door refuses a raw path before anything runs, and a grant used for another purpose.
    const raw = failure(await host.handle('roster.importPreview', { classId, grant: roster }), 'INVALID_INPUT');
    expect(raw.details?.issues?.[0]).toMatchObject({ field: 'grant', code: 'raw_path' });
    const wrong = failure(
      await host.call('roster.export', { classId, document: 'roster', format: 'xlsx', grant }),
      'INVALID_INPUT',
    );
    expect(wrong.details?.issues?.[0]?.code).toBe('grant_purpose');
    await host.close();
  });

  it('answers a call whose worker is killed mid-write with a clear error, restarts, and the data is intact', async () => {
    const roster = standardRoster(temp.dir, 10_000, 'host-10000.xlsx');
    const { host, events, worker, dataDir } = startHost({ chooseOpenFile: async () => roster });
    value(await host.ready());
    const classId = value(
      await host.call('classes.create', {
        category: '主体班',
        name: '2019年市管干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-14',
      }),
    ).id;
    const grant = value(await host.call('files.chooseOpen', { purpose: 'rosterImport' })).grant ?? '';
    const preview = value(await host.call('roster.importPreview', { classId, grant }));
    const first = worker();

    // Killed at the first progress of the write: 1,000 of 10,000 rows into the one transaction.
    let killedAt: CoreEvent | undefined;
    const writing = new Promise<void>((resolve) => {
      const watch = setInterval(() => {
        // (The write's 0 is said just before the transaction; 1,000 is inside it.)
        const event = events.find((e) => e.jobId === 'doomed' && e.phase === 'write' && e.done > 0);
        if (!event) return;
        clearInterval(watch);
        killedAt = event;
        void first.terminate().then(() => resolve());
      }, 1);
    });
    const answer = await host.call('roster.importCommit', { classId, grant, token: preview.token, jobId: 'doomed' });
    await writing;
    expect(killedAt?.done).toBeGreaterThan(0);
    expect(killedAt?.done).toBeLessThan(10_000);
    const error = failure(answer, 'HOST_FAILED');
    expect(error.message).toContain('后台处理程序意外停止');

    // A new worker, not the old one; the grants of the old run are gone, the data is whole.
    value(await host.ready());
    expect(host.restarts()).toBe(1);
    expect(worker()).not.toBe(first);
    expect(value(await host.call('roster.list', { classId })).items).toHaveLength(0);
    expect(failure(await host.call('roster.importPreview', { classId, grant }), 'INVALID_INPUT').details?.issues?.[0]?.code).toBe(
      'grant_unknown',
    );
    const report = value(await host.call('check.run', {}));
    expect(report.ok).toBe(true);
    await host.close();
    expect(countRows(dataDir, 'enrolments')).toBe(0);
    console.log(`host kill: worker terminated at ${killedAt?.done ?? 0} of 10,000 rows written; answer ${error.code}`);
  });

  it('answers a platform call that main never answers, after its time, with a clear error', async () => {
    const { host } = startHost(
      { chooseSaveFile: () => new Promise<string | undefined>(() => undefined) },
      { platformTimeouts: { chooseSaveFile: 300 } },
    );
    value(await host.ready());
    const error = failure(
      await host.call('files.chooseSave', { purpose: 'export', defaultName: '名册.xlsx', format: 'xlsx' }),
      'INVALID_STATE',
    );
    expect(error.message).toContain('系统没有及时响应');
    // The worker is unharmed.
    expect(value(await host.call('classes.years', {}))).toEqual([]);
    await host.close();
  });

  it('answers every call with the reason when the data folder cannot be opened, and does not restart', async () => {
    // A database written by a newer version of the program.
    const dataDir = freshFolder();
    mkdirSync(dataDir, { recursive: true });
    const newer = new Database(join(dataDir, databaseFileName));
    newer.pragma('user_version = 99');
    newer.close();
    const { host } = startHost({}, { dataDir });
    const ready = await host.ready();
    expect(ready.ok).toBe(false);
    failure(await host.call('classes.list', {}), 'DATABASE_TOO_NEW');
    expect(host.restarts()).toBe(0);
    await host.close();
  });

  it('on close, stops a running job (nothing of it left) and closes the database', async () => {
    const roster = standardRoster(temp.dir, 10_000, 'host-close.xlsx');
    const { host, events, dataDir } = startHost({ chooseOpenFile: async () => roster });
    value(await host.ready());
    const classId = value(
      await host.call('classes.create', {
        category: '主体班',
        name: '2019年市管干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-14',
      }),
    ).id;
    const grant = value(await host.call('files.chooseOpen', { purpose: 'rosterImport' })).grant ?? '';
    const running = host.call('roster.importPreview', { classId, grant, jobId: 'closing' });
    while (!events.some((e) => e.jobId === 'closing' && e.phase === 'check')) await new Promise((r) => setTimeout(r, 5));
    await host.close();
    failure(await running, 'CANCELLED');
    // Closed cleanly: no write-ahead log left to fold in.
    expect(existsSync(join(dataDir, `${databaseFileName}-wal`))).toBe(false);
    failure(await host.call('classes.list', {}), 'HOST_FAILED');
  });

  it('knows the jobs under way, so that quitting can wait for them: the import finishes, then it is idle', async () => {
    const roster = standardRoster(temp.dir, 3_000, 'host-idle.xlsx');
    const { host, events } = startHost({ chooseOpenFile: async () => roster });
    value(await host.ready());
    const classId = value(
      await host.call('classes.create', {
        category: '主体班',
        name: '2019年市管干部培训班',
        startDate: '2019-06-03',
        endDate: '2019-06-14',
      }),
    ).id;
    expect(host.running()).toEqual([]);
    expect(await host.whenIdle(10)).toBe(true);
    const grant = value(await host.call('files.chooseOpen', { purpose: 'rosterImport' })).grant ?? '';
    const importing = host.call('roster.importCommit', { classId, grant, jobId: 'quitting' });
    while (!events.some((e) => e.jobId === 'quitting')) await new Promise((r) => setTimeout(r, 5));
    // Under way: listed, and not idle within a moment (queries do not count as jobs).
    expect(host.running()).toEqual(['roster.importCommit']);
    const [listed, soon] = await Promise.all([host.call('classes.list', {}), host.whenIdle(1)]);
    value(listed);
    expect(soon).toBe(false);
    // Waited for, it finishes whole.
    expect(await host.whenIdle(60_000)).toBe(true);
    expect(value(await importing).counts.added).toBe(3_000);
    expect(host.running()).toEqual([]);
    await host.close();
  });

  it('recovers a damaged database through the platform: the person chooses the newest backup', async () => {
    const dataDir = freshFolder();
    const seeded = startHost({}, { dataDir });
    value(await seeded.host.call('app.loadSample', {}));
    const backup = value(await seeded.host.call('backup.create', {}));
    await seeded.host.close();
    const file = join(dataDir, databaseFileName);
    const bytes = readFileSync(file);
    bytes.fill(0xa5, 4096 * 3, 4096 * 5);
    writeFileSync(file, bytes);

    const asked: { latest: string | undefined; choice: RecoveryChoice }[] = [];
    const { host } = startHost(
      {
        confirmRecovery: async ({ latest }) => {
          asked.push({ latest: latest?.name, choice: 'restore' });
          return 'restore';
        },
      },
      { dataDir },
    );
    value(await host.ready());
    expect(asked).toEqual([{ latest: backup.name, choice: 'restore' }]);
    expect(value(await host.call('classes.list', {})).items).toHaveLength(3);
    expect(readdirSync(dataDir).some((name) => name.startsWith('damaged-'))).toBe(true);
    await host.close();
  });
});
