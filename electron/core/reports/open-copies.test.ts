import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { noDialogs, noPrinting } from '../platform';
import { openCore, type OpenedCore } from '../open';
import { value } from '../testing/expect-result';
import { eachReportClass, type ReportPerson } from '../testing/report-class';
import { reportText, writeReportDocx } from '../testing/report-files';
import { standardRoster } from '../testing/roster-files';
import { makeTempDir, type TempCore } from '../testing/temp-core';

// Issue 19, M4 and L7: a report opened from the app is a copy in open/, named by the hash of the bytes it
// holds. Version ids come back after a delete; a copy kept by id opened a new report as an old one's text.

let sandbox: { dir: string; remove: () => void };
let opened: OpenedCore;
const shown: string[] = [];
const platform = {
  ...noDialogs,
  ...noPrinting,
  openFile: async (path: string) => void shown.push(path),
  showInFolder: async (path: string) => void shown.push(path),
};
beforeEach(() => {
  sandbox = makeTempDir('cadre-open-');
  shown.length = 0;
  opened = openCore({ dataDir: join(sandbox.dir, 'data'), platform });
});
afterEach(() => {
  opened.close();
  sandbox.remove();
});

// A class with two trainees and one report handed in as text; the version's id.
const classWithReport = async (name: string, text: string): Promise<{ classId: number; versionId: number }> => {
  const classId = value(
    await opened.router.call('classes.create', { category: '主体班', name, startDate: '2019-06-03', endDate: '2019-06-14' }),
  ).id;
  value(
    await opened.router.call('roster.importCommit', {
      classId,
      grant: opened.core.grants.issue(standardRoster(sandbox.dir, 2, `${name}.xlsx`), 'rosterImport'),
    }),
  );
  const folder = join(sandbox.dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, '调研报告.txt'), text);
  const staged = value(
    await opened.router.call('reports.stage', { classId, folder: opened.core.grants.issue(folder, 'reportFolder'), grants: [] }),
  );
  const enrolmentId = value(await opened.router.call('reports.board', { classId })).rows[0]?.enrolmentId ?? 0;
  value(
    await opened.router.call('reports.commit', {
      classId,
      token: staged.token,
      items: staged.files.map((file) => ({ key: file.key, enrolmentIds: [enrolmentId] })),
    }),
  );
  return { classId, versionId: Number(opened.core.db.prepare('SELECT max(id) FROM report_versions').pluck().get()) };
};

describe('a report opened from the app', () => {
  it('is a copy of its own bytes, even when its version id was another report’s before', async () => {
    const old = await classWithReport('2019年青年干部培训班', '关于朝阳村的调研\n旧班次的报告。');
    value(await opened.router.call('reports.open', { versionId: old.versionId, action: 'open' }));
    expect(readFileSync(shown.at(-1) ?? '', 'utf8')).toContain('旧班次的报告');
    value(await opened.router.call('classes.remove', { id: old.classId }));
    const next = await classWithReport('2020年市管干部培训班', '关于乡村治理的调研\n新班次的报告。');
    // SQLite hands the freed id out again.
    expect(next.versionId).toBe(old.versionId);
    value(await opened.router.call('reports.open', { versionId: next.versionId, action: 'open' }));
    expect(readFileSync(shown.at(-1) ?? '', 'utf8')).toContain('新班次的报告');
    expect(shown.at(-1)).toMatch(/open[\\/][0-9a-f]{64}[\\/]调研报告\.txt$/);
  });

  it('is made again when the copy was edited in Word: the next open shows the report as handed in', async () => {
    const { versionId } = await classWithReport('2019年青年干部培训班', '关于朝阳村的调研\n原文。');
    value(await opened.router.call('reports.open', { versionId, action: 'open' }));
    const copy = shown.at(-1) ?? '';
    // Read-only: Word opens it so, and asks to save a change elsewhere.
    expect(statSync(copy).mode & 0o222).toBe(0);
    // Edited all the same (the read-only mark taken off, as Explorer's properties allow).
    chmodSync(copy, 0o644);
    writeFileSync(copy, '关于朝阳村的调研\n评语：100 分，优秀。');
    value(await opened.router.call('reports.open', { versionId, action: 'open' }));
    expect(shown.at(-1)).toBe(copy);
    expect(readFileSync(copy, 'utf8')).toContain('原文');
  });

  it('is cleared with open/ at the next start', async () => {
    const { versionId } = await classWithReport('2019年青年干部培训班', '关于朝阳村的调研');
    value(await opened.router.call('reports.open', { versionId, action: 'show' }));
    expect(readdirSync(join(sandbox.dir, 'data', 'open'))).toHaveLength(1);
    opened.close();
    opened = openCore({ dataDir: join(sandbox.dir, 'data'), platform });
    expect(readdirSync(join(sandbox.dir, 'data'))).not.toContain('open');
  });
});

describe('opening a report', () => {
  let t: TempCore;
  let people: ReportPerson[] = [];
  const { folder, stage, commit } = eachReportClass((opened) => {
    ({ t, people } = opened);
  });

  it('opens a copy under the report’s own name through the platform', async () => {
    const dir = folder('open');
    const path = await writeReportDocx(join(dir, `${people[0]?.name}-报告.docx`), reportText('关于人才振兴的调研'));
    const staged = await stage({ files: [path] });
    await commit(staged.token, staged.files);
    const opened: string[] = [];
    t.core.platform = { ...t.core.platform, openFile: async (file) => void opened.push(file) };
    const versionId = value(await t.router.call('reports.list', {})).rows[0]?.latest?.id ?? 0;
    expect(value(await t.router.call('reports.open', { versionId, action: 'open' })).name).toBe(`${people[0]?.name}-报告.docx`);
    expect(opened).toHaveLength(1);
    expect(readFileSync(opened[0] ?? '')).toEqual(readFileSync(path));
    copyFileSync(path, join(dir, 'unused.docx'));
  });
});
