import { basename, dirname, join, relative, sep } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportResult, SaveFormat } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { refuseField } from '../../../shared/validation';
import { type AuditEntry, record } from '../db/audit-record';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { isInside, realOrAsWritten, writeFileAtomic } from './contain';
import { ownFileNames, ownFolderNames } from './own-files';

// Where an export goes: the grant the person's save dialog gave, the path behind it, and the format
// the export writes. Each export names its format before it builds anything: a grant asked for
// another format, or already written to, is refused then.
export type ExportTarget = { grant: string; path: string; format: SaveFormat };

// Not over the program's own files: the save dialog lets the person pick any file, and an export saved
// over cadre.sqlite3, or into files/ or backups/, would replace the program's data with a document.
// (A 名册.xlsx saved beside them in the data folder harms nothing.)
const overOwnFiles = (dataDir: string, path: string): boolean => {
  const folder = realOrAsWritten(dataDir);
  const target = join(realOrAsWritten(dirname(path)), basename(path));
  if (!isInside(folder, target)) return false;
  const [first = ''] = relative(folder, target).split(sep);
  return (ownFileNames as readonly string[]).includes(first) || (ownFolderNames as readonly string[]).includes(first);
};

export const exportTarget = (core: Core, grant: string, format: SaveFormat): ExportTarget => {
  const path = core.grants.exportPath(grant, format);
  if (overOwnFiles(core.dataDir, path)) throw refuseField('grant', message('export.insideDataFolder', { path }));
  return { grant, path, format };
};

const cannotWrite = (path: string, error: unknown) =>
  new AppError(
    'INVALID_INPUT',
    message('export.cannotWrite', { path, reason: error instanceof Error ? error.message : String(error) }),
    {
      issues: [{ field: 'grant', code: 'invalid_format', message: message('export.cannotWrite', { path, reason: '' }) }],
    },
  );

// How every export ends. The audit entry is committed first: no file of personal data, not even a
// temporary one, exists before the log says who exported what. Then the bytes go to a synced
// temporary file beside the target, which is renamed into place. A cancel before the entry leaves no
// file and no entry; a write that fails after it leaves no file, and a second entry saying so.
export const finishExport = (
  core: Core,
  job: Job,
  target: ExportTarget,
  bytes: Uint8Array,
  done: { rows: number; audit: Omit<AuditEntry, 'action'> },
): ExportResult => {
  job.checkpoint();
  // Asked again: another export may have written to the same grant while this one was being built.
  // From here to markWritten nothing waits, so only one of them gets past this line.
  core.grants.exportPath(target.grant, target.format);
  job.transaction(() => record(core, { ...done.audit, action: 'export' }));
  try {
    writeFileAtomic(target.path, bytes);
  } catch (error) {
    const failure = cannotWrite(target.path, error);
    job.transaction(() =>
      record(core, {
        ...done.audit,
        action: 'export',
        summary: message('export.notWritten', { summary: done.audit.summary, reason: failure.message }),
        after: { written: false },
      }),
    );
    throw failure;
  }
  core.grants.markWritten(target.grant);
  job.progress('write', 1, 1);
  return { path: target.path, grant: target.grant, rows: done.rows, bytes: bytes.length };
};
