import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { StagedFile } from '../../../shared/reports/schemas';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { eachTest } from './each-test';
import { value } from './expect-result';
import { reportText, writeReportDocx } from './report-files';
import { standardRoster } from './roster-files';
import { bareSampleClass } from './sample-class';
import { openTempCore, type TempCore } from './temp-core';

// The class the reports tests hand reports in to (24 trainees in four groups, on the sample), and the
// steps of an upload they take: each reports test file tests its own module on the same class.

export type ReportPerson = { enrolmentId: number; name: string; group: number | null };
export type ReportClass = { t: TempCore; classId: number; people: ReportPerson[] };

const openReportClass = async (): Promise<ReportClass> => {
  const t = openTempCore({ platform: chromiumPlatform() });
  value(await t.router.call('app.loadSample', {}));
  const classId = await bareSampleClass(t);
  value(await t.router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(t.dir, 24), 'rosterImport') }));
  value(await t.router.call('roster.splitGroups', { classId, groups: 4 }));
  const people = value(await t.router.call('reports.board', { classId })).rows.map((row) => ({
    enrolmentId: row.enrolmentId,
    name: row.name,
    group: row.group,
  }));
  return { t, classId, people };
};

// The steps, on the class open when each is called.
const reportSteps = (current: () => ReportClass) => {
  const folder = (name: string) => {
    const dir = join(current().t.dir, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  };

  const stage = async (input: { folder?: string; files?: string[] }) => {
    const { t, classId } = current();
    return value(
      await t.router.call('reports.stage', {
        classId,
        folder: input.folder ? t.grant(input.folder, 'reportFolder') : null,
        grants: (input.files ?? []).map((file) => t.grant(file, 'reportFiles')),
      }),
    );
  };

  // Every staged file that can be stored, with the authors it matched (or those given).
  const commit = async (token: string, files: StagedFile[], authors: Record<string, number[]> = {}) => {
    const { t, classId } = current();
    return value(
      await t.router.call('reports.commit', {
        classId,
        token,
        items: files
          .filter((file) => file.problem === null)
          .map((file) => ({
            key: file.key,
            enrolmentIds: authors[file.name] ?? file.enrolmentIds,
            groupNo: file.groupNo,
            topicId: file.topicId,
            title: file.title,
          })),
      }),
    );
  };

  const search = async (query: string, limit = 20) => value(await current().t.router.call('reports.search', { query, limit }));
  const found = async (query: string) => (await search(query)).hits.map((hit) => hit.report.latest?.fileName ?? '');

  const uploadClassFolder = async () => {
    const { t, people } = current();
    const dir = folder('reports-in');
    const first = people[0]?.name ?? '';
    await writeReportDocx(join(dir, `${first}-调研报告.docx`), reportText('关于朝阳村发展生态农业的调研报告'));
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
    // What people copy along with a folder: Word's lock file, a thumbnail cache.
    writeFileSync(join(dir, `~$${first}-调研报告.docx`), 'lock');
    writeFileSync(join(dir, 'Thumbs.db'), 'cache');
    return { dir, first };
  };

  return { folder, stage, commit, search, found, uploadClassFolder };
};

// Each test of a file on a class of its own, the steps acting on it (see each-test.ts).
export const eachReportClass = (set: (opened: ReportClass) => void) => reportSteps(eachTest(openReportClass, set));
