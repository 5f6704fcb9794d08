import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { safeFileName } from '../../../shared/files/schemas';
import { message } from '../../../shared/i18n/translate';
import { invalidInput } from '../../../shared/validation';
import type { Core } from '../context';
import type { Job } from '../jobs/job';

// Files dragged onto the window. The page never learns where a dropped file lies (and must not
// name paths), so it reads the bytes it was given and hands them over; the core writes them into a
// folder of its own under the data folder, named by itself, and answers with a grant for that
// folder, which the upload then reads like any folder the person chose.

export const droppedLimits = { fileBytes: 50 * 1024 * 1024, totalBytes: 300 * 1024 * 1024, files: 500 };

const incomingDir = (dataDir: string) => join(dataDir, 'incoming');
// Drops nobody went on with are cleared after a day.
const keepMs = 24 * 60 * 60 * 1000;

const clearOld = (core: Core) => {
  const root = incomingDir(core.dataDir);
  if (!existsSync(root)) return;
  const names = readdirSync(root);
  for (const name of names) {
    const path = join(root, name);
    if (core.now().getTime() - statSync(path).mtimeMs > keepMs) rmSync(path, { recursive: true, force: true });
  }
};

const dataUrl = /^data:[^,;]*;base64,/;

export const receiveDropped = async (
  core: Core,
  files: readonly { relative: string; data: string }[],
  job: Job,
): Promise<{ folder: string; files: number }> => {
  const decoded = files.map((file, index) => {
    // Folders the drop held stay as folders (第二组/张三.docx); each part is made a safe name.
    const parts = file.relative
      .split(/[\\/]/)
      .filter((part) => part !== '' && part !== '.' && part !== '..')
      .map((part) => safeFileName(part, 100));
    if (parts.length === 0 || parts.length > 8)
      throw invalidInput([
        { field: `files.${index}.relative`, code: 'invalid_format', message: message('files.dropped.badName') },
      ]);
    const bytes = Buffer.from(file.data.replace(dataUrl, ''), 'base64');
    if (bytes.length > droppedLimits.fileBytes)
      throw invalidInput([
        {
          field: `files.${index}.data`,
          code: 'out_of_range',
          message: message('reports.tooLarge', { name: parts.at(-1) ?? '', megabytes: droppedLimits.fileBytes / 1024 / 1024 }),
        },
      ]);
    return { parts, bytes };
  });
  const total = decoded.reduce((sum, file) => sum + file.bytes.length, 0);
  if (total > droppedLimits.totalBytes)
    throw invalidInput([
      {
        field: 'files',
        code: 'out_of_range',
        message: message('files.dropped.tooMuch', { megabytes: droppedLimits.totalBytes / 1024 / 1024 }),
      },
    ]);
  clearOld(core);
  const folder = join(incomingDir(core.dataDir), `${core.now().getTime()}-${randomBytes(6).toString('hex')}`);
  job.progress('files', 0, decoded.length);
  try {
    for (const [index, { parts, bytes }] of decoded.entries()) {
      await job.pause();
      const dir = join(folder, ...parts.slice(0, -1));
      mkdirSync(dir, { recursive: true });
      // Two dropped files of one name (the same file dropped twice, or names that became one once made
      // safe) are both kept: the second gets a number, as Explorer would name it.
      const name = parts.at(-1) ?? 'file';
      const dot = name.lastIndexOf('.');
      const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
      let path = join(dir, name);
      for (let n = 2; existsSync(path); n += 1) path = join(dir, `${stem} (${n})${extension}`);
      writeFileSync(path, bytes, { flag: 'wx' });
      job.progress('files', index + 1, decoded.length);
    }
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  return { folder: core.grants.issue(folder, 'reportFolder'), files: decoded.length };
};
