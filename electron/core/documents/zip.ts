import { Inflate } from 'fflate';

// A zip (an .xlsx, a .docx) opened without believing what it says about itself: each entry is found
// through the central directory, then inflated piece by piece while the bytes it really produces are
// counted, and the whole is refused the moment they pass the cap. A file that declares its parts empty
// and inflates to gigabytes stops at the cap, after a few milliseconds, with the memory of the cap.

// maxTotal: what all entries together may inflate to. maxRatio: how many times the file's own size
// they may inflate to, once they have passed ratioFrom (small files compress well; bombs very well).
// maxEntries: how many entries the directory may list (an archive of millions of empty entries costs
// time and memory before a byte is inflated).
export type ZipLimits = { maxTotal: number; maxRatio: number; ratioFrom: number; maxEntries?: number };

export class ZipRefused extends Error {
  constructor(
    readonly reason: 'not-zip' | 'too-large' | 'damaged' | 'too-many' | 'duplicate',
    readonly bytes = 0,
  ) {
    super(reason);
  }
}

// Small enough that one piece cannot inflate to more than ~16 MB before the count is looked at.
export const piece = 16 * 1024;

const endOfDirectory = (bytes: Uint8Array, view: DataView): number => {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at -= 1) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  throw new ZipRefused('not-zip');
};

// The bytes inflated so far, against the limits; `over` once they are passed.
export type Budget = { cap: number; produced: number; over: boolean; take: (count: number) => void };

export const budgetFor = (limits: ZipLimits, fileSize: number): Budget => {
  const cap = Math.min(limits.maxTotal, Math.max(limits.ratioFrom, limits.maxRatio * fileSize));
  const budget: Budget = {
    cap,
    produced: 0,
    over: false,
    take: (count) => {
      budget.produced += count;
      if (budget.produced > cap) budget.over = true;
    },
  };
  return budget;
};

const inflated = (data: Uint8Array, method: number, budget: Budget): Uint8Array => {
  if (method === 0) {
    budget.take(data.length);
    if (budget.over) throw new ZipRefused('too-large', budget.produced);
    return data;
  }
  if (method !== 8) throw new ZipRefused('damaged');
  const chunks: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    budget.take(chunk.length);
    // Past the cap nothing more is kept: the next piece is not even pushed.
    if (!budget.over) chunks.push(chunk);
  });
  try {
    for (let at = 0; at < data.length && !budget.over; at += piece) {
      const end = Math.min(data.length, at + piece);
      inflate.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    throw new ZipRefused('damaged');
  }
  if (budget.over) throw new ZipRefused('too-large', budget.produced);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
};

// CRC-32 as zip stores it for each entry: a byte changed on a disk or in a transfer shows here,
// rather than as a wrong name in a roster. Eight bytes a step (slicing-by-8): an import's few
// megabytes of XML are checked in a millisecond or two.
const crcTables = (() => {
  const tables = Array.from({ length: 8 }, () => new Uint32Array(256));
  const [first] = tables;
  if (!first) throw new Error('no CRC table');
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    first[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n += 1) {
    let c = first[n] ?? 0;
    for (let t = 1; t < 8; t += 1) {
      c = (first[c & 0xff] ?? 0) ^ (c >>> 8);
      const table = tables[t];
      if (table) table[n] = c >>> 0;
    }
  }
  return tables as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
})();

export const crc32 = (data: Uint8Array): number => {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = crcTables;
  let crc = 0xffffffff;
  let i = 0;
  const whole = data.length - (data.length % 8);
  for (; i < whole; i += 8) {
    const a = (crc ^ (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24))) >>> 0;
    crc =
      t7[a & 0xff]! ^
      t6[(a >>> 8) & 0xff]! ^
      t5[(a >>> 16) & 0xff]! ^
      t4[a >>> 24]! ^
      t3[data[i + 4]!]! ^
      t2[data[i + 5]!]! ^
      t1[data[i + 6]!]! ^
      t0[data[i + 7]!]!;
  }
  for (; i < data.length; i += 1) crc = t0[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

const decoder = new TextDecoder();

// Every entry (directories left out), by name, inflated within the limits.
export const unzipWithin = (bytes: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> => {
  if (bytes.length < 22) throw new ZipRefused('not-zip');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfDirectory(bytes, view);
  const count = view.getUint16(end + 10, true);
  if (limits.maxEntries !== undefined && count > limits.maxEntries) throw new ZipRefused('too-many', count);
  let record = view.getUint32(end + 16, true);
  const budget = budgetFor(limits, bytes.length);
  const entries = new Map<string, Uint8Array>();
  try {
    for (let n = 0; n < count; n += 1) {
      if (view.getUint32(record, true) !== 0x02014b50) throw new ZipRefused('damaged');
      const method = view.getUint16(record + 10, true);
      const crc = view.getUint32(record + 16, true);
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
      const data = inflated(bytes.subarray(start, start + compressed), method, budget);
      if (crc32(data) !== crc) throw new ZipRefused('damaged');
      // Two entries of one name: which one a reader takes differs from reader to reader.
      if (entries.has(name)) throw new ZipRefused('duplicate');
      entries.set(name, data);
    }
  } catch (error) {
    if (error instanceof ZipRefused) throw error;
    // A record that points outside the file.
    throw new ZipRefused('damaged');
  }
  return entries;
};
