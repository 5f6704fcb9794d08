import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { z } from 'zod';
import { message, type MessageKey } from '../../../../shared/i18n/translate';
import { type ArchiveManifest, archiveManifestSchema } from '../../../../shared/lifecycle/archive';
import { type LabelKeys, toFieldIssues } from '../../../../shared/validation';
import { fileRefusal, refuseFile } from '../../files/refusal';
import { type ZipEntries, type ZipFileEntry, zipFrom } from '../zip-file';
import { ZipRefused } from '../zip';
import { extractDocumentBytes, maxDocumentBytes } from './extract';
import type { ArchiveFile, ArchiveReading, ParseProgress, ReadArchive } from './protocol';

// A class archive (一班一档), read in the parser worker: its directory read, every entry name checked,
// the manifest parsed by its schema, each file it lists read from the package at its offset,
// inflated within the limits and held to the SHA-256 the manifest gives it, and — as asked — each
// report's text extracted. Nothing is written anywhere: what comes back is the manifest and the
// files' bytes and texts, and the core stores them in one transaction or not at all.
//
// The package is opened once per reading and every byte taken from it is hashed as it is taken (the
// digest a preview's token binds). Hashing it on one open and parsing it on another let a file
// server answer the two differently: the preview showed one manifest and the import stored another.

export const archiveLimits = {
  // The package as a file, what its entries may inflate to in all, and how many it may list.
  maxFileBytes: 1024 * 1024 * 1024,
  maxTotal: 1536 * 1024 * 1024,
  maxRatio: 20,
  ratioFrom: 64 * 1024 * 1024,
  maxEntries: 5000,
};

// manifest.json for 2,000 reports of 50 versions runs to a few MB.
const maxManifestBytes = 32 * 1024 * 1024;
const mib = 1024 * 1024;

// What a name in a zip may be, here: a relative path of plain parts. The entries are never written
// under their names, but a package that names ../../x or C:\x was not made by this program.
const safeEntry = (name: string) =>
  name !== '' &&
  !name.startsWith('/') &&
  !name.includes('\\') &&
  !name.includes('\0') &&
  !/^[A-Za-z]:/.test(name) &&
  name.split('/').every((part) => part !== '..' && part !== '.' && part !== '');

const megabytes = (bytes: number) => Math.round(bytes / mib);

const refusal = (error: unknown, name: string): unknown => {
  if (!(error instanceof ZipRefused)) return error;
  if (error.reason === 'too-large') return refuseFile('reports.archive.bomb', { megabytes: megabytes(error.bytes) });
  if (error.reason === 'too-many')
    return refuseFile('reports.archive.tooMany', { count: error.bytes, max: archiveLimits.maxEntries });
  if (error.reason === 'duplicate') return refuseFile('reports.archive.duplicate');
  if (error.reason === 'damaged' && name !== '') return refuseFile('reports.archive.damaged', { name });
  return refuseFile('reports.archive.notArchive');
};

// Progress as often as a progress bar can show it: the first and the last of each phase always.
const throttled = (progress: ParseProgress): ParseProgress => {
  let last = 0;
  let shown = '';
  return (phase, done, total) => {
    const now = performance.now();
    if (phase !== shown || done === total || now - last >= 50) {
      shown = phase;
      last = now;
      progress(phase, done, total);
    }
  };
};

// --- The manifest -------------------------------------------------------------------------------

// The manifest's fields in the words of the screens that show them.
const manifestLabels: LabelKeys = {
  'class.name': 'fields.name',
  'topics.title': 'fields.topicTitle',
  'topics.description': 'reports.archive.fields.description',
  'reports.topic': 'fields.topicTitle',
  'reports.title': 'reports.columns.title',
  'reports.authors': 'reports.columns.authors',
  'reports.versions.entry': 'reports.archive.fields.entry',
  'reports.versions.fileName': 'reports.archive.fields.fileName',
  'reports.versions.sha256': 'reports.columns.sha256',
  'reports.versions.submittedAt': 'reports.archive.fields.submittedAt',
  'reports.review.reviewer': 'fields.reportReviewer',
  'reports.review.reviewedOn': 'fields.reportReviewedOn',
};

// Where in the manifest a problem stands, as a person counts: 第 4 份报告第 1 个文件的…
const whereWords: Record<string, MessageKey> = {
  class: 'reports.archive.where.class',
  topics: 'reports.archive.where.topics',
  reports: 'reports.archive.where.reports',
  versions: 'reports.archive.where.versions',
  authors: 'reports.archive.where.authors',
  review: 'reports.archive.where.review',
  publication: 'reports.archive.where.publication',
  forwardings: 'reports.archive.where.forwardings',
};
// Words after which a field's name follows without a joining word of their own.
const bare = new Set(['reports', 'authors']);

const whereOf = (path: readonly PropertyKey[]): string => {
  const words: string[] = [];
  let lastBare = false;
  for (let i = 0; i < path.length - 1; i += 1) {
    const key = String(path[i]);
    const next = path[i + 1];
    const word = whereWords[key];
    if (!word) continue;
    if (typeof next === 'number') {
      words.push(message(word, { n: next + 1 }));
      i += 1;
    } else words.push(message(word));
    lastBare = bare.has(key);
  }
  if (lastBare && typeof path.at(-1) === 'string') words.push(message('reports.archive.where.after'));
  return words.join('');
};

const shown = (input: unknown): string =>
  typeof input === 'string' || typeof input === 'number'
    ? message('reports.archive.badValue', { value: String(input).slice(0, 40) })
    : '';

// The first problem, named: which report, which file, which field, what it says.
export const manifestProblem = (issue: z.core.$ZodIssue): string => {
  const [field] = toFieldIssues([issue], manifestLabels);
  const problem =
    issue.path.at(-1) === 'submittedAt' && field?.params?.['label'] !== undefined
      ? message('reports.archive.badInstant', { label: field.params['label'] })
      : (field?.message ?? '');
  return message('reports.archive.badManifestAt', {
    where: whereOf(issue.path),
    problem,
    value: 'input' in issue ? shown(issue.input) : '',
  });
};

export const parseManifest = (bytes: Uint8Array): ArchiveManifest => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw refuseFile('reports.archive.badManifest');
  }
  const checked = archiveManifestSchema.safeParse(parsed, { reportInput: true });
  if (checked.success) return checked.data;
  const [first] = checked.error.issues;
  throw first ? fileRefusal(manifestProblem(first)) : refuseFile('reports.archive.badManifest');
};

// --- The package --------------------------------------------------------------------------------

// The name a file's text is read under: its own, with the extension of the format the manifest gives
// (a .wps is told from a .doc, a .md from a .txt, by that).
const nameForReading = (fileName: string, format: string) =>
  extname(fileName).slice(1).toLowerCase() === format ? fileName : `${fileName}.${format}`;

const readEntry = (zip: ZipEntries, entry: ZipFileEntry): Uint8Array => {
  try {
    return zip.read(entry);
  } catch (error) {
    throw refusal(error, entry.name);
  }
};

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export const readArchive = async (path: string, reading: ArchiveReading, report: ParseProgress): Promise<ReadArchive> => {
  const progress = throttled(report);
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > archiveLimits.maxFileBytes)
      throw refuseFile('reports.archive.tooLarge', { megabytes: megabytes(archiveLimits.maxFileBytes) });
    // The size the reading went by, then each piece read with where it was read: two readings that
    // parsed the same bytes (the preview's and the import's) have the same digest, and any other
    // answer of the file to either, in a place the reading looked at, another.
    const read = createHash('sha256').update(`${size}\n`);
    let zip: ZipEntries;
    try {
      zip = zipFrom(
        { fd, size, seen: (bytes, position) => read.update(`${position}+${bytes.length}\n`).update(bytes) },
        archiveLimits,
      );
    } catch (error) {
      throw refusal(error, '');
    }
    for (const name of zip.entries.keys())
      if (!safeEntry(name)) throw refuseFile('reports.archive.unsafeName', { name: name.slice(0, 100) });
    const manifestEntry = zip.entries.get('manifest.json');
    if (!manifestEntry) throw refuseFile('reports.archive.notArchive');
    if (manifestEntry.size > maxManifestBytes) throw refuseFile('reports.archive.badManifest');
    const manifestBytes = readEntry(zip, manifestEntry);
    const manifest = parseManifest(manifestBytes);
    const versions = manifest.reports.flatMap((one) => one.versions);
    // Every file the manifest lists is there, and no larger than a report may be, before any is read.
    const wanted = new Map<string, ZipFileEntry>();
    for (const version of versions) {
      const entry = zip.entries.get(version.entry);
      if (!entry) throw refuseFile('reports.archive.missingEntry', { name: version.entry });
      if (entry.size > maxDocumentBytes)
        throw refuseFile('reports.tooLarge', { name: version.fileName, megabytes: megabytes(maxDocumentBytes) });
      wanted.set(version.entry, entry);
    }
    // Each read once, inflated, and held to its checksum.
    const digests = new Map<string, string>();
    const bytesOf = new Map<string, Uint8Array>();
    progress('read', 0, wanted.size);
    for (const [name, entry] of wanted) {
      const bytes = readEntry(zip, entry);
      bytesOf.set(name, bytes);
      digests.set(name, sha256(bytes));
      progress('read', bytesOf.size, wanted.size);
    }
    const files = new Map<string, ArchiveFile & { name: string; data: Uint8Array }>();
    for (const version of versions) {
      const bytes = bytesOf.get(version.entry);
      if (!bytes || digests.get(version.entry) !== version.sha256)
        throw refuseFile('reports.archive.hashMismatch', { name: version.entry });
      if (!files.has(version.sha256))
        files.set(version.sha256, {
          sha256: version.sha256,
          size: bytes.length,
          bytes: reading.bytes ? bytes : null,
          text: null,
          document: null,
          name: nameForReading(version.fileName, version.format),
          data: bytes,
        });
    }
    const texts = reading.texts === 'all' ? undefined : new Set(reading.texts);
    const extracting = [...files.values()].filter((file) => !texts || texts.has(file.sha256));
    // What of the texts may come back whole: the rest is told by its status and length.
    let budget = reading.textBudget ?? Number.POSITIVE_INFINITY;
    if (extracting.length > 0) progress('extract', 0, extracting.length);
    for (const [done, file] of extracting.entries()) {
      const document = await extractDocumentBytes(file.data, file.name);
      file.text = { status: document.status, chars: document.chars };
      if (document.text.length <= budget) {
        file.document = document;
        budget -= document.text.length;
      }
      progress('extract', done + 1, extracting.length);
    }
    return {
      fileName: basename(path),
      digest: read.digest('hex'),
      manifestDigest: sha256(manifestBytes),
      size,
      manifest,
      files: [...files.values()].map(({ sha256: sha, size: length, bytes, text, document }) => ({
        sha256: sha,
        size: length,
        bytes,
        text,
        document,
      })),
    };
  } finally {
    closeSync(fd);
  }
};
