import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { GrantPurpose } from '../../../shared/files/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';

// The paths behind the grants of one run of the core. A grant comes from a dialog the person
// answered (files.choose*) or from the command line, whose user owns the machine; nothing that
// crosses IPC can make one. A restarted core has none: the page is asked to choose again.
export type Grants = {
  issue: (path: string, purpose: GrantPurpose) => string;
  // The path behind a grant, if it was issued for this purpose; otherwise the field is refused.
  resolve: (grant: string, purpose: GrantPurpose, field?: string) => string;
  // An export has written its file: from now on its folder may be shown.
  markWritten: (grant: string) => void;
  written: (grant: string, field?: string) => string;
};

type Entry = { path: string; purpose: GrantPurpose; written: boolean };

export const grantRegistry = (): Grants => {
  const entries = new Map<string, Entry>();
  const find = (grant: string, field: string): Entry => {
    const entry = entries.get(grant);
    if (!entry) throw invalidInput([fieldIssue(field, 'grant_unknown')]);
    return entry;
  };
  return {
    issue: (path, purpose) => {
      if (!isAbsolute(path) || path.includes('\0')) throw new Error(`a grant needs an absolute path: ${path}`);
      // 18 random bytes: 24 characters of base64url, the shape grantSchema accepts.
      const grant = randomBytes(18).toString('base64url');
      entries.set(grant, { path, purpose, written: false });
      return grant;
    },
    resolve: (grant, purpose, field = 'grant') => {
      const entry = find(grant, field);
      if (entry.purpose !== purpose) throw invalidInput([fieldIssue(field, 'grant_purpose')]);
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
