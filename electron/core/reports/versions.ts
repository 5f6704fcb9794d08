import type { ExtractedDocument } from '../../../shared/reports/schemas';
import { type Core, timestamp } from '../context';
import { statement } from '../db/statements';
import { storeFile } from '../files/store';
import { ordinaryForms } from '../../../shared/text/ordinary-forms';
import { indexTokens, peopleTokens } from '../../../shared/text/search-tokens';

// A report's versions and the search index over them. Both change only inside the caller's write
// transaction: a version, its text and the index entry are there together, or none of them is.
//
// The index is written last in a transaction (reindexReports, after every other row): FTS5 keeps
// what it is given in memory until the transaction ends, but writes it out as a segment of its own
// whenever a statement with triggers (every audited insert) opens a savepoint. Interleaved, each
// report became a segment to merge, and an upload slowed with every report the archive held.

type IndexSource = { title: string; topic: string | null; class_name: string; text: string | null };

// The index holds each report's latest version (rowid = the report's id): its title, its authors
// (with their names in pinyin), its topic and class, and its text.
export const reindexReport = (core: Core, reportId: number): void => {
  statement(core.db, 'DELETE FROM report_index WHERE rowid = ?').run(reportId);
  const source = statement<[number], IndexSource>(
    core.db,
    `SELECT r.title, t.title AS topic, c.name AS class_name, x.text
       FROM reports r JOIN classes c ON c.id = r.class_id LEFT JOIN report_topics t ON t.id = r.topic_id
       JOIN report_versions v ON v.id = (SELECT id FROM report_versions WHERE report_id = r.id ORDER BY version DESC LIMIT 1)
       LEFT JOIN report_texts x ON x.version_id = v.id
      WHERE r.id = ?`,
  ).get(reportId);
  // Nothing handed in yet: nothing to find.
  if (!source) return;
  const names = statement<[number], { name: string }>(
    core.db,
    'SELECT name FROM report_authors WHERE report_id = ? ORDER BY position',
  )
    .all(reportId)
    .map((author) => author.name);
  statement(core.db, 'INSERT INTO report_index (rowid, title, people, context, body) VALUES (?, ?, ?, ?, ?)').run(
    reportId,
    indexTokens(source.title),
    peopleTokens(names),
    indexTokens(`${source.topic ?? ''} ${source.class_name}`),
    indexTokens(source.text ?? ''),
  );
};

export const nextVersion = (core: Core, reportId: number): number =>
  (statement<[number], { last: number | null }>(
    core.db,
    'SELECT max(version) AS last FROM report_versions WHERE report_id = ?',
  ).get(reportId)?.last ?? 0) + 1;

// Stores the file (content-addressed: written aside, synced, renamed, before its row), then the
// version and its text, in its ordinary forms whatever read it (the parser does so already; an
// archive's or the sample's text comes this way too). Call inside a write transaction, and
// reindexReports at its end.
export const addVersion = (
  core: Core,
  reportId: number,
  bytes: Uint8Array,
  document: Pick<ExtractedDocument, 'fileName' | 'format' | 'status' | 'text' | 'chars'>,
  submittedAt = timestamp(core),
): number => {
  const sha256 = storeFile(core, bytes, document.fileName);
  const made = statement(
    core.db,
    `INSERT INTO report_versions (report_id, version, sha256, file_name, format, size, text_status, chars, submitted_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    reportId,
    nextVersion(core, reportId),
    sha256,
    document.fileName,
    document.format,
    bytes.length,
    document.status,
    document.chars,
    submittedAt,
  );
  const versionId = Number(made.lastInsertRowid);
  statement(core.db, 'INSERT INTO report_texts (version_id, text) VALUES (?, ?)').run(versionId, ordinaryForms(document.text));
  statement(core.db, 'UPDATE reports SET updated_at = ? WHERE id = ?').run(timestamp(core), reportId);
  return versionId;
};

// After the transaction's other writes: each report's index entry, once.
export const reindexReports = (core: Core, reportIds: Iterable<number>): void => {
  for (const reportId of new Set(reportIds)) reindexReport(core, reportId);
};

export const versionText = (core: Core, versionId: number): string =>
  statement<[number], { text: string }>(core.db, 'SELECT text FROM report_texts WHERE version_id = ?').get(versionId)?.text ?? '';
