import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../../shared/events';
import type { ArchiveManifest } from '../../../shared/lifecycle/archive';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { sourceParserEntry } from '../documents/parser/pool';
import type { ArchiveReading } from '../documents/parser/protocol';
import { sha256Of } from '../files/store';
import { failure, value } from '../testing/expect-result';
import { readXlsx } from '../testing/read-documents';
import { reportText, writeReportDocx, zipWith } from '../testing/report-files';
import { idNumber, standardRoster } from '../testing/roster-files';
import { bareSampleClass } from '../testing/sample-class';
import { makeTempDir, openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import { keptCharacters, previewHolding } from './archive-import';

// The class archive (一班一档) between two workstations: exported, previewed, imported; every package
// read in the parser worker, nothing stored before the person has seen what merges where.

const encode = (text: string) => new TextEncoder().encode(text);

// What a data folder holds besides its database: the stored files, and any scratch folder.
const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort()
    : [];

// Every stored text by its file's SHA-256: "the same text" made comparable across two data folders.
const textsBySha = (t: TempCore) =>
  Object.fromEntries(
    t.core.db
      .prepare<[], { sha256: string; text: string }>(
        'SELECT v.sha256, x.text FROM report_versions v JOIN report_texts x ON x.version_id = v.id ORDER BY v.sha256',
      )
      .all()
      .map((row) => [row.sha256, row.text]),
  );

type Target = { name: string; year: number; startDate: string; endDate: string };
type Handed = {
  authors: string[];
  text: string;
  review?: ArchiveManifest['reports'][number]['review'];
  submittedAt?: string;
};

// A package as this program writes one, built by hand: one .txt per report, the manifest listing
// each with its SHA-256. `change` edits the manifest after it is made (a date, a name).
const packageOf = (
  target: Target,
  reports: readonly Handed[],
  change: (manifest: Record<string, unknown>) => void = () => undefined,
): Uint8Array => {
  const entries: Record<string, Uint8Array> = {};
  const manifest = {
    format: 'cadre-class-archive',
    version: 1,
    class: { ...target, code: '' },
    topics: [{ title: '乡村治理', description: '', maxAuthors: null }],
    reports: reports.map((report, index) => {
      const bytes = encode(report.text);
      const entry = `调研报告/${index + 1}-${report.authors.join('、')}.txt`;
      entries[entry] = bytes;
      return {
        topic: '乡村治理',
        title: `调研报告之${index + 1}`,
        groupNo: null,
        authors: report.authors,
        versions: [
          {
            entry,
            sha256: sha256Of(bytes),
            fileName: `${report.authors.join('、')}-调研报告.txt`,
            format: 'txt',
            submittedAt: report.submittedAt ?? '2019-09-20T02:30:00.000Z',
          },
        ],
        review: report.review ?? null,
        publication: null,
        forwardings: [],
      };
    }),
  };
  change(manifest);
  return zipSync({ 'manifest.json': encode(JSON.stringify(manifest)), ...entries });
};

const previewOf = async (t: TempCore, path: string, jobId?: string) =>
  t.router.call('lifecycle.archivePreview', { grant: t.grant(path, 'archiveImport'), ...(jobId ? { jobId } : {}) });

const importOf = async (t: TempCore, path: string, token: string, jobId?: string) =>
  t.router.call('lifecycle.archiveImport', { grant: t.grant(path, 'archiveImport'), token, ...(jobId ? { jobId } : {}) });

describe('the class archive goes to another workstation', () => {
  let t: TempCore;
  beforeEach(() => {
    t = openTempCore({ platform: chromiumPlatform() });
  });
  afterEach(() => t.dispose());

  it('comes back with the same reports, the same texts and the same search results, once', async () => {
    value(await t.router.call('app.loadSample', {}));
    const classId = await bareSampleClass(t);
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 24), 'rosterImport') }));
    value(await t.router.call('roster.splitGroups', { classId, groups: 4 }));
    const people = value(await t.router.call('reports.board', { classId })).rows;
    // A .docx, a PDF and a GB18030 text, as trainees hand them in.
    const dir = join(t.dir, 'reports-in');
    mkdirSync(dir);
    await writeReportDocx(join(dir, `${people[0]?.name}-调研报告.docx`), reportText('关于朝阳村发展生态农业的调研报告'));
    const pdf = await t.core.platform.printToPdf(
      `<html><body style="font-family:'WenQuanYi Micro Hei'">${reportText(
        '第二组关于乡村治理的调研报告',
        '村里修建了党校教学点。',
      )
        .map((line) => `<p>${line}</p>`)
        .join('')}</body></html>`,
      { landscape: false },
    );
    writeFileSync(join(dir, '第二组_乡村治理.pdf'), pdf);
    writeFileSync(join(dir, '无名稿.txt'), iconv.encode(reportText('关于梅花鹿养殖合作社的调查').join('\r\n'), 'gb18030'));
    const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(dir, 'reportFolder') }));
    value(
      await t.router.call('reports.commit', {
        classId,
        token: staged.token,
        items: staged.files.map(({ key, enrolmentIds, groupNo, title }) => ({
          key,
          enrolmentIds: enrolmentIds.length > 0 ? enrolmentIds : [people[7]?.enrolmentId ?? 0],
          groupNo,
          title,
        })),
      }),
    );
    const rows = value(await t.router.call('reports.list', { classId })).rows;
    const excellent = rows.find((row) => row.groupNo === 2);
    value(
      await t.router.call('reports.review', {
        reportId: excellent?.id ?? 0,
        review: { grade: 'excellent', reviewedOn: '2019-09-25', reviewer: '王教授' },
      }),
    );

    const zip = join(t.dir, 'archive.zip');
    value(await t.router.call('lifecycle.archiveExport', { classId, grant: t.grant(zip, 'export') }));
    const entries = unzipSync(readFileSync(zip));
    const names = Object.keys(entries);
    expect(names).toEqual(
      expect.arrayContaining([
        'manifest.json',
        '文件清单.xlsx',
        '学员名册.xlsx',
        '课程安排表.xlsx',
        '培训班总结.docx',
        '学员学时统计表.xlsx',
        '结业证书.pdf',
      ]),
    );
    expect(names.filter((name) => name.startsWith('调研报告/'))).toHaveLength(3);
    // The certificates' numbers in the package are kept: those printed later carry the same.
    const kept = t.core.db.prepare('SELECT count(*) FROM certificate_numbers WHERE class_id = ?').pluck().get(classId);
    expect(kept).toBe(
      value(await t.router.call('roster.list', { classId })).items.filter((r) => r.status !== 'withdrawn').length,
    );
    // Named by the title its file name gave it (第二组_乡村治理.pdf).
    expect(names).toContain(`调研报告/第二组-${excellent?.authors.map((a) => a.name).join('、')}-乡村治理.pdf`);
    // The manifest for people: every report's file with its SHA-256, as stored.
    const manifestPath = join(t.dir, 'manifest-in-archive.xlsx');
    writeFileSync(manifestPath, entries['文件清单.xlsx'] ?? new Uint8Array());
    const manifest = (await readXlsx(manifestPath)).rows;
    const head = manifest.find((row) => row.includes('SHA-256 校验值')) ?? [];
    const listed = manifest.filter((row) => String(row[0] ?? '').startsWith('调研报告/'));
    expect(listed).toHaveLength(3);
    for (const row of listed) {
      const entry = entries[String(row[0])];
      expect(entry && sha256Of(entry)).toBe(row[head.indexOf('SHA-256 校验值')]);
    }
    // The roster inside is masked.
    const rosterPath = join(t.dir, 'roster-in-archive.xlsx');
    writeFileSync(rosterPath, entries['学员名册.xlsx'] ?? new Uint8Array());
    expect((await readXlsx(rosterPath)).rows.flat().join(' ')).not.toMatch(/\d{17}[\dX]/);

    const queries = ['党校', '朝阳村', '生态农业', 'gdp', '梅花鹿'];
    const results = async (core: TempCore) => {
      const out: Record<string, string[]> = {};
      for (const q of queries)
        out[q] = value(await core.router.call('reports.search', { query: q }))
          .hits.map((hit) => `${hit.report.latest?.sha256}`)
          .sort();
      return out;
    };
    const here = await results(t);
    const other = openTempCore({ platform: chromiumPlatform() });
    try {
      const before = snapshot(other.core.db);
      const preview = value(await previewOf(other, zip));
      // The preview stores nothing, and says a class will be made.
      expect(snapshot(other.core.db)).toBe(before);
      expect(filesUnder(join(other.dir, 'files'))).toEqual([]);
      expect(preview.existing).toBeNull();
      expect(preview.packageClass.name).toBe('2019年年轻干部培训班');
      expect(preview.counts).toMatchObject({ reports: 3, newReports: 3, presentReports: 0, newVersions: 3, reviews: 1 });
      expect(preview.counts.excellent).toBe(1);
      // Nobody is enrolled in a class not yet made: every author is a name only.
      expect(preview.counts.matched).toBe(0);
      const reviewed = preview.reports.find((report) => report.review !== null);
      expect(reviewed?.review).toMatchObject({ grade: 'excellent', reviewedOn: '2019-09-25', reviewer: '王教授' });
      expect(preview.reports.flatMap((report) => report.versions.map((version) => version.textStatus))).toEqual([
        'text',
        'text',
        'text',
      ]);
      const imported = value(await importOf(other, zip, preview.token));
      expect(imported).toMatchObject({ createdClass: true, reports: 3, versions: 3, skipped: 0 });
      expect(await results(other)).toEqual(here);
      expect(textsBySha(other)).toEqual(textsBySha(t));
      // Every stored file is one the package listed; no folder of unpacked reports was left (or made).
      expect(
        filesUnder(join(other.dir, 'files'))
          .map((path) => path.slice(-64))
          .sort(),
      ).toEqual(Object.keys(textsBySha(t)).sort());
      expect(filesUnder(join(other.dir, 'tmp'))).toEqual([]);
      // Again: the class is now there, every report in it, nothing twice.
      const again = value(await previewOf(other, zip));
      expect(again.existing).toMatchObject({ id: imported.classId, name: '2019年年轻干部培训班' });
      expect(again.counts).toMatchObject({ newReports: 0, presentReports: 3, newVersions: 0 });
      expect(again.reports.map((report) => report.state)).toEqual(['present', 'present', 'present']);
      expect(value(await importOf(other, zip, again.token))).toMatchObject({ createdClass: false, reports: 0, skipped: 3 });
    } finally {
      other.dispose();
    }
  }, 120_000);
});

describe('importing a package into a class that is already here', () => {
  let t: TempCore;
  let classId = 0;
  let names: string[] = [];
  const target: Target = { name: '2019年市管干部培训班', year: 2019, startDate: '2019-06-03', endDate: '2019-06-14' };
  beforeEach(async () => {
    t = openTempCore();
    classId = value(await t.router.call('classes.create', { ...target, category: '主体班' })).id;
    value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 6), 'rosterImport') }));
    names = value(await t.router.call('roster.list', { classId })).items.map((entry) => entry.name);
  });
  afterEach(() => t.dispose());

  it('shows what merges — reports new or present, authors matched or not, reviews, 优秀 and dates — and asks for nothing stored', async () => {
    const [first = '', second = ''] = names;
    // A second trainee of the first one's name: a name that says nobody in particular.
    value(await t.router.call('roster.add', { classId, trainee: { name: second, idNumber: idNumber('1990-01-01', 777) } }));
    // One report is here already, handed in on this workstation.
    const dir = join(t.dir, 'handed');
    mkdirSync(dir);
    const known = reportText('关于乡村治理的调研').join('\n');
    writeFileSync(join(dir, `${first}-调研报告.txt`), known);
    const staged = value(await t.router.call('reports.stage', { classId, folder: t.grant(dir, 'reportFolder') }));
    value(
      await t.router.call('reports.commit', {
        classId,
        token: staged.token,
        items: staged.files.map(({ key, enrolmentIds }) => ({ key, enrolmentIds })),
      }),
    );
    const path = join(t.dir, 'package.zip');
    writeFileSync(
      path,
      packageOf(target, [
        { authors: [first], text: known },
        {
          authors: [first, '外校学员'],
          text: reportText('关于冷链物流的调研').join('\n'),
          review: { reviewer: '王教授', score: 95, grade: 'excellent', comments: '', reviewedOn: '2019-06-20' },
          submittedAt: '2019-06-12T01:00:00.000Z',
        },
        { authors: [second], text: reportText('关于人才振兴的调研').join('\n') },
      ]),
    );
    const before = snapshot(t.core.db);
    const stored = filesUnder(join(t.dir, 'files'));
    const preview = value(await previewOf(t, path));
    expect(snapshot(t.core.db)).toBe(before);
    expect(filesUnder(join(t.dir, 'files'))).toEqual(stored);
    expect(preview.existing).toMatchObject({
      id: classId,
      name: target.name,
      startDate: target.startDate,
      endDate: target.endDate,
      status: 'planning',
    });
    expect(preview.reports.map((report) => report.state)).toEqual(['present', 'new', 'new']);
    expect(preview.reports[1]?.authors).toEqual([
      { name: first, match: 'matched' },
      { name: '外校学员', match: 'unmatched' },
    ]);
    expect(preview.reports[2]?.authors).toEqual([{ name: second, match: 'ambiguous' }]);
    expect(preview.reports[1]?.review).toMatchObject({ grade: 'excellent', reviewedOn: '2019-06-20', score: 95 });
    expect(preview.reports[1]?.versions[0]).toMatchObject({ submittedAt: '2019-06-12T01:00:00.000Z', present: false });
    expect(preview.reports[0]?.versions[0]?.present).toBe(true);
    // What merges, counted over the reports that come in.
    expect(preview.counts).toEqual({
      reports: 3,
      newReports: 2,
      presentReports: 1,
      versions: 3,
      newVersions: 2,
      matched: 1,
      unmatched: 1,
      ambiguous: 1,
      reviews: 1,
      excellent: 1,
      published: 0,
      forwarded: 0,
    });
    expect(preview.topics).toEqual({ total: 1, added: 1 });

    // Imported as shown: the matched author linked, the others kept as names.
    const imported = value(await importOf(t, path, preview.token));
    expect(imported).toMatchObject({ classId, createdClass: false, reports: 2, versions: 2, skipped: 1 });
    const rows = value(await t.router.call('reports.list', { classId })).rows;
    const merged = rows.find((row) => row.authors.some((author) => author.name === '外校学员'));
    expect(merged?.authors.map((author) => author.enrolmentId !== null)).toEqual([true, false]);
    expect(merged?.review).toMatchObject({ grade: 'excellent', reviewedOn: '2019-06-20' });
    expect(merged?.latest?.submittedAt).toBe('2019-06-12T01:00:00.000Z');
    expect(rows.find((row) => row.authors[0]?.name === second)?.authors[0]?.enrolmentId).toBeNull();
  }, 60_000);

  it('refuses a token that no longer says what would happen: the package changed, the data changed, or no preview', async () => {
    const [first = ''] = names;
    const path = join(t.dir, 'package.zip');
    writeFileSync(path, packageOf(target, [{ authors: ['新来的学员'], text: reportText('关于电商的调研').join('\n') }]));
    const preview = value(await previewOf(t, path));
    expect(preview.reports[0]?.authors).toEqual([{ name: '新来的学员', match: 'unmatched' }]);
    const before = snapshot(t.core.db);

    // The package rewritten after the preview (the same manifest, another report).
    writeFileSync(path, packageOf(target, [{ authors: [first], text: reportText('关于旅游的调研').join('\n') }]));
    expect(failure(await importOf(t, path, preview.token), 'INVALID_INPUT').message).toBe(
      '档案包“package.zip”在预览之后被改动过，请重新预览后再导入',
    );
    // Put back, but the roster moved under the plan: the author would now be linked to a trainee.
    writeFileSync(path, packageOf(target, [{ authors: ['新来的学员'], text: reportText('关于电商的调研').join('\n') }]));
    value(await t.router.call('roster.add', { classId, trainee: { name: '新来的学员' } }));
    const afterRoster = snapshot(t.core.db);
    const stale = failure(await importOf(t, path, preview.token), 'INVALID_INPUT');
    expect(stale.details?.issues?.[0]?.field).toBe('token');
    expect(stale.message).toContain('预览之后数据已有变化');
    expect(snapshot(t.core.db)).toBe(afterRoster);
    // A token no preview gave.
    expect(failure(await importOf(t, path, '0'.repeat(64)), 'INVALID_INPUT').message).toContain('预览已过期');
    // Previewed again, it imports.
    const again = value(await previewOf(t, path));
    expect(again.reports[0]?.authors).toEqual([{ name: '新来的学员', match: 'matched' }]);
    expect(value(await importOf(t, path, again.token))).toMatchObject({ reports: 1, versions: 1 });
    expect(snapshot(t.core.db)).not.toBe(before);
  }, 60_000);

  it('binds the manifest the person saw: a review changed, the report files the same, is another token', async () => {
    const path = join(t.dir, 'package.zip');
    const report = { authors: ['外校学员'], text: reportText('关于冷链物流的调研').join('\n') };
    const graded = (grade: 'pass' | 'excellent', score: number) => ({
      ...report,
      review: { reviewer: '王教授', score, grade, comments: '', reviewedOn: '2019-06-20' },
    });
    writeFileSync(path, packageOf(target, [graded('pass', 62)]));
    const shown = value(await previewOf(t, path));
    expect(shown.counts.excellent).toBe(0);
    // The same report, byte for byte; only the manifest says 优秀 now.
    writeFileSync(path, packageOf(target, [graded('excellent', 100)]));
    const before = snapshot(t.core.db);
    expect(failure(await importOf(t, path, shown.token), 'INVALID_INPUT').message).toBe(
      '档案包“package.zip”在预览之后被改动过，请重新预览后再导入',
    );
    expect(snapshot(t.core.db)).toBe(before);
    const again = value(await previewOf(t, path));
    expect(again.reports[0]?.versions[0]?.present).toBe(false);
    expect(again.counts.excellent).toBe(1);
    expect(again.token).not.toBe(shown.token);
    value(await importOf(t, path, again.token));
    expect(value(await t.router.call('reports.list', { classId })).rows[0]?.review).toMatchObject({
      grade: 'excellent',
      score: 100,
    });
  });

  it('imports nothing into a database that replaced the one previewed: after a restore, or a reopen', async () => {
    const [first = ''] = names;
    const path = join(t.dir, 'package.zip');
    writeFileSync(path, packageOf(target, [{ authors: [first], text: reportText('关于电商的调研').join('\n') }]));
    // The backup holds this very class and roster: planned again there, the import would come out
    // the same (the class's id, the trainee's) — and yet it is not the database the person previewed.
    const backup = value(await t.router.call('backup.create', {}));
    const preview = value(await previewOf(t, path));
    expect(preview.reports[0]?.authors).toEqual([{ name: first, match: 'matched' }]);
    value(await t.router.call('backup.restore', { backup: backup.name }));
    const restored = snapshot(t.core.db);
    const refused = failure(await importOf(t, path, preview.token), 'INVALID_INPUT');
    expect(refused.details?.issues?.[0]?.field).toBe('token');
    expect(refused.message).toContain('预览之后数据已有变化');
    expect(snapshot(t.core.db)).toBe(restored);
    // The same after the database is only closed and opened again.
    const reopened = value(await previewOf(t, path));
    t.core.reopen();
    expect(failure(await importOf(t, path, reopened.token), 'INVALID_INPUT').message).toContain('预览之后数据已有变化');
    expect(snapshot(t.core.db)).toBe(restored);
    // Previewed against the database that is there now, it imports.
    const fresh = value(await previewOf(t, path));
    expect(value(await importOf(t, path, fresh.token))).toMatchObject({ classId, reports: 1, versions: 1 });
  }, 60_000);

  it('says at the preview, not after the person confirmed, that an archived class takes nothing in', async () => {
    const path = join(t.dir, 'package.zip');
    writeFileSync(path, packageOf(target, [{ authors: ['张三'], text: reportText('关于电商的调研').join('\n') }]));
    for (const status of ['in_progress', 'finished', 'archived'] as const)
      value(await t.router.call('lifecycle.setStatus', { id: classId, status, anyway: true }));
    const before = snapshot(t.core.db);
    expect(failure(await previewOf(t, path), 'READ_ONLY').message).toContain('已归档');
    expect(snapshot(t.core.db)).toBe(before);
  });
});

describe('a package is refused before anything is stored', () => {
  let t: TempCore;
  const target: Target = { name: '2019年青年干部培训班', year: 2019, startDate: '2019-07-01', endDate: '2019-07-12' };
  beforeEach(() => {
    t = openTempCore();
  });
  afterEach(() => t.dispose());

  const refusedWith = async (label: string, bytes: Uint8Array) => {
    const path = join(t.dir, `${label}.zip`);
    writeFileSync(path, bytes);
    return failure(await previewOf(t, path), 'INVALID_INPUT').message;
  };

  it('whose dates are not dates, naming the report, the file and the field', async () => {
    const before = snapshot(t.core.db);
    const report = { authors: ['张三'], text: reportText('关于乡村治理的调研').join('\n') };
    expect(await refusedWith('instant', packageOf(target, [report, { ...report, submittedAt: '2019-02-30T08:00:00Z' }]))).toBe(
      '档案包的清单 manifest.json 内容不正确：第 2 份报告第 1 个文件的“提交时间”不是有效的时间（应为带时区的时间，如 2019-06-03T08:30:00.000Z）（现为“2019-02-30T08:00:00Z”），已拒收',
    );
    expect(await refusedWith('words', packageOf(target, [{ ...report, submittedAt: '上周二下午' }]))).toContain(
      '第 1 份报告第 1 个文件的“提交时间”不是有效的时间',
    );
    const review = { reviewer: '王教授', score: null, grade: 'excellent', comments: '', reviewedOn: '2019-02-30' } as const;
    expect(await refusedWith('reviewed', packageOf(target, [{ ...report, review }]))).toBe(
      '档案包的清单 manifest.json 内容不正确：第 1 份报告评审中“评审日期”不是有效日期（格式为 年-月-日，如 2019-06-03）（现为“2019-02-30”），已拒收',
    );
    expect(
      await refusedWith(
        'class',
        packageOf(target, [report], (manifest) => {
          manifest['class'] = { ...target, code: '', endDate: '2019-06-31' };
        }),
      ),
    ).toContain('班次信息中“结束日期”不是有效日期');
    expect(
      await refusedWith(
        'backwards',
        packageOf(target, [report], (manifest) => {
          manifest['class'] = { ...target, code: '', endDate: '2019-06-01' };
        }),
      ),
    ).toContain('班次信息中结束日期不能早于开始日期');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('that climbs out of its folder, names an entry twice, inflates like a bomb, or is not ours', async () => {
    const manifest = JSON.stringify({
      format: 'cadre-class-archive',
      version: 1,
      class: { name: 'x', code: '', year: 2019, startDate: '2019-01-01', endDate: '2019-01-02' },
      topics: [],
      reports: [],
    });
    const listing = (entry: string, sha256: string) =>
      manifest.replace(
        '"reports":[]',
        `"reports":[{"topic":"","title":"t","groupNo":null,"authors":["a"],"versions":[{"entry":"${entry}","sha256":"${sha256}","fileName":"r.txt","format":"txt","submittedAt":"2019-01-01T00:00:00Z"}],"review":null,"publication":null,"forwardings":[]}]`,
      );
    // A listed report that claims to inflate to nothing, and inflates to 200 MB.
    const lying = Buffer.from(
      zipSync({ 'manifest.json': encode(listing('r.txt', '0'.repeat(64))), 'r.txt': new Uint8Array(200 * 1024 * 1024) }),
    );
    for (let at = 0; at + 4 <= lying.length; at += 1) {
      if (lying.readUInt32LE(at) === 0x04034b50) lying.writeUInt32LE(0, at + 22);
      if (lying.readUInt32LE(at) === 0x02014b50) lying.writeUInt32LE(0, at + 24);
    }
    // A report whose bytes were changed after the package was made (its CRC no longer fits).
    const damaged = Buffer.from(
      zipSync(
        { 'manifest.json': encode(listing('r.txt', sha256Of(encode('报告原文')))), 'r.txt': encode('报告原文') },
        { level: 0 },
      ),
    );
    const at = damaged.indexOf(Buffer.from('报告原文')) + 1;
    damaged.writeUInt8(damaged.readUInt8(at) ^ 1, at);
    const cases: [string, Uint8Array, string][] = [
      [
        'zip-slip',
        zipWith({ 'manifest.json': manifest, 'aa/evil.txt': 'x' }, [['aa/evil.txt', '../evil.txt']]),
        '指向文件夹之外',
      ],
      ['absolute', zipWith({ 'manifest.json': manifest, 'xxxxxx.txt': 'x' }, [['xxxxxx.txt', 'C:/evil.tx']]), '指向文件夹之外'],
      ['duplicate', zipWith({ 'manifest.json': manifest, 'a.txt': 'x', 'b.txt': 'x' }, [['b.txt', 'a.txt']]), '重名'],
      ['bomb', zipWith({ 'manifest.json': manifest, 'zeros.bin': new Uint8Array(400 * 1024 * 1024) }), '解压后超过'],
      ['lying bomb', lying, '解压后超过'],
      [
        'entries',
        zipWith({ 'manifest.json': manifest, ...Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`f/${i}.txt`, ''])) }),
        '超过上限',
      ],
      ['not ours', zipWith({ 'readme.txt': 'hello' }), '不是本程序导出的'],
      ['not a zip', encode('姓名,单位\n张三,财政局'), '不是本程序导出的'],
      ['bad manifest', zipWith({ 'manifest.json': '{"format":"cadre-class-archive"}' }), 'manifest.json 内容不正确'],
      ['missing', zipWith({ 'manifest.json': listing('r.txt', '0'.repeat(64)) }), '缺少清单中列出的文件“r.txt”'],
      ['wrong hash', zipWith({ 'manifest.json': listing('r.txt', '0'.repeat(64)), 'r.txt': '报告' }), '校验值不符'],
      ['damaged', damaged, '已损坏，无法读出其中的“r.txt”'],
    ];
    const before = snapshot(t.core.db);
    for (const [label, bytes, expected] of cases) expect(await refusedWith(label, bytes), label).toContain(expected);
    console.log(`archive import: ${cases.length} hostile packages refused: ${cases.map(([label]) => label).join(', ')}`);
    expect(snapshot(t.core.db)).toBe(before);
    expect(filesUnder(join(t.dir, 'files'))).toEqual([]);
  }, 120_000);
});

describe('a cancelled archive import', () => {
  let t: TempCore;
  const events: CoreEvent[] = [];
  let cancelAt: string | undefined;
  let pressed = 0;
  beforeEach(() => {
    events.length = 0;
    cancelAt = undefined;
    t = openTempCore({
      // The progress bar's 取消, pressed as the first news of inflating the package arrives.
      emit: (event) => {
        events.push(event);
        if (event.jobId === cancelAt && event.phase === 'read' && event.done < event.total) {
          pressed = performance.now();
          t.core.jobs.cancel(event.jobId);
        }
      },
    });
  });
  afterEach(() => t.dispose());

  it('stops while it inflates the package, and leaves no class, no stored file and no scratch folder', async () => {
    const target: Target = { name: '2020年年轻干部培训班', year: 2020, startDate: '2020-09-07', endDate: '2020-09-18' };
    // Forty reports of half a megabyte each, of words drawn at random (compressed as text is, a few
    // times over): inflating, checking and reading them takes a while, and a cancel lands in it.
    const words = reportText('关于乡村振兴的调研').join('').split('');
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const reports = Array.from({ length: 40 }, (_, i) => ({
      authors: [`学员${i + 1}`],
      text: Array.from({ length: 170_000 }, () => words[Math.floor(random() * words.length)]).join(''),
    }));
    const path = join(t.dir, 'large.zip');
    writeFileSync(path, packageOf(target, reports));
    const before = snapshot(t.core.db);

    // The preview, cancelled as it inflates.
    cancelAt = 'preview-1';
    failure(await previewOf(t, path, 'preview-1'), 'CANCELLED');
    const previewStopped = performance.now() - pressed;
    const landed = events.filter((event) => event.jobId === 'preview-1').at(-1);
    expect(landed).toMatchObject({ phase: 'read' });
    expect(landed && landed.done < landed.total).toBe(true);

    // The import, after a preview that finished, cancelled as it inflates the package again.
    const preview = value(await previewOf(t, path, 'preview-2'));
    expect(preview.counts.newReports).toBe(40);
    cancelAt = 'import-1';
    failure(await importOf(t, path, preview.token, 'import-1'), 'CANCELLED');
    const importStopped = performance.now() - pressed;
    expect(events.filter((event) => event.jobId === 'import-1').at(-1)).toMatchObject({ phase: 'read' });
    console.log(
      `archive cancelled while inflating: the preview ended ${previewStopped.toFixed(1)} ms after 取消, ` +
        `the import ${importStopped.toFixed(1)} ms after`,
    );
    expect(snapshot(t.core.db)).toBe(before);
    expect(value(await t.router.call('classes.list', {})).items).toEqual([]);
    expect(filesUnder(join(t.dir, 'files'))).toEqual([]);
    expect(filesUnder(join(t.dir, 'tmp'))).toEqual([]);
    // A fresh worker reads the next package.
    const small = join(t.dir, 'small.zip');
    writeFileSync(small, packageOf(target, [{ authors: ['张三'], text: reportText('关于电商的调研').join('\n') }]));
    expect(value(await previewOf(t, small)).counts.newReports).toBe(1);
  }, 120_000);
});

describe('a package that answers each open as its file server likes', () => {
  // A file on a share (SMB, WebDAV, a device the sender controls) is whatever the server says at each
  // open. The parser worker is started through an entry of the test's own — the app lets its build
  // name the entry (parse-worker.js) — that answers the n-th open of the package with the n-th file of
  // a list the test writes, and notes every open, then runs the app's worker as it is.
  const temp = makeTempDir();
  const honest = join(temp.dir, 'package.zip');
  const other = join(temp.dir, 'other.zip');
  const answers = join(temp.dir, 'answers.json');
  const opens = join(temp.dir, 'opens.log');
  const entry = join(temp.dir, 'entry.mjs');
  writeFileSync(
    entry,
    `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const real = fs.openSync;
fs.openSync = (path, ...rest) => {
  if (path !== ${JSON.stringify(honest)}) return real(path, ...rest);
  const n = fs.existsSync(${JSON.stringify(opens)}) ? fs.readFileSync(${JSON.stringify(opens)}, 'utf8').length : 0;
  fs.appendFileSync(${JSON.stringify(opens)}, '.');
  return real(JSON.parse(fs.readFileSync(${JSON.stringify(answers)}, 'utf8'))[n] ?? path, ...rest);
};
syncBuiltinESMExports();
await import(${JSON.stringify(pathToFileURL(sourceParserEntry).href)});
`,
  );
  afterAll(async () => {
    const t = openTempCore({ parserEntry: entry });
    await t.core.parser.close();
    t.dispose();
    temp.remove();
  });

  const reviewed = (reviewer: string, grade: 'pass' | 'excellent', score: number, comments: string) => ({
    authors: ['张三'],
    text: reportText('关于朝阳村的调研').join('\n'),
    review: { reviewer, score, grade, comments, reviewedOn: '2019-09-18' },
  });
  writeFileSync(
    honest,
    packageOf({ name: '2019年年轻干部培训班', year: 2019, startDate: '2019-09-09', endDate: '2019-09-20' }, [
      reviewed('李老师', 'pass', 62, ''),
    ]),
  );
  // The same report's bytes, under another class and another review.
  writeFileSync(
    other,
    packageOf({ name: '2019年市管干部培训班（已表彰）', year: 2019, startDate: '2019-09-09', endDate: '2019-09-20' }, [
      reviewed('省委组织部', 'excellent', 100, '建议提拔'),
    ]),
  );

  it('stores what the preview showed or nothing, whichever open the server answers otherwise; one open per reading', async () => {
    // Which opens get the other package: the fourth (the reviewer's: before, the import's second
    // open, after it had hashed the first), the second, the first.
    const cases = [
      ['fourth', [honest, honest, honest, other]],
      ['second', [honest, other]],
      ['first', [other]],
    ] as const;
    const outcomes: string[] = [];
    for (const [label, list] of cases) {
      writeFileSync(answers, JSON.stringify(list));
      writeFileSync(opens, '');
      const t = openTempCore({ parserEntry: entry });
      try {
        const preview = value(await previewOf(t, honest));
        const [shown] = preview.reports;
        const before = snapshot(t.core.db);
        const imported = await importOf(t, honest, preview.token);
        // Read twice (the preview, the import), opened twice: whatever the server says to an open
        // is what that reading hashed and parsed.
        const opened = `${label} (${readFileSync(opens, 'utf8').length} opens)`;
        if (!imported.ok) {
          expect(imported.error.message, label).toContain('在预览之后被改动过');
          expect(snapshot(t.core.db), label).toBe(before);
          outcomes.push(`${opened}: refused`);
          continue;
        }
        const stored = t.core.db
          .prepare<[], Record<string, unknown>>(
            `SELECT c.name AS class, r.title, v.reviewer, v.score, v.grade, v.comments
             FROM reports r JOIN classes c ON c.id = r.class_id LEFT JOIN report_reviews v ON v.report_id = r.id`,
          )
          .all();
        const review = shown?.review;
        const asShown = {
          class: preview.packageClass.name,
          title: shown?.title,
          reviewer: review?.reviewer,
          score: review?.score,
          grade: review?.grade,
          comments: review?.comments,
        };
        outcomes.push(
          JSON.stringify(stored) === JSON.stringify([asShown])
            ? `${opened}: imported as shown (${preview.packageClass.name})`
            : `${opened}: shown ${JSON.stringify(asShown)}, stored ${JSON.stringify(stored)}`,
        );
      } finally {
        t.dispose();
      }
    }
    console.log(`archive from a server answering opens as it likes — ${outcomes.join('; ')}`);
    expect(outcomes).toEqual([
      'fourth (2 opens): imported as shown (2019年年轻干部培训班)',
      'second (2 opens): refused',
      'first (2 opens): refused',
    ]);
  }, 60_000);
});

describe('what a preview leaves in the core for its import', () => {
  let t: TempCore;
  beforeEach(() => {
    t = openTempCore();
  });
  afterEach(() => t.dispose());

  const target: Target = { name: '2020年年轻干部培训班', year: 2020, startDate: '2020-09-07', endDate: '2020-09-18' };
  // A text of `chars` characters (Han and ASCII, as reports are), one report per author.
  const long = (label: string, chars: number) => {
    const line = `${label}：关于乡村振兴的调研，朝阳村 2019 年人均收入增长 12%。\n`;
    return line.repeat(Math.ceil(chars / line.length)).slice(0, chars);
  };

  it('is the latest preview only, with no more text than keptCharacters; what it could not keep is read again at the import', async () => {
    const readings: ArchiveReading[] = [];
    const parser = t.core.parser;
    t.core.parser = {
      ...parser,
      archive: async (path, reading, signal, progress) => {
        readings.push(reading);
        return parser.archive(path, reading, signal, progress);
      },
    };
    // Past the budget in all: the first text fits, the second would pass it, the third fits after it.
    const kept = keptCharacters - 1_000_000;
    const passing = 2_000_000;
    const after = 500_000;
    const sizes = [kept, passing, after];
    const tokens: string[] = [];
    let texts: string[] = [];
    for (let p = 0; p < 4; p += 1) {
      texts = sizes.map((size, i) => long(`第${p + 1}包第${i + 1}篇`, size));
      const path = join(t.dir, `package-${p + 1}.zip`);
      writeFileSync(
        path,
        packageOf(
          target,
          texts.map((text, i) => ({ authors: [`学员${i + 1}`], text })),
        ),
      );
      const preview = value(await previewOf(t, path));
      // Every text was read and counted, kept or not.
      expect(preview.reports.map((report) => report.versions[0]?.chars)).toEqual(sizes);
      tokens.push(preview.token);
      const holding = previewHolding(t.core);
      expect(holding).toEqual({ token: preview.token, characters: kept + after, again: 1 });
      expect(holding?.characters).toBeLessThanOrEqual(keptCharacters);
    }
    console.log(
      `archive previews: 4 packages of ${sizes.reduce((a, b) => a + b)} characters each; the core keeps ` +
        `${previewHolding(t.core)?.characters} characters of the latest (at most ${keptCharacters})`,
    );
    // An earlier preview is gone; the latest imports, and every text is stored whole.
    expect(failure(await importOf(t, join(t.dir, 'package-1.zip'), tokens[0] ?? ''), 'INVALID_INPUT').message).toContain(
      '预览已过期',
    );
    value(await importOf(t, join(t.dir, 'package-4.zip'), tokens[3] ?? ''));
    expect(readings.at(-1)).toEqual({ texts: [sha256Of(encode(texts[1] ?? ''))], textBudget: null, bytes: true });
    expect(
      Object.values(textsBySha(t))
        .map((text) => text.length)
        .sort(),
    ).toEqual([...sizes].sort());
    expect(textsBySha(t)).toEqual(Object.fromEntries(texts.map((text) => [sha256Of(encode(text)), text])));
    expect(previewHolding(t.core)).toBeUndefined();
  }, 120_000);
});
