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

// A file of the drop that is left out, and why: what the folder picker does with what is not a report.
export type Skipped = { relative: string; reason: string };

// Folders the drop held stay as folders (第二组/张三.docx). Each part is made safe, then checked: a file
// with a part that is nothing once made safe — "..", " ..", "..　" with a full-width space, "." — or a
// name Windows reserves is left out and listed, before anything is written; the rest of the drop goes on.
const partsOf = (relative: string): string[] | Skipped => {
  const raw = relative.split(/[\\/]/).filter((part) => part !== '');
  const parts = raw.map((part) => cleanName(part, 100));
  if (raw.length === 0) return { relative, reason: message('files.contain.name.empty', { name: relative }) };
  if (raw.length > 8) return { relative, reason: message('files.dropped.tooDeep') };
  const bad = parts.findIndex((part) => nameProblem(part) !== undefined);
  if (bad === -1) return parts;
  return {
    relative,
    reason: message(`files.contain.name.${nameProblem(parts[bad] ?? '') ?? 'empty'}`, { name: raw[bad] ?? '' }),
  };
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
): Promise<{ folder: string; files: number; skipped: Skipped[] }> => {
  const skipped: Skipped[] = [];
  const taken = files.flatMap((file) => {
    const parts = partsOf(file.relative);
    if (!Array.isArray(parts)) return (skipped.push(parts), []);
    const bytes = decodedBytes(file.data);
    if (bytes > droppedLimits.fileBytes) {
      skipped.push({
        relative: file.relative,
        reason: message('reports.tooLarge', { name: parts.at(-1) ?? '', megabytes: droppedLimits.fileBytes / 1024 / 1024 }),
      });
      return [];
    }
    return [{ parts, bytes, data: file.data }];
  });
  if (taken.reduce((sum, file) => sum + file.bytes, 0) > droppedLimits.totalBytes)
    throw refuse(
      'files',
      'out_of_range',
      message('files.dropped.tooMuch', { megabytes: droppedLimits.totalBytes / 1024 / 1024 }),
    );
  // Nothing left to take: the drop is refused, saying why for the first few.
  if (taken.length === 0)
    throw refuse(
      'files',
      'invalid_format',
      message('files.dropped.noneUsable', {
        reasons: skipped
          .slice(0, 3)
          .map((item) => message('files.dropped.badName', { name: item.relative.slice(0, 200), reason: item.reason }))
          .join(message('text.clauses')),
      }),
    );
  clearOld(core);
  const stamp = incomingName(core.now());
  const folder = folderInside(core.dataDir, [incoming, stamp]);
  job.progress('files', 0, taken.length);
  try {
    for (const [index, { parts, data }] of taken.entries()) {
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
      job.progress('files', index + 1, taken.length);
    }
  } catch (error) {
    removeInside(core.dataDir, [incoming, stamp]);
    throw error;
  }
  return { folder: core.grants.issue(folder, 'reportFolder'), files: taken.length, skipped };
};
