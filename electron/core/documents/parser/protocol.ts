import type { AppErrorShape } from '../../../../shared/errors';
import type { JobPhase } from '../../../../shared/events';
import type { ArchiveManifest } from '../../../../shared/lifecycle/archive';
import type { ExtractedDocument, TextStatus } from '../../../../shared/reports/schemas';
import type { Sheet } from '../sheet';

// What the core asks of its parser worker, and what comes back. Every file that comes from outside
// is read there, never in the core's own thread: a damaged file that sends a parser into a loop, or
// into gigabytes of memory, costs a worker, not the app.

// A spreadsheet's cells, its name, and the SHA-256 of its bytes (what an import's token binds).
export type ParsedWorkbook = { fileName: string; digest: string; sheets: Sheet[] };

// One file of a class archive, by its SHA-256 (a file listed twice comes once), and its size. Its
// bytes when asked for, in an ArrayBuffer of their own that is transferred to the core, not copied.
// `text`: what its extracted text is, when it was extracted; `document`: the text itself, when it
// came within the reading's budget (see ArchiveReading).
export type ArchiveFile = {
  sha256: string;
  size: number;
  bytes: Uint8Array | null;
  text: { status: TextStatus; chars: number } | null;
  document: ExtractedDocument | null;
};

// A class archive, checked: every entry name a plain relative path, the manifest as its schema
// says, every file it lists there with the SHA-256 it lists. digest: the SHA-256 of every byte read
// from the package, through the one descriptor it was read by (what was parsed, and nothing read
// beside it); manifestDigest: the SHA-256 of manifest.json as inflated and parsed.
export type ReadArchive = {
  fileName: string;
  digest: string;
  manifestDigest: string;
  size: number;
  manifest: ArchiveManifest;
  files: ArchiveFile[];
};

// What a reading of a class archive brings back besides its manifest. texts: whose text is
// extracted, every file's or those of these SHA-256s ([]: none); textBudget: how many characters of
// those texts come back in all, in the manifest's order, a text that would pass it coming back as
// its status and length only (null: all of them); bytes: whether the files' bytes come back (the
// import stores them; a preview only counts them).
export type ArchiveReading = { texts: 'all' | readonly string[]; textBudget: number | null; bytes: boolean };

// workbook: a spreadsheet's cells; document: a report's text (see extract.ts); archive: a class
// archive (see read-archive.ts).
export type ParseJob = { kind: 'workbook' | 'document'; path: string } | ({ kind: 'archive'; path: string } & ArchiveReading);
export type ParseRequest = ParseJob & { id: number };

// Where a long reading stands, as the job's progress bar shows it.
export type ParseProgress = (phase: JobPhase, done: number, total: number) => void;

export type ParseAnswer =
  | { type: 'ready' }
  | { type: 'progress'; id: number; phase: JobPhase; done: number; total: number }
  | { type: 'parsed'; id: number; workbook: ParsedWorkbook }
  | { type: 'extracted'; id: number; document: ExtractedDocument }
  | { type: 'archive'; id: number; archive: ReadArchive }
  | { type: 'refused'; id: number; error: AppErrorShape };
