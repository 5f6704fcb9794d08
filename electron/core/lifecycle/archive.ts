import { zipSync, type Zippable } from 'fflate';
import { AppError } from '../../../shared/errors';
import { type ExportResult, safeFileName } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { type ArchiveManifest, archiveManifestVersion } from '../../../shared/lifecycle/archive';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import { readStoredFile, sha256Of } from '../files/store';
import type { Job } from '../jobs/job';
import { rosterDoc } from '../roster/table-documents';
import { certificateCandidates, certificatesPdf, keepCertificateNumbers } from './certificates';
import { hoursXlsx, summaryDocx } from './documents';
import { classScheduleDoc } from '../schedule/export';
import { getSettings } from '../settings/service';
import { authorNames, gradeWord, groupWord, reportColumnWord } from '../reports/exports';
import { getReport, listReports } from '../reports/rows';
import { listTopics } from '../reports/topics';

// The class archive (一班一档): one .zip holding every report under a name people read (组别-姓名-题目),
// a manifest.xlsx for people and a manifest.json for the program, the roster (masked) and the
// schedule. Another workstation imports it back (archive-import.ts): the same reports, the same text,
// found by the same searches.

export const exportArchive = async (core: Core, classId: number, grant: string, job: Job): Promise<ExportResult> => {
  const target = getClass(core, classId);
  const output = exportTarget(core, grant, 'zip');
  const reports = listReports(core, { classId }).filter((report) => report.latest !== null);
  const folder = message('reports.archive.folder');
  const files: Zippable = {};
  const used = new Set<string>();
  const manifest: ArchiveManifest = {
    format: 'cadre-class-archive',
    version: archiveManifestVersion,
    class: { name: target.name, code: target.code, year: target.year, startDate: target.startDate, endDate: target.endDate },
    topics: listTopics(core, classId).map((topic) => ({
      title: topic.title,
      description: topic.description,
      maxAuthors: topic.maxAuthors,
    })),
    reports: [],
  };
  const rows: string[][] = [];
  job.progress('files', 0, reports.length);
  for (const [index, row] of reports.entries()) {
    await job.pause();
    const detail = getReport(core, row.id);
    const base =
      safeFileName([groupWord(row.groupNo), authorNames(row), row.title || row.topicTitle].filter(Boolean).join('-')) ||
      String(row.id);
    const versions = [...detail.allVersions].reverse().map((version) => {
      // The latest under the plain name; earlier versions beside it, numbered.
      let name = `${folder}/${version.id === row.latest?.id ? base : `${base}-v${version.version}`}.${version.format}`;
      for (let n = 2; used.has(name); n += 1) name = `${folder}/${base}(${n}).${version.format}`;
      used.add(name);
      const bytes = readStoredFile(core, version.sha256);
      if (sha256Of(bytes) !== version.sha256)
        throw new AppError('INVALID_STATE', message('reports.archive.storedDamaged', { name: version.fileName }));
      files[name] = [bytes, { level: version.format === 'txt' || version.format === 'md' ? 6 : 0 }];
      if (version.id === row.latest?.id)
        rows.push([name, authorNames(row), groupWord(row.groupNo), row.topicTitle, row.title, gradeWord(row), version.sha256]);
      return {
        entry: name,
        sha256: version.sha256,
        fileName: version.fileName,
        format: version.format,
        submittedAt: version.submittedAt,
      };
    });
    manifest.reports.push({
      topic: row.topicTitle,
      title: row.title,
      groupNo: row.groupNo,
      authors: row.authors.map((author) => author.name),
      versions,
      review: row.review,
      publication: row.publication,
      forwardings: detail.forwardingList.map(({ department, sentOn, feedback, instruction }) => ({
        department,
        sentOn,
        feedback,
        instruction,
      })),
    });
    job.progress('files', index + 1, reports.length);
  }
  const school = getSettings(core).schoolName;
  const manifestColumns = ['file', 'authors', 'group', 'topic', 'title', 'grade', 'sha256'] as const;
  files[message('reports.archive.manifestXlsx')] = await writeXlsx({
    title: message('reports.archive.manifestTitle', { name: target.name }),
    subtitle: school,
    orientation: 'landscape',
    sections: [
      {
        columns: manifestColumns.map((column) => ({
          label: reportColumnWord(column),
          width: column === 'sha256' ? 40 : column === 'file' ? 36 : 14,
        })),
        rows,
      },
    ],
  });
  files['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest, null, 2));
  // The roster as the office may pass it on: ID numbers and phones masked.
  const roster = rosterDoc(core, {
    classId,
    document: 'roster',
    reveal: { idNumber: false, phone: false },
    sort: 'stroke',
    signinBy: 'day',
  });
  files[message('reports.archive.rosterXlsx')] = await writeXlsx(roster.doc);
  files[message('reports.archive.scheduleXlsx')] = await writeXlsx(classScheduleDoc(core, classId));
  // What closing the class produced: the summary, each trainee's hours, the certificates.
  files[message('reports.archive.summaryDocx')] = (await summaryDocx(core, classId)).bytes;
  files[message('reports.archive.hoursXlsx')] = (await hoursXlsx(core, classId)).bytes;
  // The certificates of those who met the class's requirements, as the closing tab offers by default,
  // with the numbers kept from now on (as a certificate export keeps them): the package's numbers are
  // the ones the class's certificates will carry.
  if (target.status !== 'archived') job.transaction(() => keepCertificateNumbers(core, classId));
  const certified = certificateCandidates(core, classId)
    .people.filter((person) => person.met)
    .map((person) => person.traineeId);
  if (certified.length > 0)
    files[message('reports.archive.certificatesPdf')] = (await certificatesPdf(core, classId, certified)).bytes;
  job.progress('write', 0, 1);
  const bytes = zipSync(files);
  return finishExport(core, job, output, bytes, {
    rows: reports.length,
    audit: {
      entity: 'reports',
      entityId: classId,
      summary: message('reports.archive.exportSummary', {
        name: target.name,
        count: reports.length,
        people: roster.people,
        path: output.path,
      }),
      after: { format: 'zip', path: output.path, reports: reports.length },
    },
  });
};
