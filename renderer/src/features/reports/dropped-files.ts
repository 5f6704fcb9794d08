import { droppedLimits } from '../../../../shared/files/schemas';

// What a drop onto the window holds: files, and folders walked to any depth (the browser's entry
// API), each file with the path it had inside what was dropped, read as a data: URL for the core.

export type Dropped = { relative: string; data: string };

// Too much to send, known from the files' sizes before any is read (the core checks again).
export type DropRefusal = { kind: 'tooManyFiles'; count: number; max: number } | { kind: 'tooMuch'; megabytes: number };

const megabytes = (bytes: number) => bytes / 1024 / 1024;

const refusalOf = (found: readonly { relative: string; file: File }[]): DropRefusal | undefined => {
  if (found.length > droppedLimits.files) return { kind: 'tooManyFiles', count: found.length, max: droppedLimits.files };
  const total = found.reduce((sum, { file }) => sum + file.size, 0);
  return total > droppedLimits.totalBytes ? { kind: 'tooMuch', megabytes: megabytes(droppedLimits.totalBytes) } : undefined;
};

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

// readEntries answers in batches (100 at a time in Chromium) until it answers with none.
const childrenOf = async (entry: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> => {
  const reader = entry.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
};

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;

const walk = async (entry: FileSystemEntry, prefix: string, out: { relative: string; file: File }[]) => {
  const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
  if (isFile(entry)) out.push({ relative, file: await fileOf(entry) });
  else if (isDirectory(entry)) for (const child of await childrenOf(entry)) await walk(child, relative, out);
};

const dataUrlOf = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read'));
    reader.readAsDataURL(file);
  });

// A file left out here (larger than any report may be: a group's video beside the reports), not read at
// all; the upload goes on with the rest and says what was left out.
export type LeftOut = { relative: string; megabytes: number };

export const droppedFiles = async (
  transfer: DataTransfer,
): Promise<{ files: Dropped[]; leftOut: LeftOut[] } | { refused: DropRefusal }> => {
  const found: { relative: string; file: File }[] = [];
  // Entries must be taken while the drop event runs; reading them may come after.
  const entries = [...transfer.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry() : null;
    return entry ? [entry] : [];
  });
  if (entries.length > 0) for (const entry of entries) await walk(entry, '', found);
  else for (const file of transfer.files) found.push({ relative: file.name, file });
  const fits = found.filter(({ file }) => file.size <= droppedLimits.fileBytes);
  const leftOut = found
    .filter(({ file }) => file.size > droppedLimits.fileBytes)
    .map(({ relative }) => ({ relative, megabytes: megabytes(droppedLimits.fileBytes) }));
  const refused = refusalOf(fits);
  if (refused) return { refused };
  return {
    files: await Promise.all(fits.map(async ({ relative, file }) => ({ relative, data: await dataUrlOf(file) }))),
    leftOut,
  };
};
