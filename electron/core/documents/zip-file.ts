import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Inflate } from 'fflate';
import { budgetFor, crc32, piece, type ZipLimits, ZipRefused } from './zip';

// A zip read from its file, not from memory: the central directory first, then only the entries
// asked for, each read at its offset and inflated piece by piece under the same limits as
// unzipWithin (zip.ts). A package of a gigabyte costs the memory of the entries taken from it, not of
// the file and everything it holds.
//
// Through one descriptor from start to end, and every byte taken from it shown to whoever asks
// (`seen`): a file on a share may answer a second open, or a second read, with other bytes, so a
// reader that must know what it parsed (a class archive's token, read-archive.ts) hashes exactly
// what was read here rather than the file read once more beside it.

export type ZipFileEntry = {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  // What the directory says it inflates to: believed only as a ceiling.
  size: number;
  local: number;
};

export type ZipEntries = {
  size: number;
  entries: ReadonlyMap<string, ZipFileEntry>;
  // The entry's bytes, inflated within the limits, checked against its CRC-32, in an ArrayBuffer of
  // their own (so that they can be transferred to another thread as they are).
  read: (entry: ZipFileEntry) => Uint8Array;
};

export type ZipFile = ZipEntries & { close: () => void };

// An open file's descriptor and its size (the caller opened it and closes it); `seen` is told every
// piece read from it, where it was read, in the order read.
export type ZipSource = { fd: number; size: number; seen?: (bytes: Uint8Array, position: number) => void };

const decoder = new TextDecoder();
// What an input read takes at a time: pieces of it are inflated, the rest waits on disk.
const readPiece = 1024 * 1024;
// A directory larger than this lists more than any limit here lets through.
const maxDirectoryBytes = 64 * 1024 * 1024;

// Exactly `length` bytes from `position`, in a buffer of their own; a file shorter than that is damaged.
const readAt = ({ fd, seen }: ZipSource, position: number, length: number): Uint8Array => {
  const out = new Uint8Array(length);
  for (let done = 0; done < length;) {
    const count = readSync(fd, out, done, length - done, position + done);
    if (count === 0) throw new ZipRefused('damaged');
    done += count;
  }
  seen?.(out, position);
  return out;
};

const directoryOf = (source: ZipSource, limits: ZipLimits): ZipFileEntry[] => {
  const { size } = source;
  if (size < 22) throw new ZipRefused('not-zip');
  // The end record is 22 bytes plus a comment of at most 65,535.
  const tailStart = Math.max(0, size - 22 - 65_535);
  const tail = readAt(source, tailStart, size - tailStart);
  const view = new DataView(tail.buffer);
  let end = -1;
  for (let at = tail.length - 22; at >= 0; at -= 1)
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  if (end < 0) throw new ZipRefused('not-zip');
  const count = view.getUint16(end + 10, true);
  if (limits.maxEntries !== undefined && count > limits.maxEntries) throw new ZipRefused('too-many', count);
  const directorySize = view.getUint32(end + 12, true);
  const directoryAt = view.getUint32(end + 16, true);
  // ZIP64 (sizes past 4 GB) has no place here; a directory outside the file is damage.
  if (count === 0xffff || directoryAt === 0xffffffff || directorySize > maxDirectoryBytes) throw new ZipRefused('damaged');
  if (directoryAt + directorySize > tailStart + end) throw new ZipRefused('damaged');
  const directory = readAt(source, directoryAt, directorySize);
  const records = new DataView(directory.buffer);
  const entries: ZipFileEntry[] = [];
  let record = 0;
  for (let n = 0; n < count; n += 1) {
    if (records.getUint32(record, true) !== 0x02014b50) throw new ZipRefused('damaged');
    const nameLength = records.getUint16(record + 28, true);
    const entry: ZipFileEntry = {
      name: decoder.decode(directory.subarray(record + 46, record + 46 + nameLength)),
      method: records.getUint16(record + 10, true),
      crc: records.getUint32(record + 16, true),
      compressed: records.getUint32(record + 20, true),
      size: records.getUint32(record + 24, true),
      local: records.getUint32(record + 42, true),
    };
    if (record + 46 + nameLength > directory.length) throw new ZipRefused('damaged');
    record += 46 + nameLength + records.getUint16(record + 30, true) + records.getUint16(record + 32, true);
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff || entry.local === 0xffffffff)
      throw new ZipRefused('damaged');
    if (!entry.name.endsWith('/')) entries.push(entry);
  }
  return entries;
};

// The zip in a file already open: nothing is opened again, and closing is the caller's.
export const zipFrom = (source: ZipSource, limits: ZipLimits): ZipEntries => {
  const { size } = source;
  let listed: ZipFileEntry[];
  try {
    listed = directoryOf(source, limits);
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    // A record that points outside the directory.
    throw new ZipRefused('damaged');
  }
  const budget = budgetFor(limits, size);
  const entries = new Map<string, ZipFileEntry>();
  let declared = 0;
  for (const entry of listed) {
    // Two entries of one name: which one a reader takes differs from reader to reader.
    if (entries.has(entry.name)) throw new ZipRefused('duplicate');
    entries.set(entry.name, entry);
    declared += entry.size;
  }
  // What the directory itself admits to is refused before a byte is inflated; what it hides is
  // caught as it is inflated (read, below).
  if (declared > budget.cap) throw new ZipRefused('too-large', budget.cap);

  const dataStart = (entry: ZipFileEntry) => {
    const header = readAt(source, entry.local, 30);
    const view = new DataView(header.buffer);
    if (view.getUint32(0, true) !== 0x04034b50) throw new ZipRefused('damaged');
    const start = entry.local + 30 + view.getUint16(26, true) + view.getUint16(28, true);
    if (start + entry.compressed > size) throw new ZipRefused('damaged');
    return start;
  };

  const inflate = (entry: ZipFileEntry, start: number): Uint8Array => {
    const out = new Uint8Array(entry.size);
    let written = 0;
    // More than the entry declared: a bomb that lies in its headers, refused as one.
    let lied = false;
    const inflater = new Inflate((chunk) => {
      budget.take(chunk.length);
      if (written + chunk.length > out.length) lied = true;
      else if (!budget.over) out.set(chunk, written);
      written += chunk.length;
    });
    try {
      for (let at = 0; at < entry.compressed && !budget.over && !lied; at += readPiece) {
        const length = Math.min(readPiece, entry.compressed - at);
        // A fresh buffer each time: the inflater may keep the tail of a piece until the next one.
        const input = readAt(source, start + at, length);
        for (let offset = 0; offset < length && !budget.over && !lied; offset += piece) {
          const stop = Math.min(length, offset + piece);
          inflater.push(input.subarray(offset, stop), at + stop === entry.compressed);
        }
      }
    } catch (error) {
      if (error instanceof ZipRefused) throw error;
      throw new ZipRefused('damaged');
    }
    if (budget.over || lied) throw new ZipRefused('too-large', budget.cap);
    if (written !== out.length) throw new ZipRefused('damaged');
    return out;
  };

  return {
    size,
    entries,
    read: (entry) => {
      let data: Uint8Array;
      try {
        const start = dataStart(entry);
        if (entry.method === 0) {
          if (entry.compressed !== entry.size) throw new ZipRefused('damaged');
          budget.take(entry.size);
          if (budget.over) throw new ZipRefused('too-large', budget.cap);
          data = readAt(source, start, entry.compressed);
        } else if (entry.method === 8) data = inflate(entry, start);
        else throw new ZipRefused('damaged');
      } catch (error) {
        if (error instanceof ZipRefused) throw error;
        throw new ZipRefused('damaged');
      }
      if (crc32(data) !== entry.crc) throw new ZipRefused('damaged');
      return data;
    },
  };
};

// The zip in the file at `path`, open until closed.
export const openZipFile = (path: string, limits: ZipLimits): ZipFile => {
  const fd = openSync(path, 'r');
  try {
    return { ...zipFrom({ fd, size: fstatSync(fd).size }, limits), close: () => closeSync(fd) };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
};
