import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, unzipWithin, ZipRefused } from './zip';

const generous = { maxTotal: 1e9, maxRatio: 1e9, ratioFrom: 1e9 };

const refusal = (run: () => unknown): ZipRefused => {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipRefused) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('a zip opened without believing it', () => {
  it('gives back every entry as fflate packed it, stored or deflated', () => {
    let entries = 0;
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8}){0,2}\.xml$/), fc.uint8Array({ maxLength: 4000 }), {
          maxKeys: 6,
        }),
        fc.constantFrom(0, 1, 6, 9),
        (files, level) => {
          const unpacked = unzipWithin(zipSync(files, { level }), generous);
          entries += unpacked.size;
          expect(Object.fromEntries(unpacked)).toEqual(files);
        },
      ),
    );
    expect(entries).toBeGreaterThan(100);
  });

  it('checks each entry against its CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789')).toString(16)).toBe('cbf43926');
    const packed = zipSync({ 'xl/sheet.xml': new TextEncoder().encode('<c><v>张三</v></c>') }, { level: 0 });
    // One byte of the stored name changed: the sizes and the zip's structure are intact.
    const at = Buffer.from(packed).indexOf(Buffer.from('张三'));
    packed[at + 2] = (packed[at + 2] ?? 0) ^ 1;
    expect(refusal(() => unzipWithin(packed, generous)).reason).toBe('damaged');
  });

  it('stops at the cap on the bytes it really inflates, whatever the headers say', () => {
    const packed = zipSync({ 'big.xml': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] });
    const view = new DataView(packed.buffer);
    for (let at = 0; at + 4 <= packed.length; at += 1) {
      if (view.getUint32(at, true) === 0x04034b50) view.setUint32(at + 22, 0, true);
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0, true);
    }
    const byTotal = refusal(() => unzipWithin(packed, { maxTotal: 8 * 1024 * 1024, maxRatio: 1e9, ratioFrom: 0 }));
    expect(byTotal.reason).toBe('too-large');
    // Stopped within one piece of the cap, not at the 64 MB the entry holds.
    expect(byTotal.bytes).toBeLessThan(8 * 1024 * 1024 + 17 * 1024 * 1024);
    const byRatio = refusal(() => unzipWithin(packed, { maxTotal: 1e9, maxRatio: 100, ratioFrom: 1024 * 1024 }));
    expect(byRatio.reason).toBe('too-large');
    expect(byRatio.bytes).toBeLessThan(32 * 1024 * 1024);
  });

  it('refuses what is not a zip, or points outside itself', () => {
    expect(refusal(() => unzipWithin(new TextEncoder().encode('姓名,单位\n张三,财政局'), generous)).reason).toBe('not-zip');
    const packed = zipSync({ 'a.xml': new TextEncoder().encode('<a/>') });
    // The central directory's offset of the local header, pointed past the end.
    const view = new DataView(packed.buffer);
    for (let at = 0; at + 4 <= packed.length; at += 1)
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 42, packed.length + 100, true);
    expect(refusal(() => unzipWithin(packed, generous)).reason).toBe('damaged');
    expect(refusal(() => unzipWithin(packed.subarray(0, packed.length - 10), generous)).reason).toBe('not-zip');
  });
});
