import type { AppErrorShape } from '../../../../shared/errors';
import type { ExtractedDocument } from '../../../../shared/reports/schemas';
import type { Sheet } from '../sheet';

// What the core asks of its parser worker, and what comes back. Every file that comes from outside
// is read there, never in the core's own thread: a damaged file that sends a parser into a loop, or
// into gigabytes of memory, costs a worker, not the app.

// A spreadsheet's cells, its name, and the SHA-256 of its bytes (what an import's token binds).
export type ParsedWorkbook = { fileName: string; digest: string; sheets: Sheet[] };

// workbook: a spreadsheet's cells; document: a report's text (see extract.ts).
export type ParseRequest = { id: number; kind: 'workbook' | 'document'; path: string };

export type ParseAnswer =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; workbook: ParsedWorkbook }
  | { type: 'extracted'; id: number; document: ExtractedDocument }
  | { type: 'refused'; id: number; error: AppErrorShape };
