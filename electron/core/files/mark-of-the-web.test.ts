import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-core';
import { markFromInternet } from './mark-of-the-web';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

describe('Mark-of-the-Web on a copy opened from the app', () => {
  it('on Windows is the Zone.Identifier stream saying zone 3 (the Internet), the file itself untouched', () => {
    const copy = join(temp.dir, '张三-调研报告.docx');
    writeFileSync(copy, 'PK report');
    expect(markFromInternet(copy, 'win32')).toBe(true);
    // Here on Linux the stream's name is a file's name: what Windows would read from the stream.
    expect(readFileSync(`${copy}:Zone.Identifier`, 'latin1')).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
    expect(readFileSync(copy, 'latin1')).toBe('PK report');
  });

  it('elsewhere writes nothing', () => {
    const copy = join(temp.dir, '张三-调研报告.docx');
    writeFileSync(copy, 'PK report');
    expect(markFromInternet(copy, 'linux')).toBe(false);
    expect(markFromInternet(copy, 'darwin')).toBe(false);
    // By default, the platform it runs on: Linux here.
    expect(markFromInternet(copy)).toBe(process.platform === 'win32');
    // No stream, nor (on Windows) a stream shown as a file.
    expect(readdirSync(temp.dir)).toEqual(['张三-调研报告.docx']);
  });
});
