import { basename, join } from 'node:path';
import { openCore } from '../../open';
import { value } from '../expect-result';
import { docxText, readXlsx } from '../read-documents';
import { reportText, writeReportDocx } from '../report-files';
import { standardRoster } from '../roster-files';
import { bareSampleClass } from '../sample-class';

// Run by local-dates.test.ts in a process of its own, with TZ set before anything reads a Date: the core at
// 01:30 on a night in Beijing (17:30 the day before in Greenwich), doing what a class administrator does after
// midnight. Prints what it saw as one JSON line; the test decides.
const [dataDir = '', at = ''] = process.argv.slice(2);
const now = new Date(at);
const opened = openCore({ dataDir, now: () => now });
const t = {
  ...opened,
  dir: dataDir,
  dispose: () => opened.close(),
  grant: (path: string, purpose: Parameters<typeof opened.core.grants.issue>[1]) => opened.core.grants.issue(path, purpose),
};
const { router } = t;

value(await router.call('app.loadSample', {}));
const classId = await bareSampleClass(t);
value(await router.call('roster.importCommit', { classId, grant: t.grant(standardRoster(dataDir, 2), 'rosterImport') }));
const [first, second] = value(await router.call('reports.board', { classId })).rows;
if (!first || !second) throw new Error('the roster did not come in');

// One report, handed in now.
const path = await writeReportDocx(
  join(dataDir, `${first.name}-调研报告.docx`),
  reportText('关于乡村治理中的党建引领的调研报告'),
);
const staged = value(await router.call('reports.stage', { classId, folder: null, grants: [t.grant(path, 'reportFiles')] }));
value(
  await router.call('reports.commit', {
    classId,
    token: staged.token,
    items: staged.files.map((file) => ({ key: file.key, enrolmentIds: [first.enrolmentId], title: file.title })),
  }),
);

// The board as it stands with the deadline yesterday, then today.
const boardWith = async (deadline: string) => {
  value(await router.call('reports.setDeadline', { classId, deadline }));
  const board = value(await router.call('reports.board', { classId }));
  const state = (enrolmentId: number) => board.rows.find((row) => row.enrolmentId === enrolmentId)?.state;
  return { handedIn: state(first.enrolmentId), missing: state(second.enrolmentId) };
};
const dueYesterday = await boardWith('2026-12-04');
const dueToday = await boardWith('2026-12-05');

// The report list in Excel: its 提交日期.
const list = join(dataDir, 'reports.xlsx');
value(await router.call('reports.export', { filter: { classId }, grant: t.grant(list, 'export') }));
const sheet = (await readXlsx(list)).rows;
const header = sheet.find((row) => row.includes('提交日期')) ?? [];
const row = sheet.find((cells) => cells.includes(first.name)) ?? [];
const listedSubmission = row[header.indexOf('提交日期')];

// The 优秀调研报告汇编 (its cover carries the day it was made) once the report is rated excellent.
const reportId =
  value(await router.call('reports.board', { classId })).rows.find((r) => r.enrolmentId === first.enrolmentId)?.reportId ?? 0;
value(
  await router.call('reports.review', {
    reportId,
    review: { reviewer: '孙海燕', score: 92, grade: 'excellent', comments: '调研扎实。', reviewedOn: '2026-12-05' },
  }),
);
const compiled = join(dataDir, '汇编.docx');
value(await router.call('reports.compile', { classId, grant: t.grant(compiled, 'export') }));

// The 培训班总结, signed with today's date.
const summary = join(dataDir, '总结.docx');
value(await router.call('lifecycle.summary', { classId, grant: t.grant(summary, 'export') }));

const backup = value(await router.call('backup.create', { reason: 'manual' }));

// The audit log: tonight's lines are 12-05's, in the list's date filter and in its export.
const auditOn = async (day: string) => value(await router.call('audit.list', { from: day, to: day })).total;
const auditTonight = { on5th: await auditOn('2026-12-05'), on4th: await auditOn('2026-12-04') };
const auditFile = join(dataDir, '操作日志.xlsx');
value(await router.call('audit.export', { grant: t.grant(auditFile, 'export') }));
const auditTimes = (await readXlsx(auditFile)).rows.slice(3).map((cells) => cells[0]);

process.stdout.write(
  `${JSON.stringify({
    offsetMinutes: now.getTimezoneOffset(),
    dueYesterday,
    dueToday,
    boardSubmittedAt: value(await router.call('reports.board', { classId })).rows.find((r) => r.enrolmentId === first.enrolmentId)
      ?.submittedAt,
    listedSubmission,
    compilationText: docxText(compiled),
    summaryText: docxText(summary),
    backupName: basename(backup.path),
    auditTonight,
    auditTimes: [...new Set(auditTimes)],
  })}\n`,
);
t.dispose();
process.exit(0);
