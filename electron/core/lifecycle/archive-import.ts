import type { TrainingClass } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import type { ArchiveManifest, ArchivePreview, AuthorMatch } from '../../../shared/lifecycle/archive';
import type { ArchiveImportResult } from '../../../shared/lifecycle/archive';
import type { ExtractedDocument } from '../../../shared/reports/schemas';
import { refuseField } from '../../../shared/validation';
import { record } from '../db/audit-record';
import { assertWritable, createClass, getClass } from '../classes/service';
import type { Core } from '../context';
import type { ArchiveFile, ArchiveReading } from '../documents/parser/protocol';
import { statement } from '../db/statements';
import { stagingCache, stagingToken } from '../documents/staging';
import { refuseFile } from '../files/refusal';
import type { Job } from '../jobs/job';
import { createReport, enrolledIn } from '../reports/authors';
import { reviewReport, saveOutcome } from '../reports/reviews';
import { listTopics, saveTopic } from '../reports/topics';
import { addVersion, reindexReports } from '../reports/versions';

// Importing another workstation's class archive (一班一档), in two steps. The preview has the parser
// worker read the package (checked, inflated, each report's text extracted: see read-archive.ts) and
// says what importing it would do — a new class, or which existing one it merges into; each report
// new or already here; each author matched to a trainee of that class by name, or not; the reviews,
// grades and dates it brings — and stores nothing. The import has the package read again for its
// bytes, refuses one that changed since, plans again under the write lock and refuses a plan that is
// no longer the one the person saw, then stores it all in one transaction.

// What a preview leaves for its import: the database it planned against, the token it handed out,
// what the package's reading hashed to, and the texts it extracted, as many as fit in keptCharacters;
// the others are extracted again at the import (`again`, by SHA-256). Never the bytes: the import
// reads them again.
type Previewed = {
  digest: string;
  manifestDigest: string;
  kept: ReadonlyMap<string, ExtractedDocument>;
  again: readonly string[];
};

// Texts kept from a preview for its import, in characters (UTF-16 units: what a string costs, two
// bytes each, in the core's thread — which has no heap cap of its own). Extracting is most of a
// preview's time (the bench's 200 MB package of 500 reports: 6.4 of 7.8 s, its texts 1.66 million
// characters), so an import that had to extract them all again would take nearly as long as the
// preview, on top of its own reading and storing; a class's reports come to a million or two.
// Eight million (16 MB) keeps every text of any honest class, and bounds what a package of huge
// texts (each inflating to 40 MB, many times over) leaves in the core between preview and import:
// those are counted at the preview and extracted again in the worker at the import.
export const keptCharacters = 8 * 1024 * 1024;

// The latest preview of each open data folder, and no other: a new preview replaces it. It is good
// only for the connection it planned against: a restore, or any reopen, gives core.db a new one
// (core.reopen), and a plan made against the database that was there is no plan for the one there
// now, even when it would come out the same. The package itself is read again (and compared) by the
// import, so the staging holds no file of it.
const previews = stagingCache<Previewed>({ changed: () => refuseField('token', message('reports.archive.stale')) });

// What the preview waiting for its import holds in the core's heap (the tests measure it here).
export const previewHolding = (core: Core): { token: string; characters: number; again: number } | undefined => {
  const previewed = previews.latest(core);
  if (!previewed) return undefined;
  let characters = 0;
  for (const document of previewed.value.kept.values()) characters += document.text.length;
  return { token: previewed.token, characters, again: previewed.value.again.length };
};

type ManifestReport = ArchiveManifest['reports'][number];
type PlannedAuthor = { name: string; match: AuthorMatch; enrolmentId: number | null };
type PlannedReport = { report: ManifestReport; fresh: ManifestReport['versions']; authors: PlannedAuthor[] };

// What importing the manifest does to the database as it stands now.
type Plan = { existing: TrainingClass | undefined; reports: PlannedReport[]; newTopics: number };

const planOf = (core: Core, manifest: ArchiveManifest): Plan => {
  // The class the package names, found by its name and dates (as every import of an archive did).
  const found = statement<[string, string, string], { id: number }>(
    core.db,
    'SELECT id FROM classes WHERE name = ? AND start_date = ? AND end_date = ? ORDER BY id LIMIT 1',
  ).get(manifest.class.name, manifest.class.startDate, manifest.class.endDate);
  const existing = found ? getClass(core, found.id) : undefined;
  // Its trainees by name: a name one trainee has is theirs; a name two have is nobody's.
  const byName = new Map<string, number[]>();
  for (const person of existing ? enrolledIn(core, existing.id) : [])
    byName.set(person.name, [...(byName.get(person.name) ?? []), person.enrolmentId]);
  const stored = new Set(
    existing
      ? statement<[number], { sha256: string }>(
          core.db,
          'SELECT v.sha256 FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.class_id = ?',
        )
          .all(existing.id)
          .map((row) => row.sha256)
      : [],
  );
  const topics = new Set(existing ? listTopics(core, existing.id).map((topic) => topic.title) : []);
  const reports = manifest.reports.map((report): PlannedReport => {
    // A file already in the class (or earlier in the package) is not stored twice.
    const fresh = report.versions.filter((version) => !stored.has(version.sha256));
    for (const version of fresh) stored.add(version.sha256);
    const authors = report.authors.map((name): PlannedAuthor => {
      const ids = byName.get(name) ?? [];
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) return { name, match: 'matched', enrolmentId: only };
      return { name, match: ids.length === 0 ? 'unmatched' : 'ambiguous', enrolmentId: null };
    });
    return { report, fresh, authors };
  });
  const newTopics = new Set(manifest.topics.map((topic) => topic.title).filter((title) => !topics.has(title))).size;
  return { existing, reports, newTopics };
};

// The token a preview hands out: the bytes read of the package, the manifest the person was shown
// (its bytes' own SHA-256 besides: class, titles, reviews, dates — all of it is what they saw), and
// what the plan would do with them.
const tokenOf = (read: { digest: string; manifestDigest: string }, plan: Plan): string =>
  stagingToken(
    'archive',
    0,
    [read.digest, read.manifestDigest],
    [
      plan.existing?.id ?? null,
      plan.reports.map(({ fresh, authors }) => [
        fresh.map((version) => version.sha256),
        authors.map((author) => author.enrolmentId ?? author.match),
      ]),
    ],
  );

const stateOf = ({ report, fresh }: PlannedReport) =>
  fresh.length === 0 ? 'present' : fresh.length === report.versions.length ? 'new' : 'partial';

const previewOf = (
  plan: Plan,
  manifest: ArchiveManifest,
  files: ReadonlyMap<string, ArchiveFile>,
): Omit<ArchivePreview, 'token' | 'fileName' | 'size'> => {
  const coming = plan.reports.filter((planned) => planned.fresh.length > 0);
  const authors = coming.flatMap((planned) => planned.authors);
  const { existing } = plan;
  return {
    packageClass: manifest.class,
    existing: existing
      ? {
          id: existing.id,
          code: existing.code,
          name: existing.name,
          startDate: existing.startDate,
          endDate: existing.endDate,
          status: existing.status,
        }
      : null,
    topics: { total: manifest.topics.length, added: plan.newTopics },
    reports: plan.reports.map((planned) => ({
      title: planned.report.title,
      topic: planned.report.topic,
      groupNo: planned.report.groupNo,
      state: stateOf(planned),
      authors: planned.authors.map(({ name, match }) => ({ name, match })),
      versions: planned.report.versions.map((version) => {
        const file = files.get(version.sha256);
        return {
          fileName: version.fileName,
          format: version.format,
          size: file?.size ?? 0,
          submittedAt: version.submittedAt,
          textStatus: file?.text?.status ?? 'none',
          chars: file?.text?.chars ?? 0,
          present: !planned.fresh.includes(version),
        };
      }),
      review: planned.report.review,
      publication: planned.report.publication,
      forwardings: planned.report.forwardings,
    })),
    counts: {
      reports: plan.reports.length,
      newReports: coming.length,
      presentReports: plan.reports.length - coming.length,
      versions: plan.reports.reduce((sum, planned) => sum + planned.report.versions.length, 0),
      newVersions: coming.reduce((sum, planned) => sum + planned.fresh.length, 0),
      matched: authors.filter((author) => author.match === 'matched').length,
      unmatched: authors.filter((author) => author.match === 'unmatched').length,
      ambiguous: authors.filter((author) => author.match === 'ambiguous').length,
      reviews: coming.filter((planned) => planned.report.review !== null).length,
      excellent: coming.filter((planned) => planned.report.review?.grade === 'excellent').length,
      published: coming.filter((planned) => planned.report.publication !== null).length,
      forwarded: coming.filter((planned) => planned.report.forwardings.length > 0).length,
    },
  };
};

export const previewArchive = async (core: Core, grant: string, job: Job): Promise<ArchivePreview> => {
  const path = core.grants.resolve(grant, 'archiveImport');
  // Every text extracted and counted; no more of them sent back than the import may keep.
  const reading = { texts: 'all', textBudget: keptCharacters, bytes: false } satisfies ArchiveReading;
  const read = await core.parser.archive(path, reading, job.signal, job.progress);
  job.checkpoint();
  const plan = planOf(core, read.manifest);
  // A class that is archived takes nothing in; the person hears it now, not after confirming.
  if (plan.existing) assertWritable(plan.existing);
  const kept = new Map<string, ExtractedDocument>();
  for (const file of read.files) if (file.document) kept.set(file.sha256, file.document);
  const token = tokenOf(read, plan);
  previews.keep(core, token, [], {
    digest: read.digest,
    manifestDigest: read.manifestDigest,
    kept,
    again: read.files.filter((file) => !file.document).map((file) => file.sha256),
  });
  const files = new Map(read.files.map((file) => [file.sha256, file]));
  return { token, fileName: read.fileName, size: read.size, ...previewOf(plan, read.manifest, files) };
};

export const importArchive = async (
  core: Core,
  input: { grant: string; token: string },
  job: Job,
): Promise<ArchiveImportResult> => {
  const held = previews.take(core, input.token);
  if (held.state === 'reopened') throw refuseField('token', message('reports.archive.stale'));
  if (held.state === 'gone') throw refuseField('token', message('reports.archive.previewExpired'));
  const previewed = held.value;
  // The database the preview planned against, or none: it never imports into another.
  const planned = core.db;
  const replaced = () => core.db !== planned;
  const path = core.grants.resolve(input.grant, 'archiveImport');
  // The bytes again, and the texts the preview could not keep: the package must be the one previewed.
  const reading = { texts: previewed.again, textBudget: null, bytes: true } satisfies ArchiveReading;
  const read = await core.parser.archive(path, reading, job.signal, job.progress);
  if (read.digest !== previewed.digest || read.manifestDigest !== previewed.manifestDigest)
    throw refuseFile('reports.archive.changedSince', { name: read.fileName });
  const bytesOf = new Map(read.files.map((file) => [file.sha256, file.bytes]));
  const documentOf = new Map(previewed.kept);
  for (const file of read.files) if (file.document) documentOf.set(file.sha256, file.document);
  const { manifest } = read;
  job.checkpoint();
  job.progress('write', 0, 1);
  const result = job.transaction(() => {
    // A restore (or a reopen) while the package was being read: the data the plan was made with is gone.
    if (replaced()) throw refuseField('token', message('reports.archive.stale'));
    // Under the write lock: the plan the person confirmed, or none.
    const plan = planOf(core, manifest);
    if (tokenOf(read, plan) !== input.token) throw refuseField('token', message('reports.archive.stale'));
    const target =
      plan.existing ??
      createClass(core, {
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
    let reports = 0;
    let added = 0;
    let skipped = 0;
    const written: number[] = [];
    for (const { report, fresh, authors } of plan.reports) {
      skipped += report.versions.length - fresh.length;
      if (fresh.length === 0) continue;
      const reportId = createReport(core, {
        classId: target.id,
        topicId: report.topic === '' ? null : (topics.get(report.topic) ?? null),
        title: report.title,
        groupNo: report.groupNo,
        authors: authors.map(({ name, enrolmentId }) => ({ name, enrolmentId })),
      });
      for (const version of fresh) {
        const document = documentOf.get(version.sha256);
        const bytes = bytesOf.get(version.sha256);
        // The digest and the plan matched: every file of the plan was read, and its text too.
        if (!document || !bytes) throw refuseField('token', message('reports.archive.stale'));
        addVersion(core, reportId, bytes, { ...document, fileName: version.fileName }, version.submittedAt);
        added += 1;
      }
      written.push(reportId);
      if (report.review) reviewReport(core, reportId, report.review);
      if (report.publication || report.forwardings.length > 0)
        saveOutcome(core, reportId, report.publication, report.forwardings);
      reports += 1;
    }
    reindexReports(core, written);
    const done = { classId: target.id, className: target.name, createdClass: !plan.existing, reports, versions: added, skipped };
    record(core, {
      action: 'import',
      entity: 'reports',
      entityId: target.id,
      summary: message('reports.archive.importSummary', { name: target.name, reports, versions: added, skipped }),
      after: done,
    });
    return done;
  });
  previews.drop(core, input.token);
  job.progress('write', 1, 1);
  return result;
};
