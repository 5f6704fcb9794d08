import { z } from 'zod';
import { cleanName } from './names';

// Files never cross the boundary as paths. A dialog (in main) or the command line (whose user owns
// the machine) turns a chosen file into a grant: an opaque, random id, valid for one purpose, for this
// run of the app only. Channels take grants; the core alone knows the path behind each.
export const grantPurposes = [
  'rosterImport',
  'scheduleImport',
  'tableImport',
  'attachment',
  'export',
  'backupFolder',
  'restoreFrom',
  'reportFiles',
  'reportFolder',
  'archiveImport',
  'dataFolder',
] as const;
export type GrantPurpose = (typeof grantPurposes)[number];

// What the dialog is for decides what the grant may do: an export grant is only ever written to, an
// import grant only read, a folder grant only used as a folder.
// tableImport: a list of sites, staff or households; attachment: a document kept with a record;
// reportFiles: research reports handed in (several at once); archiveImport: a class's archive (.zip).
export const openPurposes = [
  'rosterImport',
  'scheduleImport',
  'tableImport',
  'attachment',
  'reportFiles',
  'archiveImport',
] as const;
export type OpenPurpose = (typeof openPurposes)[number];
// dataFolder: where the app keeps its data from its next start on.
export const folderPurposes = ['backupFolder', 'restoreFrom', 'reportFolder', 'dataFolder'] as const;

export const grantPattern = /^[A-Za-z0-9_-]{24}$/;

export const grantSchema = z.string().refine((value) => grantPattern.test(value), { params: { code: 'invalid_format' } });

// What a dialog answers: the grant, and the chosen file's own name to show (never its folder).
export const chosenSchema = z.object({ grant: z.string().nullable(), name: z.string().nullable() });
export type Chosen = z.output<typeof chosenSchema>;

// Every kind of file the app saves.
export const saveFormats = ['xlsx', 'docx', 'pdf', 'csv', 'ics', 'zip'] as const;
export type SaveFormat = (typeof saveFormats)[number];

// The name offered in the save dialog: what Windows cannot have in a file name (a session titled
// "理论/实践", a half-width colon) becomes _, and a long title is cut so the whole stays a usable name
// (names.ts: the same rules the core writes by).
export const safeFileName = (base: string, max = 120): string => cleanName(base, max);

// What one drop onto the window may hold, checked by the page before it reads the files and by the
// core before it decodes them.
export const droppedLimits = { fileBytes: 50 * 1024 * 1024, totalBytes: 300 * 1024 * 1024, files: 500 };

// Cut again with its extension: the whole name fits in the 255 bytes a file system holds.
export const fileNameOf = (base: string, format: SaveFormat): string =>
  cleanName(`${safeFileName(base)}.${format}`, 120 + format.length + 1);

// Where an export went: the full location is shown to the person; the grant opens its folder.
// The columns of an imported table that no field reads, as the file heads them (未导入的列).
export const ignoredColumnsSchema = z.array(z.string().max(200)).max(200);

export const exportResultSchema = z.object({
  path: z.string(),
  grant: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
});
export type ExportResult = z.output<typeof exportResultSchema>;

// A document sent to the system's print dialog: whether the person printed it (or cancelled).
export const printResultSchema = z.object({ printed: z.boolean(), rows: z.number().int() });
export type PrintResult = z.output<typeof printResultSchema>;
