import { readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import {
  type CommitItem,
  type ExtractedDocument,
  type Staged,
  type StagedFile,
  type Topic,
} from '../../../shared/reports/schemas';
import { parseChineseNumber } from '../../../shared/text/chinese-numbers';
import { ordinaryForms } from '../../../shared/text/ordinary-forms';
import { record } from '../db/audit-record';
import { assertWritable, getClass } from '../classes/service';
import type { Core } from '../context';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { stagedBytes, stagingCache, stagingToken, tokenIsFor } from '../documents/staging';
import type { Job } from '../jobs/job';
import { refuseField } from '../../../shared/validation';
import { authorsOf, createReport, type Enrolled, enrolledIn } from './authors';
import { listTopics } from './topics';
import { isBoilerplate, proposedTitle } from './titles';
import { addVersion, nextVersion, reindexReports } from './versions';

// Handing in reports, in two steps. Staging reads every file (in the parser worker: what it is,
// its text), matches it to its authors by its name, and shows the person the result; nothing is
// stored. Committing re-reads each file, checks that its bytes are the ones staged, and stores
// the files, versions, texts and index entries in one transaction.

type Entry = { path: string; document: ExtractedDocument };

// A few uploads waiting for their confirmation, per open data folder; the oldest goes first. Each
// file is hashed again when it is confirmed (only those confirmed: a staged file left out may change).
const stagings = stagingCache<Map<string, Entry>>({
  keep: 8,
  changed: () => refuseField('token', message('reports.stagingExpired')),
});

// Files a folder of reports holds, to any depth: not Word's lock files (~$…), nor hidden or system
// files (Thumbs.db, desktop.ini), which people copy along without knowing.
const ignored = (name: string) => name.startsWith('.') || name.startsWith('~$') || /^(thumbs\.db|desktop\.ini)$/i.test(name);
const maxFiles = 500;

const filesIn = (root: string): { path: string; relative: string }[] => {
  const found: { path: string; relative: string }[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))) {
      if (ignored(entry.name) || found.length > maxFiles) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && depth < 6) walk(path, depth + 1);
      else if (entry.isFile()) found.push({ path, relative: relative(root, path) });
    }
  };
  walk(root, 0);
  return found;
};

// --- Matching a file name to its authors --------------------------------------------------------

const groupPattern = /第\s*([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*小?组/;

export type NameMatch = { by: StagedFile['matchedBy']; enrolmentIds: number[]; groupNo: number | null; rest: string };

// 张三-调研报告.docx is 张三's; 第二组_乡村治理.pdf is the second group's. A name is matched only when
// it is one person's in the class (two 王伟 and the file says which is not); longer names first, so
// 王明华 is not taken for 王明.
export const matchFileName = (stem: string, people: readonly Enrolled[]): NameMatch => {
  const group = groupPattern.exec(stem);
  if (group?.[1] !== undefined) {
    const groupNo = /^\d+$/.test(group[1]) ? Number(group[1]) : parseChineseNumber(group[1]);
    const members = people.filter((person) => groupNo !== undefined && person.group === groupNo);
    if (groupNo !== undefined && members.length > 0)
      return { by: 'group', enrolmentIds: members.map((m) => m.enrolmentId), groupNo, rest: stem.replace(group[0], ' ') };
  }
  const counts = new Map<string, number>();
  for (const person of people) counts.set(person.name, (counts.get(person.name) ?? 0) + 1);
  let rest = stem;
  const found: number[] = [];
  for (const person of [...people].sort((a, b) => b.name.length - a.name.length)) {
    if (person.name.length < 2 || counts.get(person.name) !== 1 || !rest.includes(person.name)) continue;
    found.push(person.enrolmentId);
    rest = rest.replace(person.name, ' ');
  }
  // In the order the file names them.
  found.sort((a, b) => {
    const at = (id: number) => stem.indexOf(people.find((p) => p.enrolmentId === id)?.name ?? '');
    return at(a) - at(b);
  });
  return { by: found.length > 0 ? 'name' : 'none', enrolmentIds: found, groupNo: null, rest };
};

const sameSet = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

type ExistingReport = { id: number; topicId: number | null; title: string; authors: number[] };

// The author ids json_group_array gives back, held to their shape rather than cast.
const authorIdsOf = jsonColumn(z.array(z.number().int().nullable()), []);

const existingReports = (core: Core, classId: number): ExistingReport[] =>
  statement<[number], { id: number; topic_id: number | null; title: string; authors: string }>(
    core.db,
    `SELECT r.id, r.topic_id, r.title, (SELECT json_group_array(enrolment_id) FROM report_authors a WHERE a.report_id = r.id) AS authors
       FROM reports r WHERE r.class_id = ? ORDER BY r.updated_at DESC, r.id DESC`,
  )
    .all(classId)
    .map((row) => ({
      id: row.id,
      topicId: row.topic_id,
      title: row.title,
      authors: authorIdsOf(row.authors).filter((id) => id !== null),
    }));

// Same authors and same topic: a new version of that report. A topic not named takes the one the
// authors chose.
const reportFor = (reports: readonly ExistingReport[], enrolmentIds: readonly number[], topicId: number | null) => {
  const theirs = reports.filter((report) => sameSet(report.authors, enrolmentIds));
  return topicId === null ? theirs[0] : theirs.find((report) => report.topicId === topicId);
};

const topicIn = (topics: readonly Topic[], ...texts: string[]) =>
  [...topics].sort((a, b) => b.title.length - a.title.length).find((topic) => texts.some((text) => text.includes(topic.title)));

// --- Staging ------------------------------------------------------------------------------------

export const stageReports = async (
  core: Core,
  input: { classId: number; grants: readonly string[]; folder: string | null },
  job: Job,
): Promise<Staged> => {
  assertWritable(getClass(core, input.classId));
  const files = [
    ...input.grants.map((grant, index) => {
      const path = core.grants.resolve(grant, 'reportFiles', `grants.${index}`);
      return { path, relative: basename(path) };
    }),
    ...(input.folder === null ? [] : filesIn(core.grants.resolve(input.folder, 'reportFolder', 'folder'))),
  ];
  if (files.length === 0) throw refuseField('folder', message('reports.noFiles'), 'required');
  if (files.length > maxFiles) throw refuseField('folder', message('reports.tooManyFiles', { max: maxFiles }), 'out_of_range');
  const people = enrolledIn(core, input.classId);
  const topics = listTopics(core, input.classId);
  const topicTitles = topics.map((topic) => topic.title);
  const reports = existingReports(core, input.classId);
  const storedDigests = new Map(
    statement<[number], { report_id: number; sha256: string; version: number }>(
      core.db,
      'SELECT v.report_id, v.sha256, v.version FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.class_id = ?',
    )
      .all(input.classId)
      .map((row) => [`${row.report_id}:${row.sha256}`, row.version]),
  );
  const entries = new Map<string, Entry>();
  const staged: StagedFile[] = [];
  const seen = new Map<string, string>();
  job.progress('read', 0, files.length);
  for (const [index, file] of files.entries()) {
    const key = String(index + 1);
    const name = basename(file.path);
    const stem = name.slice(0, name.length - extname(name).length);
    let document: ExtractedDocument | undefined;
    let problem: string | null = null;
    try {
      document = await core.parser.document(file.path, job.signal);
    } catch (error) {
      // A file that is not a report is the person's to know about, not the upload's end.
      if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
      problem = error.message;
    }
    job.progress('read', index + 1, files.length);
    const match = matchFileName(stem, people);
    const proposed = document
      ? proposedTitle({ text: document.text, rest: match.rest, named: match.by !== 'none', topics: topicTitles })
      : '';
    const chosen = reportFor(reports, match.enrolmentIds, null);
    const topicId = topicIn(topics, stem, proposed)?.id ?? chosen?.topicId ?? null;
    const report = match.enrolmentIds.length > 0 ? reportFor(reports, match.enrolmentIds, topicId) : undefined;
    // A new version keeps its report's title (the person may have written it in an earlier upload's
    // table), unless there is none or it was a document's boilerplate line.
    const title = report && report.title !== '' && !isBoilerplate(report.title) ? report.title : proposed;
    if (document) {
      const twin = seen.get(document.digest);
      const stored = report ? storedDigests.get(`${report.id}:${document.digest}`) : undefined;
      if (twin !== undefined) problem = message('reports.sameFileTwice', { name: twin });
      else if (stored !== undefined) problem = message('reports.sameAsVersion', { version: stored });
      else {
        seen.set(document.digest, file.relative);
        entries.set(key, { path: file.path, document });
      }
    }
    staged.push({
      key,
      name,
      relative: file.relative,
      size: document?.size ?? 0,
      format: document?.format ?? null,
      textStatus: document?.status ?? null,
      chars: document?.chars ?? 0,
      title,
      matchedBy: match.by,
      enrolmentIds: match.enrolmentIds,
      groupNo: match.groupNo,
      topicId,
      reportId: report?.id ?? null,
      version: report ? nextVersion(core, report.id) : 1,
      problem,
    });
  }
  // The files read, by their bytes and where they were found: the same folder staged twice is one staging.
  const token = stagingToken(
    'reports',
    input.classId,
    [...entries.values()].map((entry) => entry.document.digest),
    [...entries].map(([key, entry]) => [key, entry.path]),
  );
  stagings.keep(core, token, [], entries);
  return { token, files: staged };
};

// --- Committing ---------------------------------------------------------------------------------

const refuseItem = (index: number, field: string, text: string) => refuseField(`items.${index}.${field}`, text);

export const commitReports = async (
  core: Core,
  input: { classId: number; token: string; items: readonly CommitItem[] },
  job: Job,
): Promise<{ reports: number; versions: number; files: number }> => {
  const target = getClass(core, input.classId);
  assertWritable(target);
  const held = tokenIsFor(input.token, 'reports', input.classId) ? stagings.take(core, input.token) : undefined;
  if (held?.state !== 'held') throw refuseField('token', message('reports.stagingExpired'));
  const entries = held.value;
  const topics = new Set(listTopics(core, input.classId).map((topic) => topic.id));
  const keys = new Set<string>();
  job.progress('check', 0, input.items.length);
  const ready = input.items.map((item, index) => {
    const entry = entries.get(item.key);
    if (!entry || keys.has(item.key)) throw refuseItem(index, 'key', message('reports.notStaged'));
    keys.add(item.key);
    const authors = authorsOf(core, input.classId, item.enrolmentIds, `items.${index}.enrolmentIds`);
    if (item.topicId !== null && !topics.has(item.topicId)) throw refuseItem(index, 'topicId', message('reports.topicNotFound'));
    // The bytes stored are the bytes that were read: a file changed since it was staged is refused.
    const bytes = stagedBytes({ path: entry.path, digest: entry.document.digest }, () =>
      refuseItem(index, 'key', message('reports.changedSince', { name: entry.document.fileName })),
    );
    return { item, entry, authors, bytes };
  });
  job.checkpoint();
  const result = job.transaction(() => {
    const reports = existingReports(core, input.classId);
    const made = new Set<number>();
    let added = 0;
    for (const { item, entry, authors, bytes } of ready) {
      const title = ordinaryForms(item.title);
      let reportId = reportFor(reports, item.enrolmentIds, item.topicId)?.id;
      if (reportId === undefined) {
        reportId = createReport(core, {
          classId: input.classId,
          topicId: item.topicId,
          title,
          groupNo: item.groupNo,
          authors,
        });
        reports.unshift({ id: reportId, topicId: item.topicId, title, authors: [...item.enrolmentIds] });
        added += 1;
      } else if (title !== '')
        // The title the table showed for the new version, as the person left or changed it.
        statement(core.db, 'UPDATE reports SET title = ? WHERE id = ? AND title <> ?').run(title, reportId, title);
      addVersion(core, reportId, bytes, entry.document);
      made.add(reportId);
    }
    reindexReports(core, made);
    record(core, {
      action: 'import',
      entity: 'reports',
      entityId: input.classId,
      summary: message('reports.uploadSummary', { name: target.name, files: ready.length, reports: made.size, added }),
      after: ready.map(({ entry, item }) => ({
        file: entry.document.fileName,
        sha256: entry.document.digest,
        authors: item.enrolmentIds,
      })),
    });
    return { reports: added, versions: ready.length, files: ready.length };
  });
  stagings.drop(core, input.token);
  job.progress('write', ready.length, ready.length);
  return result;
};
