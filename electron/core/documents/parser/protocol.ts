import type { AppErrorShape } from '../../../../shared/errors';
import type { JobPhase } from '../../../../shared/events';
import type { ArchiveManifest } from '../../../../shared/reports/archive';
import type { ExtractedDocument } from '../../../../shared/reports/schemas';
import type { Sheet } from '../sheet';

// What the core asks of its parser worker, and what comes back. Every file that comes from outside
// is read there, never in the core's own thread: a damaged file that sends a parser into a loop, or
// into gigabytes of memory, costs a worker, not the app.

// A spreadsheet's cells, its name, and the SHA-256 of its bytes (what an import's token binds).
export type ParsedWorkbook = { fileName: string; digest: string; sheets: Sheet[] };

// One file of a class archive, by its SHA-256 (a file listed twice comes once): its bytes, in an
// ArrayBuffer of their own that is transferred to the core, not copied; and its text, when asked for.
export type ArchiveFile = { sha256: string; bytes: Uint8Array; document: ExtractedDocument | null };

// A class archive, checked: every entry name a plain relative path, the manifest as its schema
// says, every file it lists there with the SHA-256 it lists. digest: the package's own SHA-256.
export type ReadArchive = { fileName: string; digest: string; size: number; manifest: ArchiveManifest; files: ArchiveFile[] };

// workbook: a spreadsheet's cells; document: a report's text (see extract.ts); archive: a class
// archive (see read-archive.ts), with each report's text when `extract` (the import itself reads
// the files again for their bytes only: the preview read their text).
export type ParseJob = { kind: 'workbook' | 'document'; path: string } | { kind: 'archive'; path: string; extract: boolean };
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
