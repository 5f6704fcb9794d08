import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { GrantPurpose, SaveFormat } from '../../../shared/files/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';

// The paths behind the grants of one run of the core. A grant comes from a dialog the person
// answered (files.choose*) or from the command line, whose user owns the machine; nothing that
// crosses IPC can make one. A restarted core has none: the page is asked to choose again.
export type Grants = {
  // `format`: what a save dialog asked for; the grant then receives that format only. The command
  // line's grants have none: its user named the file and the format on the same line.
  issue: (path: string, purpose: GrantPurpose, format?: SaveFormat) => string;
  // The path behind a grant, if it was issued for this purpose; otherwise the field is refused.
  resolve: (grant: string, purpose: GrantPurpose, field?: string) => string;
  // Where an export of this format may write: an export grant asked for this format, not written yet.
  exportPath: (grant: string, format: SaveFormat, field?: string) => string;
  // An export has written its file: the grant is spent, and from now on its folder may be shown.
  markWritten: (grant: string) => void;
  written: (grant: string, field?: string) => string;
};

type Entry = { path: string; purpose: GrantPurpose; format: SaveFormat | undefined; written: boolean };

export const grantRegistry = (): Grants => {
  const entries = new Map<string, Entry>();
  const find = (grant: string, field: string): Entry => {
    const entry = entries.get(grant);
    if (!entry) throw invalidInput([fieldIssue(field, 'grant_unknown')]);
    return entry;
  };
  return {
    issue: (path, purpose, format) => {
      if (!isAbsolute(path) || path.includes('\0')) throw new Error(`a grant needs an absolute path: ${path}`);
      // 18 random bytes: 24 characters of base64url, the shape grantSchema accepts.
      const grant = randomBytes(18).toString('base64url');
      entries.set(grant, { path, purpose, format, written: false });
      return grant;
    },
    resolve: (grant, purpose, field = 'grant') => {
      const entry = find(grant, field);
      if (entry.purpose !== purpose) throw invalidInput([fieldIssue(field, 'grant_purpose')]);
      return entry.path;
    },
    // A grant the page holds for 名册.pdf must not later receive another document (the study hours,
    // with full ID numbers, as .xlsx) nor a second one: one file the person named, one export into it.
    exportPath: (grant, format, field = 'grant') => {
      const entry = find(grant, field);
      if (entry.purpose !== 'export') throw invalidInput([fieldIssue(field, 'grant_purpose')]);
      if (entry.format !== undefined && entry.format !== format)
        throw invalidInput([
          fieldIssue(field, 'grant_format', { asked: entry.format.toUpperCase(), format: format.toUpperCase() }),
        ]);
      if (entry.written) throw invalidInput([fieldIssue(field, 'grant_used')]);
      return entry.path;
    },
    markWritten: (grant) => {
      const entry = entries.get(grant);
      if (entry) entry.written = true;
    },
    written: (grant, field = 'grant') => {
      const entry = find(grant, field);
      if (!entry.written) throw invalidInput([fieldIssue(field, 'grant_purpose')]);
      return entry.path;
    },
  };
};
