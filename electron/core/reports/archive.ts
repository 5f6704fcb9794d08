import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { type ExportResult, safeFileName } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import {
  type ArchiveImportResult,
  documentFormats,
  type ExtractedDocument,
  forwardingSchema,
  grades,
  publicationSchema,
} from '../../../shared/reports/schemas';
import { record } from '../audit/service';
import { assertWritable, createClass, getClass } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { writeXlsx } from '../documents/xlsx-writer';
import { unzipWithin, ZipRefused } from '../documents/zip';
import { exportTarget, finishExport } from '../files/export';
import { readStoredFile, sha256Of } from '../files/store';
import type { Job } from '../jobs/job';
import { rosterDoc } from '../roster/export';
import { certificatesPdf, hoursXlsx, summaryDocx } from '../closing/documents';
import { classScheduleDoc } from '../schedule/export';
import { getSettings } from '../settings/service';
import { authorNames, gradeWord, groupWord, reportColumnWord } from './exports';
import { createReport, enrolledIn, getReport, listReports, listTopics, reviewReport, saveOutcome, saveTopic } from './service';
import { addVersion, reindexReports } from './versions';
import { refuseFile } from '../files/refusal';

// The class archive (一班一档): one .zip holding every report under a name people read (组别-姓名-题目),
// a manifest.xlsx for people and a manifest.json for the program, the roster (masked) and the
// schedule. Another workstation imports it back: the same reports, the same text, found by the same
// searches. The import believes nothing the zip says about itself.

const manifestVersion = 1;

const manifestSchema = z.object({
  format: z.literal('cadre-class-archive'),
  version: z.literal(manifestVersion),
  class: z.object({
    name: z.string().min(1).max(100),
    code: z.string().max(50),
    year: z.number().int().min(2000).max(2100),
    startDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    endDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  topics: z
    .array(
      z.object({
        title: z.string().min(1).max(200),
        description: z.string().max(2000),
        maxAuthors: z.number().int().min(1).max(500).nullable(),
      }),
    )
    .max(500),
  reports: z
    .array(
      z.object({
        topic: z.string().max(200),
        title: z.string().max(200),
        groupNo: z.number().int().min(1).max(99).nullable(),
        authors: z.array(z.string().min(1).max(50)).max(100),
        versions: z
          .array(
            z.object({
              entry: z.string().min(1).max(300),
              sha256: z.string().regex(/^[0-9a-f]{64}$/),
              fileName: z.string().min(1).max(300),
              format: z.enum(documentFormats),
              submittedAt: z.string().max(40),
            }),
          )
          .min(1)
          .max(50),
        review: z
          .object({
            reviewer: z.string().max(50),
            score: z.number().min(0).max(100).nullable(),
            grade: z.enum(grades),
            comments: z.string().max(4000),
            reviewedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          })
          .nullable(),
        publication: publicationSchema.nullable(),
        forwardings: z.array(forwardingSchema).max(50),
      }),
    )
    .max(2000),
});
type Manifest = z.output<typeof manifestSchema>;

// What a name in a zip may be, here: a relative path of plain parts. The entries are never written
// under their names, but a package that names ../../x or C:\x was not made by this program.
const safeEntry = (name: string) =>
  name !== '' &&
  !name.startsWith('/') &&
  !name.includes('\\') &&
  !name.includes('\0') &&
  !/^[A-Za-z]:/.test(name) &&
  name.split('/').every((part) => part !== '..' && part !== '.' && part !== '');

// --- Export -------------------------------------------------------------------------------------

export const exportArchive = async (core: Core, classId: number, grant: string, job: Job): Promise<ExportResult> => {
  const target = getClass(core, classId);
  const output = exportTarget(core, grant, 'zip');
  const reports = listReports(core, { classId }).filter((report) => report.latest !== null);
  const folder = message('reports.archive.folder');
  const files: Zippable = {};
  const used = new Set<string>();
  const manifest: Manifest = {
    format: 'cadre-class-archive',
    version: manifestVersion,
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
  if (roster.people > 0) files[message('reports.archive.certificatesPdf')] = (await certificatesPdf(core, classId)).bytes;
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

// --- Import -------------------------------------------------------------------------------------

export const archiveLimits = {
  // The package as a file, what its entries may inflate to in all, and how many it may list.
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotal: 1536 * 1024 * 1024,
  maxRatio: 20,
  ratioFrom: 64 * 1024 * 1024,
  maxEntries: 5000,
};

const openArchive = (path: string): Map<string, Uint8Array> => {
  const size = statSync(path).size;
  if (size > archiveLimits.maxFileBytes)
    throw refuseFile('reports.archive.tooLarge', { megabytes: Math.round(archiveLimits.maxFileBytes / 1024 / 1024) });
  try {
    return unzipWithin(readFileSync(path), archiveLimits);
  } catch (error) {
    if (!(error instanceof ZipRefused)) throw error;
    if (error.reason === 'too-large')
      throw refuseFile('reports.archive.bomb', { megabytes: Math.round(error.bytes / 1024 / 1024) });
    if (error.reason === 'too-many')
      throw refuseFile('reports.archive.tooMany', { count: error.bytes, max: archiveLimits.maxEntries });
    if (error.reason === 'duplicate') throw refuseFile('reports.archive.duplicate');
    throw refuseFile('reports.archive.notArchive');
  }
};

const readManifest = (entries: Map<string, Uint8Array>): Manifest => {
  for (const name of entries.keys())
    if (!safeEntry(name)) throw refuseFile('reports.archive.unsafeName', { name: name.slice(0, 100) });
  const raw = entries.get('manifest.json');
  if (!raw) throw refuseFile('reports.archive.notArchive');
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw refuseFile('reports.archive.badManifest');
  }
  const checked = manifestSchema.safeParse(parsed);
  if (!checked.success) throw refuseFile('reports.archive.badManifest');
  return checked.data;
};

export const importArchive = async (core: Core, grant: string, job: Job): Promise<ArchiveImportResult> => {
  job.progress('read', 0, 1);
  const entries = openArchive(core.grants.resolve(grant, 'archiveImport'));
  const manifest = readManifest(entries);
  const versions = manifest.reports.flatMap((report) => report.versions);
  // Every file the manifest lists is there, with the bytes it says.
  for (const version of versions) {
    const bytes = entries.get(version.entry);
    if (!bytes) throw refuseFile('reports.archive.missingEntry', { name: version.entry });
    if (sha256Of(bytes) !== version.sha256) throw refuseFile('reports.archive.hashMismatch', { name: version.entry });
  }
  // Each file read again for its text, in the parser worker, from a folder of the app's own naming.
  const scratch = join(core.dataDir, 'tmp', `archive-${randomBytes(6).toString('hex')}`);
  const read = new Map<string, ExtractedDocument>();
  try {
    mkdirSync(scratch, { recursive: true });
    job.progress('check', 0, versions.length);
    for (const [index, version] of versions.entries()) {
      if (read.has(version.sha256)) continue;
      const path = join(scratch, `${index}.${version.format}`);
      writeFileSync(path, entries.get(version.entry) ?? new Uint8Array());
      read.set(version.sha256, { ...(await core.parser.document(path, job.signal)), fileName: version.fileName });
      rmSync(path, { force: true });
      job.progress('check', index + 1, versions.length);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  job.checkpoint();
  return job.transaction(() => {
    const found = statement<[string, string, string], { id: number }>(
      core.db,
      'SELECT id FROM classes WHERE name = ? AND start_date = ? AND end_date = ? ORDER BY id LIMIT 1',
    ).get(manifest.class.name, manifest.class.startDate, manifest.class.endDate);
    const target = found
      ? getClass(core, found.id)
      : createClass(core, {
          name: manifest.class.name,
          year: manifest.class.year,
          startDate: manifest.class.startDate,
          endDate: manifest.class.endDate,
          location: '',
          sponsor: '',
          headTeacher: '',
          plannedSize: null,
          goals: '',
          notes: '',
        });
    assertWritable(target);
    const topics = new Map(listTopics(core, target.id).map((topic) => [topic.title, topic.id]));
    for (const topic of manifest.topics)
      if (!topics.has(topic.title))
        topics.set(
          topic.title,
          saveTopic(core, target.id, undefined, {
            title: topic.title,
            adviserStaffId: null,
            description: topic.description,
            maxAuthors: topic.maxAuthors,
          }).id,
        );
    const people = enrolledIn(core, target.id);
    const byName = new Map<string, number | null>();
    for (const person of people) byName.set(person.name, byName.has(person.name) ? null : person.enrolmentId);
    const stored = new Set(
      statement<[number], { sha256: string }>(
        core.db,
        'SELECT v.sha256 FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.class_id = ?',
      )
        .all(target.id)
        .map((row) => row.sha256),
    );
    let reports = 0;
    let added = 0;
    const written: number[] = [];
    let skipped = 0;
    for (const report of manifest.reports) {
      const fresh = report.versions.filter((version) => !stored.has(version.sha256));
      skipped += report.versions.length - fresh.length;
      if (fresh.length === 0) continue;
      const reportId = createReport(core, {
        classId: target.id,
        topicId: report.topic === '' ? null : (topics.get(report.topic) ?? null),
        title: report.title,
        groupNo: report.groupNo,
        authors: report.authors.map((name) => ({ name, enrolmentId: byName.get(name) ?? null })),
      });
      for (const version of fresh) {
        const document = read.get(version.sha256);
        const bytes = entries.get(version.entry);
        if (!document || !bytes) continue;
        addVersion(core, reportId, bytes, document, version.submittedAt);
        stored.add(version.sha256);
        added += 1;
      }
      written.push(reportId);
      if (report.review) reviewReport(core, reportId, report.review);
      if (report.publication || report.forwardings.length > 0)
        saveOutcome(core, reportId, report.publication, report.forwardings);
      reports += 1;
    }
    reindexReports(core, written);
    const result = { classId: target.id, className: target.name, createdClass: !found, reports, versions: added, skipped };
    record(core, {
      action: 'import',
      entity: 'reports',
      entityId: target.id,
      summary: message('reports.archive.importSummary', { name: target.name, reports, versions: added, skipped }),
      after: result,
    });
    job.progress('write', 1, 1);
    return result;
  });
};
