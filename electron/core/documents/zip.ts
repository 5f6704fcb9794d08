import { Inflate } from 'fflate';

// A zip (an .xlsx, a .docx) opened without believing what it says about itself: each entry is found
// through the central directory, then inflated piece by piece while the bytes it really produces are
// counted, and the whole is refused the moment they pass the cap. A file that declares its parts empty
// and inflates to gigabytes stops at the cap, after a few milliseconds, with the memory of the cap.

export type ZipLimits = { maxTotal: number };

export class ZipRefused extends Error {
  constructor(
    readonly reason: 'not-zip' | 'too-large' | 'damaged',
    readonly bytes = 0,
  ) {
    super(reason);
  }
}

const piece = 64 * 1024;

const endOfDirectory = (bytes: Uint8Array, view: DataView): number => {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new ZipRefused('not-zip');
};

const inflated = (data: Uint8Array, method: number, budget: { left: number }): Uint8Array => {
  if (method === 0) {
    budget.left -= data.length;
    if (budget.left < 0) throw new ZipRefused('too-large');
    return data;
  }
  if (method !== 8) throw new ZipRefused('damaged');
  const chunks: Uint8Array[] = [];
  let over = false;
  const inflate = new Inflate((chunk) => {
    budget.left -= chunk.length;
    if (budget.left < 0) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && !over; at += piece) {
      const end = Math.min(data.length, at + piece);
      inflate.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    throw new ZipRefused('damaged');
  }
  if (over) throw new ZipRefused('too-large');
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

const decoder = new TextDecoder();

// Every entry (directories left out), by name, inflated within the limits.
export const unzipWithin = (bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> => {
  if (bytes.length < 22) throw new ZipRefused('not-zip');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(bytes, view);
  const count = view.getUint16(end + 10, true);
  let record = view.getUint32(end + 16, true);
  const budget = { left: limits.maxTotal };
  const entries = new Map<string, Uint8Array>();
  try {
    for (let n = 0; n < count; n += 1) {
      if (view.getUint32(record, true) !== 0x02014b50) throw new ZipRefused('damaged');
      const method = view.getUint16(record + 10, true);
      const compressed = view.getUint32(record + 20, true);
      const nameLength = view.getUint16(record + 28, true);
      const extraLength = view.getUint16(record + 30, true);
      const commentLength = view.getUint16(record + 32, true);
      const local = view.getUint32(record + 42, true);
      const name = decoder.decode(bytes.subarray(record + 46, record + 46 + nameLength));
      record += 46 + nameLength + extraLength + commentLength;
      // ZIP64 (sizes past 4 GB) has no place in an office document.
      if (compressed === 0xffffffff || local === 0xffffffff) throw new ZipRefused('damaged');
      if (name.endsWith('/')) continue;
      if (view.getUint32(local, true) !== 0x04034b50) throw new ZipRefused('damaged');
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (start + compressed > bytes.length) throw new ZipRefused('damaged');
      entries.set(name, inflated(bytes.subarray(start, start + compressed), method, budget));
    }
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    // A record that points outside the file.
    throw new ZipRefused('damaged');
  }
  return entries;
};

export const unpackedBytes = (entries: ReadonlyMap<string, Uint8Array>): number =>
  [...entries.values()].reduce((sum, entry) => sum + entry.length, 0);
