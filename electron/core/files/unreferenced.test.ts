import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { value } from '../testing/expect-result';
import { reportText } from '../testing/report-files';
import { openTempCore, type TempCore } from '../testing/temp-core';
import { sha256Of, storedPath } from './store';

// A deleted class's reports, a replaced reflection: stored files nothing refers to any more. They go
// once a backup made after they were let go holds them, and never while anything refers to them.

let t: TempCore;
let clock = new Date('2026-11-25T08:00:00Z');
let village = 0;
// The sample's own reports: stored, and referenced throughout.
let sampleFiles: string[] = [];
beforeEach(async () => {
  clock = new Date('2026-11-25T08:00:00Z');
  t = openTempCore({ now: () => clock });
  value(await t.router.call('app.loadSample', {}));
  sampleFiles = rows();
  village =
    value(await t.router.call('sites.tree', { search: '朝阳村' }))
      .bases.flatMap((b) => b.points)
      .find((p) => p.kind === '村')?.id ?? 0;
});
afterEach(() => t.dispose());

const later = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

// A class with a trainee per report, each report handed in as a text file with the given words.
const classWithReports = async (name: string, reports: Record<string, string>) => {
  const classId = value(
    await t.router.call('classes.create', { category: '主体班', name, startDate: '2019-09-10', endDate: '2019-09-14' }),
  ).id;
  const folder = join(t.dir, `in-${classId}`);
  mkdirSync(folder);
  for (const [person, words] of Object.entries(reports)) {
    value(await t.router.call('roster.add', { classId, trainee: { name: person, sex: 'male' }, enrolment: {} }));
    writeFileSync(join(folder, `${person}-调研报告.txt`), reportText(`关于${words}的调研报告`, words).join('\n'));
  }
  const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(folder, 'reportFolder'), grants: [] }));
  expect(staged.files.map((file) => file.problem)).toEqual(Object.keys(reports).map(() => null));
  value(
    await t.router.call('reports.commit', {
      classId,
      token: staged.token,
      items: staged.files.map(({ key, enrolmentIds, title }) => ({ key, enrolmentIds, title })),
    }),
  );
  const hashes = Object.fromEntries(
    Object.entries(reports).map(([person, words]) => [
      person,
      sha256Of(Buffer.from(reportText(`关于${words}的调研报告`, words).join('\n'))),
    ]),
  );
  return { classId, hashes };
};

const onDisk = (sha256: string) => existsSync(storedPath(t.dir, sha256));
const rows = () => t.core.db.prepare<[], string>('SELECT sha256 FROM stored_files ORDER BY sha256').pluck().all();
const check = async () => value(await t.router.call('check.run', {}));

// Two classes, one about to be deleted; a report both hand in word for word (one file, two
// references), and a reflection kept with the other class's stay in the village.
const twoClasses = async () => {
  const gone = await classWithReports('2019年市管干部培训班', { 甲一: '梅花鹿养殖', 甲二: '有机水稻', 甲三: '共同的题目' });
  const kept = await classWithReports('2019年青年干部培训班', { 乙一: '乡村治理', 乙三: '共同的题目' });
  expect(kept.hashes['乙三']).toBe(gone.hashes['甲三']);
  const stay = value(
    await t.router.call('lodging.saveStay', {
      classId: kept.classId,
      fields: { siteId: village, arrive: '2019-09-11', depart: '2019-09-13', groups: [] },
    }),
  );
  const participant = value(await t.router.call('lodging.participants', { stayId: stay.id }))[0];
  const note = join(t.dir, '心得体会.txt');
  writeFileSync(note, '在朝阳村的三天，同吃同住同劳动。');
  value(
    await t.router.call('lodging.attachReflection', {
      stayId: stay.id,
      enrolmentId: participant?.enrolmentId ?? 0,
      grant: t.grant(note, 'attachment'),
    }),
  );
  const reflection = sha256Of(readFileSync(note));
  const letGo = [gone.hashes['甲一'] ?? '', gone.hashes['甲二'] ?? ''].sort();
  const referenced = [kept.hashes['乙一'] ?? '', kept.hashes['乙三'] ?? '', reflection, ...sampleFiles].sort();
  return { gone, kept, letGo, referenced };
};

describe('stored files nothing refers to', () => {
  it('go after the next backup, not before; the earlier backup gives them back; referenced ones stay', async () => {
    const { gone, letGo, referenced } = await twoClasses();
    expect(rows()).toEqual([...letGo, ...referenced].sort());
    later(60);
    const earlier = value(await t.router.call('backup.create', {}));
    // Nothing goes while the class is there.
    expect((await check()).files.unreferenced).toEqual([]);

    later(60);
    value(await t.router.call('classes.remove', { id: gone.classId }));
    const report = await check();
    expect(report.ok).toBe(true);
    expect(report.files.unreferenced).toEqual(letGo);
    // 清理 before a backup has held them as let go (the newest one still refers to them): they stay.
    expect(value(await t.router.call('check.clean', {}))).toEqual({ removed: 0, bytes: 0, waiting: 2, strays: 0 });
    for (const sha256 of [...letGo, ...referenced]) expect(onDisk(sha256), sha256).toBe(true);

    // The next backup holds them, and they go: the files and their rows, logged; the rest stays.
    later(60);
    const next = value(await t.router.call('backup.create', {}));
    for (const sha256 of letGo) {
      expect(onDisk(sha256), sha256).toBe(false);
      expect(existsSync(storedPath(next.path, sha256)), sha256).toBe(true);
    }
    for (const sha256 of referenced) expect(onDisk(sha256), sha256).toBe(true);
    expect(rows()).toEqual(referenced);
    const after = await check();
    expect(after.ok).toBe(true);
    expect(after.files).toMatchObject({ missing: [], mismatched: [], orphans: [], leftovers: [], unreferenced: [] });
    const logged = t.core.db
      .prepare<[], string>(`SELECT summary FROM audit_log WHERE entity = 'data' AND action = 'delete'`)
      .pluck()
      .all();
    expect(logged).toEqual([
      expect.stringMatching(new RegExp(`^清理不再使用的存储文件 2 个（.* MB），备份“${next.name}”中存有它们$`)),
    ]);
    // A second backup finds nothing more to remove.
    later(60);
    value(await t.router.call('backup.create', {}));
    expect(rows()).toEqual(referenced);

    // The backup from before the class was deleted gives back the class, its reports and their files.
    later(60);
    value(await t.router.call('backup.restore', { backup: earlier.name }));
    for (const sha256 of [...letGo, ...referenced]) expect(onDisk(sha256), sha256).toBe(true);
    expect(rows()).toEqual([...letGo, ...referenced].sort());
    const restored = await check();
    expect(restored.ok).toBe(true);
    expect(restored.files.unreferenced).toEqual([]);
    const reports = value(await t.router.call('reports.list', { classId: gone.classId })).rows;
    expect(reports.map((row) => row.latest?.fileName).sort()).toEqual([
      '甲一-调研报告.txt',
      '甲三-调研报告.txt',
      '甲二-调研报告.txt',
    ]);
  }, 60_000);

  it('a backup to a folder chosen for once removes nothing; 清理 then does, once that folder holds them, with the strays of files/', async () => {
    const { gone, letGo, referenced } = await twoClasses();
    later(60);
    value(await t.router.call('classes.remove', { id: gone.classId }));
    // A backup written elsewhere (a USB stick): not where a restore looks, so nothing goes.
    // Outside the data folder, as a USB stick is (a backup folder may not lie inside it).
    const stick = `${t.dir}-stick`;
    mkdirSync(stick);
    onTestFinished(() => rmSync(stick, { recursive: true, force: true }));
    const elsewhere = value(await t.router.call('backup.create', { folder: t.grant(stick, 'backupFolder') }));
    for (const sha256 of letGo) expect(onDisk(sha256), sha256).toBe(true);
    // Strays: a file a crash stored without its row, a temporary file, a link among the buckets.
    const crashed = sha256Of(Buffer.from('一次没有提交的上传'));
    mkdirSync(join(t.dir, 'files', crashed.slice(0, 2)), { recursive: true });
    writeFileSync(storedPath(t.dir, crashed), '一次没有提交的上传');
    const bucket = (referenced[0] ?? '').slice(0, 2);
    writeFileSync(join(t.dir, 'files', bucket, '.cadre-0123456789abcdef.tmp'), 'half');
    const outside = join(t.dir, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'keep.txt'), 'not the store’s');
    // A link where a bucket of the store would be (a two-hex name no stored file uses here).
    const linked = ['ff', 'fe', 'fd', 'fc'].find((name) => !existsSync(join(t.dir, 'files', name))) ?? 'ff';
    symlinkSync(outside, join(t.dir, 'files', linked));
    // What is not named as the store names things is not the store's, and stays.
    mkdirSync(join(t.dir, 'files', '工作'));
    writeFileSync(join(t.dir, 'files', '工作', '总结.docx'), 'theirs');
    const report = await check();
    expect(report.files.orphans).toEqual([crashed]);
    expect(report.files.unreferenced).toEqual(letGo);

    // That folder becomes the backup folder: its newest backup holds them as let go.
    value(await t.router.call('backup.setFolder', { grant: t.grant(stick, 'backupFolder') }));
    const cleaned = value(await t.router.call('check.clean', {}));
    expect(cleaned).toMatchObject({ removed: 2, waiting: 0 });
    expect(cleaned.strays).toBeGreaterThanOrEqual(3);
    expect(cleaned.bytes).toBe(letGo.reduce((sum, sha256) => sum + readFileSync(storedPath(elsewhere.path, sha256)).length, 0));
    for (const sha256 of [...letGo, crashed]) expect(onDisk(sha256), sha256).toBe(false);
    for (const sha256 of referenced) expect(onDisk(sha256), sha256).toBe(true);
    expect(existsSync(join(t.dir, 'files', linked))).toBe(false);
    expect(readFileSync(join(t.dir, 'files', '工作', '总结.docx'), 'utf8')).toBe('theirs');
    expect(readFileSync(join(outside, 'keep.txt'), 'utf8')).toBe('not the store’s');
    const after = await check();
    expect(after.ok).toBe(true);
    expect(after.files).toMatchObject({ orphans: [], leftovers: [], unreferenced: [] });
  }, 60_000);
});
