import { rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import type { ExportResult } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { type AuditEntry, record } from '../audit/service';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { replaceWith, writeTempBeside } from './atomic';

// Where an export goes: the grant the person's save dialog gave, and the path behind it.
export type ExportTarget = { grant: string; path: string };

export const exportTarget = (core: Core, grant: string): ExportTarget => ({ grant, path: core.grants.resolve(grant, 'export') });

const cannotWrite = (path: string, error: unknown) =>
  new AppError(
    'INVALID_INPUT',
    message('export.cannotWrite', { path, reason: error instanceof Error ? error.message : String(error) }),
    {
      issues: [{ field: 'grant', code: 'invalid_format', message: message('export.cannotWrite', { path, reason: '' }) }],
    },
  );

// How every export ends. The bytes go to a synced temporary file beside the target; then the audit
// entry is committed; only then does the file appear under its name. So a cancelled or failed export
// leaves no file and no entry, and no file of personal data ever appears without its entry.
export const finishExport = (
  core: Core,
  job: Job,
  target: ExportTarget,
  bytes: Uint8Array,
  done: { rows: number; audit: Omit<AuditEntry, 'action'> },
): ExportResult => {
  job.checkpoint();
  let temp: string;
  try {
    temp = writeTempBeside(target.path, bytes);
  } catch (error) {
    throw cannotWrite(target.path, error);
  }
  try {
    job.checkpoint();
    job.transaction(() => record(core, { ...done.audit, action: 'export' }));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  try {
    replaceWith(temp, target.path);
  } catch (error) {
    throw cannotWrite(target.path, error);
  }
  core.grants.markWritten(target.grant);
  job.progress('write', 1, 1);
  return { path: target.path, grant: target.grant, rows: done.rows, bytes: bytes.length };
};
