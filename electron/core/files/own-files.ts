import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';

// The names the app keeps in a data folder. None of them may be a link: a prepared folder whose
// app.lock points at a file of the person's, or whose logs/ points at their home, would have the app
// write there at every start (issue 19, H2). Checked when a folder is chosen and at every start.
export const ownFileNames = [
  'cadre.sqlite3',
  'cadre.sqlite3-wal',
  'cadre.sqlite3-shm',
  'cadre.sqlite3-journal',
  '.restore-staging.sqlite3',
  'app.lock',
  'backup-folder.json',
] as const;
export const ownFolderNames = ['logs', 'files', 'backups', 'incoming', 'open', 'tmp'] as const;

const isLink = (path: string) => lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink() === true;

// Inside the app's folders, one level of what they hold (files/ab/, backups/cadre-backup-…/, logs/cadre.log)
// and the stored files themselves: readdir's types cost no extra call per file.
const linksInside = (dir: string, depth: number): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) return [path];
    return entry.isDirectory() && depth > 0 ? linksInside(path, depth - 1) : [];
  });

// The app's own files and folders that are links (relative names), in a folder that may not exist yet.
export const linksAmongOwnFiles = (dataDir: string): string[] => {
  const found: string[] = [];
  for (const name of ownFileNames) if (isLink(join(dataDir, name))) found.push(name);
  for (const name of ownFolderNames) {
    const path = join(dataDir, name);
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined) continue;
    if (stat.isSymbolicLink()) found.push(name);
    else if (stat.isDirectory())
      found.push(...linksInside(path, name === 'files' ? 1 : 0).map((inner) => inner.slice(dataDir.length + 1)));
  }
  return found;
};

export const linkRefusal = (dataDir: string, links: readonly string[]) =>
  new AppError(
    'INVALID_STATE',
    message('files.contain.linksInDataFolder', { dir: dataDir, names: links.slice(0, 3).join(message('text.list')) }),
    {
      links: links.slice(0, 20).join('\n'),
    },
  );

export const refuseLinksAmongOwnFiles = (dataDir: string): void => {
  const links = linksAmongOwnFiles(dataDir);
  if (links.length > 0) throw linkRefusal(dataDir, links);
};
