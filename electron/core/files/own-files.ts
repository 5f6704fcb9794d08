import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';

// The names the app keeps in a data folder. None of them may be anything but what the app makes: a
// prepared folder whose app.lock or logs/ is a link to the person's own files, whose cadre.log or
// -wal is a hard link to their ~/.bashrc, or whose cadre.sqlite3 is a FIFO that blocks whoever opens
// it, would have the app write there (or hang) at every start (issue 19, H2). Checked when a folder
// is chosen and at every start, before anything in it is opened.
export const ownFileNames = [
  'cadre.sqlite3',
  'cadre.sqlite3-wal',
  'cadre.sqlite3-shm',
  'cadre.sqlite3-journal',
  '.restore-staging.sqlite3',
  'app.lock',
  'backup-folder.json',
  'logs/cadre.log',
] as const;
export const ownFolderNames = ['logs', 'files', 'backups', 'incoming', 'open', 'tmp'] as const;

// A link (followed by whoever writes there), a second name of a file (a hard link: whatever is
// written reaches the other name too), or not the kind of thing the app keeps under that name.
export type UnsafeEntry = { name: string; why: 'link' | 'hardLink' | 'notFile' | 'notFolder' };

// Inside the app's folders, what they hold one level down (and the stored files in files/ab/): links
// only, from readdir's types, at no extra call per file. The app never writes into a file there: it
// writes aside and renames, so a hard link among them cannot carry a write elsewhere.
const linksInside = (dataDir: string, dir: string, depth: number): UnsafeEntry[] =>
  readdirSync(join(dataDir, dir), { withFileTypes: true }).flatMap((entry) => {
    const name = `${dir}/${entry.name}`;
    if (entry.isSymbolicLink()) return [{ name, why: 'link' as const }];
    return entry.isDirectory() && depth > 0 ? linksInside(dataDir, name, depth - 1) : [];
  });

export const unsafeOwnEntries = (dataDir: string): UnsafeEntry[] => {
  const found: UnsafeEntry[] = [];
  for (const name of ownFolderNames) {
    const stat = lstatSync(join(dataDir, name), { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isSymbolicLink()) found.push({ name, why: 'link' });
    else if (!stat.isDirectory()) found.push({ name, why: 'notFolder' });
    else found.push(...linksInside(dataDir, name, name === 'files' ? 1 : 0).filter((entry) => entry.name !== 'logs/cadre.log'));
  }
  for (const name of ownFileNames) {
    const stat = lstatSync(join(dataDir, name), { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isSymbolicLink()) found.push({ name, why: 'link' });
    else if (!stat.isFile()) found.push({ name, why: 'notFile' });
    else if (stat.nlink > 1) found.push({ name, why: 'hardLink' });
  }
  return found;
};

export const describeUnsafe = (entries: readonly UnsafeEntry[]): string =>
  entries
    .slice(0, 3)
    .map((entry) => message('files.contain.unsafeEntry', { name: entry.name, why: message(`files.contain.why.${entry.why}`) }))
    .join(message('text.list'));

export const refuseUnsafeOwnEntries = (dataDir: string): void => {
  const unsafe = unsafeOwnEntries(dataDir);
  if (unsafe.length > 0)
    throw new AppError(
      'INVALID_STATE',
      message('files.contain.linksInDataFolder', { dir: dataDir, names: describeUnsafe(unsafe) }),
      {
        entries: unsafe
          .slice(0, 20)
          .map((entry) => `${entry.name} (${entry.why})`)
          .join('\n'),
      },
    );
};
