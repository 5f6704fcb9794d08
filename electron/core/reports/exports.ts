import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { nameProblem } from '../../../shared/files/names';
import { type ExportResult, safeFileName } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import type { ReportFilter, ReportRow } from '../../../shared/reports/schemas';
import { chineseDate, localDateOf, todayIso } from '../../../shared/dates';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { cleanReportText, mostlyResidue } from './clean-text';
import { statement } from '../db/statements';
import type { ProseBlock } from '../documents/prose-doc';
import { writeProseDocx } from '../documents/prose-docx';
import { exportTable } from '../documents/table-export';
import type { TableSpec } from '../documents/table-import';
import { exportTarget, finishExport } from '../files/export';
import { writeInside } from '../files/contain';
import { markFromInternet } from '../files/mark-of-the-web';
import { quotedPath } from '../log';
import { scratchFolders } from '../files/scratch';
import { readStoredFile, sha256Of } from '../files/store';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { refuseField } from '../../../shared/validation';
import { listReports } from './rows';
import { versionText } from './versions';
import { groupName } from '../documents/group-name';

// What leaves the archive as documents: the filterable list (.xlsx), the compilation of excellent
// reports (.docx), and one report's file opened with the system's viewer.

const columns = [
  'className',
  'topic',
  'title',
  'authors',
  'group',
  'submittedAt',
  'versions',
  'grade',
  'score',
  'reviewer',
  'publication',
  'forwarded',
] as const;
type Column = (typeof columns)[number];

export const reportColumnWord = (column: Column | 'file' | 'sha256') => message(`reports.columns.${column}`);

const table = (): TableSpec<Column> => ({
  synonyms: Object.fromEntries(columns.map((column) => [column, [reportColumnWord(column)]])) as Record<Column, string[]>,
  required: [],
});

export const groupWord = (groupNo: number | null) => groupName(groupNo);
export const authorNames = (report: ReportRow) => report.authors.map((author) => author.name).join(message('text.list'));
export const gradeWord = (report: ReportRow) => (report.review ? message(`reports.grades.${report.review.grade}`) : '');

const widths: Record<Column, number> = {
  className: 16,
  topic: 16,
  title: 24,
  authors: 12,
  group: 6,
  submittedAt: 11,
  versions: 5,
  grade: 6,
  score: 5,
  reviewer: 6,
  publication: 14,
  forwarded: 6,
};

export const exportReportList = async (core: Core, filter: ReportFilter, grant: string, job: Job): Promise<ExportResult> => {
  const rows = listReports(core, filter);
  return exportTable(
    core,
    job,
    grant,
    {
      spec: table(),
      columns: columns.map((field) => ({ field, width: widths[field] })),
      rows: rows.map((report) => ({
        className: report.className,
        topic: report.topicTitle,
        title: report.title,
        authors: authorNames(report),
        group: groupWord(report.groupNo),
        submittedAt: report.latest ? localDateOf(report.latest.submittedAt) : '',
        versions: String(report.versions),
        grade: gradeWord(report),
        score: report.review?.score === null || report.review === null ? '' : String(report.review.score),
        reviewer: report.review?.reviewer ?? '',
        publication: report.publication ? message('reports.publicationText', report.publication) : '',
        forwarded: report.forwardings > 0 ? String(report.forwardings) : '',
      })),
      title: message('reports.listTitle'),
      subtitle: getSettings(core).schoolName,
      orientation: 'landscape',
    },
    { entity: 'reports', summary: (path) => message('reports.exportSummary', { count: rows.length, path }) },
  );
};

// --- 优秀调研报告汇编 ----------------------------------------------------------------------------

export const compileExcellent = async (core: Core, classId: number, grant: string, job: Job): Promise<ExportResult> => {
  const target = getClass(core, classId);
  const output = exportTarget(core, grant, 'docx');
  const school = getSettings(core).schoolName;
  const reports = listReports(core, { classId, outcome: 'excellent' }).filter((report) => report.latest !== null);
  if (reports.length === 0) throw new AppError('INVALID_STATE', message('reports.noExcellent', { name: target.name }));
  job.progress('prepare', 0, reports.length);
  const heading = (report: ReportRow) => report.title || report.topicTitle || report.latest?.fileName || '';
  const byline = (report: ReportRow) => [groupWord(report.groupNo), authorNames(report)].filter(Boolean).join(' ');
  // The contents list each report with its authors beside it, as a compilation's contents do.
  const blocks: ProseBlock[] = [
    {
      kind: 'contents',
      title: message('reports.contents'),
      entries: reports.map((report, index) => ({ text: `${index + 1}. ${heading(report)}`, note: byline(report) })),
    },
  ];
  for (const [index, report] of reports.entries()) {
    await job.pause();
    job.progress('prepare', index, reports.length);
    blocks.push({ kind: 'chapter', text: heading(report) }, { kind: 'byline', text: byline(report) });
    const text = report.latest ? versionText(core, report.latest.id) : '';
    // A PDF's text without its running headers, page numbers, template markers and chart residue.
    const fromPdf = report.latest?.format === 'pdf';
    const cleaned = cleanReportText(text, { fromPdf });
    const lines = [...cleaned.paragraphs];
    // The first line is the title already set above.
    if (lines[0] === heading(report)) lines.shift();
    const name = report.latest?.fileName ?? '';
    // Text, but next to no prose once the residue is out: said, rather than printed.
    const said =
      fromPdf && text.trim() !== '' && mostlyResidue(cleaned)
        ? [message('reports.pdfResidueInCompilation', { name })]
        : lines.length === 0
          ? [message('reports.noTextInCompilation', { name })]
          : lines;
    blocks.push(...said.map((line): ProseBlock => ({ kind: 'paragraph', text: line })));
  }
  // The cover: the class, the school, the date, on a page of its own.
  const bytes = await writeProseDocx({
    title: `${target.name} ${message('reports.compilationTitle')}`,
    body: 'xiaosi',
    cover: { above: target.name, title: message('reports.compilationTitle'), below: [school, chineseDate(todayIso(core.now()))] },
    blocks,
  });
  return finishExport(core, job, output, bytes, {
    rows: reports.length,
    audit: {
      entity: 'reports',
      entityId: classId,
      summary: message('reports.compileSummary', { name: target.name, count: reports.length, path: output.path }),
      after: { format: 'docx', path: output.path, reports: reports.length },
    },
  });
};

// --- Opening a report ---------------------------------------------------------------------------

const sameBytes = (path: string, sha256: string): boolean => {
  try {
    return lstatSync(path).isFile() && sha256Of(readFileSync(path)) === sha256;
  } catch {
    return false;
  }
};

// Stored files are named by their hash; the viewer gets a copy under the report's own name, in the
// data folder's open/, in a folder named by the copy's own hash: a copy is always of the bytes it is
// named by (version ids are reused after a delete, hashes never name other bytes), and the folder is
// cleared at the next start. The stored name is data, not a path: made safe, and checked by the
// containment helper on the way.
export const openVersion = async (core: Core, versionId: number, action: 'open' | 'show'): Promise<{ name: string }> => {
  const version = statement<[number], { sha256: string; file_name: string; format: string }>(
    core.db,
    'SELECT sha256, file_name, format FROM report_versions WHERE id = ?',
  ).get(versionId);
  if (!version) throw refuseField('versionId', message('reports.versionNotFound'));
  // The name it was handed in with, its extension replaced by what the file is ("张娟.docx." and "张娟.DOCX" open as 张娟.docx).
  const stem = version.file_name.replace(/[\s.]+$/u, '').replace(/\.[^.]*$/, '');
  const name = `${safeFileName(stem, 100) || 'report'}.${version.format}`;
  const parts = [scratchFolders.open, version.sha256, nameProblem(name) ? `report.${version.format}` : name];
  const path = join(core.dataDir, ...parts);
  // A copy is made again unless the one there is still these bytes: the person may have edited the
  // copy in Word (it is a copy; the stored file stays as handed in), and the next open shows the report.
  if (!sameBytes(path, version.sha256)) {
    const bytes = readStoredFile(core, version.sha256);
    if (sha256Of(bytes) !== version.sha256)
      throw new AppError('INVALID_STATE', message('reports.archive.storedDamaged', { name: version.file_name }));
    try {
      writeInside(core.dataDir, parts, bytes, { readOnly: true });
    } catch (error) {
      // Windows: the edited copy is still open in Word, and cannot be replaced.
      throw new AppError('INVALID_STATE', message('reports.copyInUse', { name: parts.at(-1) ?? name }), {
        detail: error instanceof Error ? error.message : String(error),
      });
    }
    // On Windows the copy is marked as from the Internet again, as the trainee's file was when it
    // arrived: Word and WPS open it in Protected View. A volume that cannot hold the mark (FAT32) opens
    // it unmarked, as any file copied there would be; the log says so.
    try {
      markFromInternet(path);
    } catch (error) {
      core.log.error(`no Mark-of-the-Web on ${quotedPath(path)}`, error);
    }
  }
  if (action === 'open') await core.platform.openFile(path);
  else await core.platform.showInFolder(path);
  return { name: parts.at(-1) ?? name };
};
