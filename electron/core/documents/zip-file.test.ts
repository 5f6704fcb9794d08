import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { zipWith } from '../testing/report-files';
import { makeTempDir } from '../testing/temp-core';
import { type ZipLimits, ZipRefused } from './zip';
import { openZipFile, zipFrom } from './zip-file';

const generous: ZipLimits = { maxTotal: 1e9, maxRatio: 1e9, ratioFrom: 1e9 };
const temp = makeTempDir();
afterAll(() => temp.remove());
let written = 0;

const fileOf = (bytes: Uint8Array) => {
  written += 1;
  const path = join(temp.dir, `${written}.zip`);
  writeFileSync(path, bytes);
  return path;
};

// Every entry of the zip in the file, read through openZipFile.
const readAll = (path: string, limits = generous) => {
  const zip = openZipFile(path, limits);
  try {
    return Object.fromEntries([...zip.entries.values()].map((entry) => [entry.name, zip.read(entry)]));
  } finally {
    zip.close();
  }
};

const refusal = (run: () => unknown): ZipRefused => {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipRefused) return error;
    throw error;
  }
  throw new Error('not refused');
};

// Sizes as the headers declare them, set to nothing: the local headers and the directory alike.
const lyingAboutSizes = (packed: Uint8Array) => {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let at = 0; at + 4 <= packed.length; at += 1) {
    if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 0, true);
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0, true);
  }
  return packed;
};

describe('a zip read from its file, entry by entry, without believing it', () => {
  it('gives back every entry as fflate packed it, stored or deflated, each in a buffer of its own', () => {
    let entries = 0;
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.txt$/), fc.uint8Array({ maxLength: 40_000 }), {
          maxKeys: 6,
        }),
        fc.constantFrom(0, 1, 6, 9),
        (files, level) => {
          const read = readAll(fileOf(zipSync(files, { level })));
          entries += Object.keys(read).length;
          expect(read).toEqual(files);
          for (const bytes of Object.values(read)) expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
        },
      ),
      { numRuns: 60 },
    );
    expect(entries).toBeGreaterThan(50);
  });

  it('refuses what the directory admits to before inflating a byte, and what it hides as it inflates', () => {
    // Declared: 64 MB of zeros, past a cap of 8 MB.
    const honest = fileOf(zipSync({ 'big.txt': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] }));
    const declared = refusal(() => openZipFile(honest, { maxTotal: 8 * 1024 * 1024, maxRatio: 1e9, ratioFrom: 0 }));
    expect(declared).toMatchObject({ reason: 'too-large', bytes: 8 * 1024 * 1024 });
    // Hidden: the same entry, its headers saying it inflates to nothing.
    const lying = fileOf(lyingAboutSizes(zipSync({ 'big.txt': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] })));
    const zip = openZipFile(lying, { maxTotal: 8 * 1024 * 1024, maxRatio: 1e9, ratioFrom: 0 });
    try {
      const entry = zip.entries.get('big.txt');
      expect(entry?.size).toBe(0);
      expect(refusal(() => entry && zip.read(entry)).reason).toBe('too-large');
    } finally {
      zip.close();
    }
    // By the ratio to the file's size, too.
    expect(refusal(() => openZipFile(honest, { maxTotal: 1e9, maxRatio: 100, ratioFrom: 1024 * 1024 })).reason).toBe('too-large');
  });

  it('refuses a changed byte, a name twice, too many entries, a directory outside the file, or no zip at all', () => {
    const packed = zipSync({ 'r.txt': new TextEncoder().encode('调研报告正文') }, { level: 0 });
    const changed = packed.slice();
    const at = Buffer.from(changed).indexOf(Buffer.from('正文'));
    changed.set([(changed[at] ?? 0) ^ 1], at);
    expect(refusal(() => readAll(fileOf(changed))).reason).toBe('damaged');
    const twice = zipWith({ 'a.txt': 'x', 'b.txt': 'y' }, [['b.txt', 'a.txt']]);
    expect(refusal(() => readAll(fileOf(twice))).reason).toBe('duplicate');
    const many = zipWith(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`${i}.txt`, ''])));
    expect(refusal(() => readAll(fileOf(many), { ...generous, maxEntries: 20 }))).toMatchObject({
      reason: 'too-many',
      bytes: 30,
    });
    const outside = packed.slice();
    const view = new DataView(outside.buffer);
    for (let at = 0; at + 4 <= outside.length; at += 1)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 42, outside.length + 100, true);
    expect(refusal(() => readAll(fileOf(outside))).reason).toBe('damaged');
    expect(refusal(() => readAll(fileOf(packed.subarray(0, packed.length - 10)))).reason).toBe('not-zip');
    expect(refusal(() => readAll(fileOf(new TextEncoder().encode('姓名,单位\n张三,财政局')))).reason).toBe('not-zip');
  });

  it('reads through the descriptor it is given, and tells every piece it read, where, as the file holds it', () => {
    // Past the directory's tail (the last 64 KB, read first): the entries are read at their offsets.
    const stored = randomBytes(400_000);
    const deflated = new TextEncoder().encode('调研报告正文。'.repeat(50_000));
    const path = fileOf(zipSync({ 'r.bin': [stored, { level: 0 }], 'r.txt': [deflated, { level: 6 }] }));
    const whole = readFileSync(path);
    const fd = openSync(path, 'r');
    try {
      const pieces: [number, Uint8Array][] = [];
      const zip = zipFrom(
        { fd, size: whole.length, seen: (bytes, position) => pieces.push([position, bytes.slice()]) },
        generous,
      );
      const entries = [...zip.entries.values()];
      const [bin, txt] = entries.map((entry) => Buffer.from(zip.read(entry)));
      expect(bin?.equals(stored)).toBe(true);
      expect(txt?.equals(deflated)).toBe(true);
      // What was parsed is what `seen` was told (read-archive.ts hashes it): the file's bytes at their places,
      // every entry's data among them.
      for (const [position, bytes] of pieces)
        expect(Buffer.from(bytes).equals(whole.subarray(position, position + bytes.length))).toBe(true);
      const told = pieces.reduce((sum, [, bytes]) => sum + bytes.length, 0);
      expect(told).toBeGreaterThanOrEqual(entries.reduce((sum, entry) => sum + entry.compressed, 0));
      // The descriptor is still open: closing it is the caller's.
      expect(fstatSync(fd).size).toBe(whole.length);
    } finally {
      closeSync(fd);
    }
  });
});
