import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent, JobPhase } from '../../../shared/events';
import { storeFile } from '../files/store';
import { failure, value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// A person pressing 取消 while a job is at a given phase: the test cancels the job when its first
// progress event of that phase arrives, as the progress bar's button would.
let t: TempCore;
let cancelAt: { jobId: string; phase: JobPhase } | undefined;
const seen: CoreEvent[] = [];
beforeEach(async () => {
  seen.length = 0;
  cancelAt = undefined;
  t = openTempCore({
    emit: (event) => {
      seen.push(event);
      if (cancelAt && event.jobId === cancelAt.jobId && event.phase === cancelAt.phase) t.core.jobs.cancel(event.jobId);
    },
  });
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

const classIdOf = async (search: string) => value(await t.router.call('classes.list', { search })).items[0]?.id ?? 0;
const filesIn = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const cancelledAt = (jobId: string, phase: JobPhase) => {
  cancelAt = { jobId, phase };
};
const reached = (jobId: string, phase: JobPhase) => seen.some((event) => event.jobId === jobId && event.phase === phase);

describe('a cancelled job leaves the data and the file system as they were', () => {
  it('an import, cancelled while it checks the rows, writes nothing', async () => {
    const classId = await classIdOf('市管');
    const grant = t.grant(standardRoster(t.dir, 3000, 'cancel.xlsx'), 'rosterImport');
    const before = snapshot(t.core.db);
    cancelledAt('import-1', 'check');
    failure(await t.router.call('roster.importCommit', { classId, grant, jobId: 'import-1' }), 'CANCELLED');
    expect(reached('import-1', 'check')).toBe(true);
    expect(reached('import-1', 'write')).toBe(false);
    expect(snapshot(t.core.db)).toBe(before);
    // And the same import, not cancelled, lands whole.
    expect(value(await t.router.call('roster.importCommit', { classId, grant, jobId: 'import-2' })).counts.added).toBe(3000);
  });

  it('an export, cancelled before it writes, leaves no file and no entry in the log', async () => {
    const classId = await classIdOf('年轻');
    const out = join(t.dir, 'exports');
    mkdirSync(out);
    const before = snapshot(t.core.db);
    for (const [jobId, phase, channel, input] of [
      ['roster-x', 'prepare', 'roster.export', { classId, document: 'roster', format: 'xlsx' }],
      ['signin-x', 'prepare', 'roster.export', { classId, document: 'signin', format: 'pdf', signinBy: 'session' }],
      ['schedule-x', 'prepare', 'schedule.export', { classId, format: 'docx' }],
      ['audit-x', 'write', 'audit.export', {}],
    ] as const) {
      cancelledAt(jobId, phase);
      const grant = t.grant(join(out, `${jobId}.out`), 'export');
      failure(await t.router.handle(channel, { ...input, grant, jobId }), 'CANCELLED');
      expect(reached(jobId, phase)).toBe(true);
    }
    expect(filesIn(out)).toEqual([]);
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('a backup, cancelled while it copies the stored files, leaves no backup and no half-made folder', async () => {
    t.core.db.transaction(() => {
      for (let i = 0; i < 60; i += 1) storeFile(t.core, Buffer.from(`调研报告 ${i}`), `报告${i}.docx`);
    })();
    const dir = join(t.dir, 'backups');
    const before = filesIn(dir);
    const settings = value(await t.router.call('settings.get', {}));
    cancelledAt('backup-1', 'files');
    failure(await t.router.call('backup.create', { jobId: 'backup-1' }), 'CANCELLED');
    expect(reached('backup-1', 'files')).toBe(true);
    expect(filesIn(dir)).toEqual(before);
    expect(value(await t.router.call('settings.get', {})).lastBackupAt).toBe(settings.lastBackupAt);
  });

  it('a restore, cancelled while it backs up what is there now, restores nothing and keeps no safety copy', async () => {
    const backup = value(await t.router.call('backup.create', {}));
    // Stored after the backup: files nothing refers to that a backup holds would go with it.
    t.core.db.transaction(() => {
      for (let i = 0; i < 60; i += 1) storeFile(t.core, Buffer.from(`材料 ${i}`), `材料${i}.pdf`);
    })();
    const classId = await classIdOf('青年');
    value(await t.router.call('classes.remove', { id: classId }));
    const before = snapshot(t.core.db);
    const folders = filesIn(join(t.dir, 'backups'));
    cancelledAt('restore-1', 'files');
    failure(await t.router.call('backup.restore', { backup: backup.name, jobId: 'restore-1' }), 'CANCELLED');
    expect(reached('restore-1', 'restore')).toBe(false);
    expect(snapshot(t.core.db)).toBe(before);
    expect(filesIn(join(t.dir, 'backups'))).toEqual(folders);
  });

  it('a schedule import, cancelled as it reads the file, adds no session', async () => {
    const young = await classIdOf('年轻');
    const exported = join(t.dir, '课程安排表.xlsx');
    value(await t.router.call('schedule.export', { classId: young, format: 'xlsx', grant: t.grant(exported, 'export') }));
    const target = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2020年年轻干部培训班',
        startDate: '2020-09-09',
        endDate: '2020-09-20',
      }),
    );
    const grant = t.grant(exported, 'scheduleImport');
    const preview = value(await t.router.call('schedule.importPreview', { classId: target.id, grant }));
    // The same file, copied elsewhere since the preview: the commit must read it again (the copy may
    // not be the file previewed), and is cancelled then.
    const copied = join(t.dir, '课程安排表（副本）.xlsx');
    copyFileSync(exported, copied);
    const before = snapshot(t.core.db);
    cancelledAt('schedule-1', 'read');
    const result = await t.router.call('schedule.importCommit', {
      classId: target.id,
      grant: t.grant(copied, 'scheduleImport'),
      token: preview.token,
      jobId: 'schedule-1',
    });
    failure(result, 'CANCELLED');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('the data check, cancelled while it hashes the stored files, answers CANCELLED', async () => {
    // The sample's own report files, and thirty more.
    const sampleFiles = t.core.db.prepare('SELECT count(*) FROM stored_files').pluck().get() as number;
    t.core.db.transaction(() => {
      for (let i = 0; i < 30; i += 1) storeFile(t.core, Buffer.from(`文件 ${i}`), `文件${i}.txt`);
    })();
    cancelledAt('check-1', 'hash');
    failure(await t.router.call('check.run', { jobId: 'check-1' }), 'CANCELLED');
    const done = seen.filter((event) => event.jobId === 'check-1' && event.phase === 'hash');
    expect(done).toHaveLength(1);
    expect(value(await t.router.call('check.run', { jobId: 'check-2' })).files.checked).toBe(sampleFiles + 30);
    // Cancelling a job that has finished (or never was) says so.
    expect(value(await t.router.call('jobs.cancel', { jobId: 'check-2' }))).toEqual({ cancelled: false });
  });
});
