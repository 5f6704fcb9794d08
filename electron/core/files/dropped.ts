import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanName, nameProblem } from '../../../shared/files/names';
import { droppedLimits } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { invalidInput } from '../../../shared/validation';
import type { Core } from '../context';
import type { Job } from '../jobs/job';
import { folderInside, removeInside, writeNewInside } from './contain';
import { incomingName, isOwnScratch, scratchFolders } from './scratch';

// Files dragged onto the window. The page never learns where a dropped file lies (and must not
// name paths), so it reads the bytes it was given and hands them over; the core writes them into a
// folder of its own under the data folder, named by itself, and answers with a grant for that
// folder, which the upload then reads like any folder the person chose.

const incoming = scratchFolders.incoming;
// Drops nobody went on with are cleared after a day (and all of them at the next start).
const keepMs = 24 * 60 * 60 * 1000;

const clearOld = (core: Core) => {
  const root = join(core.dataDir, incoming);
  const names = (() => {
    try {
      return readdirSync(root);
    } catch {
      return [];
    }
  })();
  for (const name of names)
    if (isOwnScratch('incoming', name) && core.now().getTime() - statSync(join(root, name)).mtimeMs > keepMs)
      removeInside(core.dataDir, [incoming, name]);
};

const dataUrl = /^data:[^,;]*;base64,/;

// What a data: URL decodes to, from its length alone: a drop is refused by size before a byte of it
// is decoded.
const decodedBytes = (data: string): number => {
  const base64 = data.length - (data.match(dataUrl)?.[0].length ?? 0);
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64 * 3) / 4) - padding);
};

const refuse = (field: string, code: 'invalid_format' | 'out_of_range', text: string) =>
  invalidInput([{ field, code, message: text }]);

// Folders the drop held stay as folders (第二组/张三.docx). Each part is made safe, then checked: a part
// that is nothing once made safe — "..", " ..", "..　" with a full-width space, "." — or a name Windows
// reserves refuses the drop, naming the file, before anything is written.
const partsOf = (relative: string, index: number): string[] => {
  const raw = relative.split(/[\\/]/).filter((part) => part !== '');
  const parts = raw.map((part) => cleanName(part, 100));
  const bad = parts.findIndex((part) => nameProblem(part) !== undefined);
  if (raw.length === 0 || raw.length > 8 || bad !== -1) {
    const problem = bad === -1 ? 'empty' : (nameProblem(parts[bad] ?? '') ?? 'empty');
    throw refuse(
      `files.${index}.relative`,
      'invalid_format',
      message('files.dropped.badName', {
        name: relative.slice(0, 200),
        reason:
          raw.length > 8 ? message('files.dropped.tooDeep') : message(`files.contain.name.${problem}`, { name: raw[bad] ?? '' }),
      }),
    );
  }
  return parts;
};

// Two dropped files of one name (the same file dropped twice, or names that became one once made
// safe) are both kept: the second gets a number, as Explorer would name it.
const numbered = (name: string, n: number) => {
  if (n === 1) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${stem} (${n})${extension}`;
};

export const receiveDropped = async (
  core: Core,
  files: readonly { relative: string; data: string }[],
  job: Job,
): Promise<{ folder: string; files: number }> => {
  const checked = files.map((file, index) => {
    const parts = partsOf(file.relative, index);
    const bytes = decodedBytes(file.data);
    if (bytes > droppedLimits.fileBytes)
      throw refuse(
        `files.${index}.data`,
        'out_of_range',
        message('reports.tooLarge', { name: parts.at(-1) ?? '', megabytes: droppedLimits.fileBytes / 1024 / 1024 }),
      );
    return { parts, bytes, data: file.data };
  });
  if (checked.reduce((sum, file) => sum + file.bytes, 0) > droppedLimits.totalBytes)
    throw refuse(
      'files',
      'out_of_range',
      message('files.dropped.tooMuch', { megabytes: droppedLimits.totalBytes / 1024 / 1024 }),
    );
  clearOld(core);
  const stamp = incomingName(core.now());
  const folder = folderInside(core.dataDir, [incoming, stamp]);
  job.progress('files', 0, checked.length);
  try {
    for (const [index, { parts, data }] of checked.entries()) {
      await job.pause();
      const bytes = Buffer.from(data.replace(dataUrl, ''), 'base64');
      const name = parts.at(-1) ?? 'file';
      for (let n = 1; ; n += 1) {
        try {
          writeNewInside(folder, [...parts.slice(0, -1), numbered(name, n)], bytes);
          break;
        } catch (error) {
          if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
        }
      }
      job.progress('files', index + 1, checked.length);
    }
  } catch (error) {
    removeInside(core.dataDir, [incoming, stamp]);
    throw error;
  }
  return { folder: core.grants.issue(folder, 'reportFolder'), files: checked.length };
};
