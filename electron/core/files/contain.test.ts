import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanName, nameProblem, safeName, UnsafeName } from '../../../shared/files/names';
import { makeTempDir } from '../testing/temp-core';
import { appendInside, folderInside, isInside, removeInside, writeInside, writeNewInside } from './contain';

// A sandbox: base/ is the folder the app writes into; home/ stands for everything else on the disk.
let sandbox: { dir: string; remove: () => void };
let base = '';
let home = '';
let victim = '';
beforeEach(() => {
  sandbox = makeTempDir('cadre-contain-');
  base = join(sandbox.dir, 'base');
  home = join(sandbox.dir, 'home');
  mkdirSync(base);
  mkdirSync(home);
  victim = join(home, '.bashrc');
  writeFileSync(victim, 'export PATH=/usr/bin\n');
});
afterEach(() => sandbox.remove());

const homeUntouched = () => {
  expect(readdirSync(home)).toEqual(['.bashrc']);
  expect(readFileSync(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
};

describe('names from outside', () => {
  it('are made safe first, then what remains is checked', () => {
    // The three forms of issue 19's H1, and their kin: nothing is left once made safe.
    for (const raw of [' ..', '.. ', '..\u3000', '.', '..', '...', ' . ', '\u3000']) {
      expect(cleanName(raw), JSON.stringify(raw)).toBe('');
      expect(() => safeName(raw)).toThrow(UnsafeName);
    }
    expect(cleanName('第一组\u3000')).toBe('第一组');
    expect(cleanName('报告.docx. ')).toBe('报告.docx');
    expect(cleanName('a/b\\c:d*e?f"g<h>i|j\u0000k')).toBe('a_b_c_d_e_f_g_h_i_j_k');
    // The right-to-left override that makes 报告\u202Excod.exe read as 报告exe.docx.
    expect(cleanName('报告\u202Excod.exe')).toBe('报告xcod.exe');
    // Reserved by Windows, with any extension and any case: cleaned names stay, and are refused.
    for (const reserved of ['CON', 'con.txt', 'Nul', 'aux.docx', 'COM1', 'lpt9.pdf', 'PRN.', 'CON .txt'])
      expect(nameProblem(cleanName(reserved)), reserved).toBe('reserved');
    expect(nameProblem('CONTROL.docx')).toBeUndefined();
    expect(nameProblem('报告 ')).toBe('trailing');
    expect(nameProblem('报告.')).toBe('trailing');
    expect(nameProblem('a'.repeat(256))).toBe('tooLong');
    // 300 bytes of Chinese are cut to what fits, keeping the extension.
    const long = cleanName(`${'调'.repeat(100)}.docx`, 500);
    expect(long.endsWith('.docx')).toBe(true);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(255);
    expect(nameProblem(long)).toBeUndefined();
  });
});

describe('inside a folder', () => {
  it('is the folder or below it: "..a" is a name below it, ".." and "../a" climb', () => {
    expect(isInside('/data', '/data')).toBe(true);
    expect(isInside('/data', '/data/..a')).toBe(true);
    expect(isInside('/data', '/data/a/..b/c')).toBe(true);
    expect(isInside('/data', '/')).toBe(false);
    expect(isInside('/data', '/data-2')).toBe(false);
    expect(isInside('/data', '/data/../etc')).toBe(false);
  });

  it('writes a name that begins with two dots, as a drop may hold', () => {
    expect(readFileSync(writeNewInside(base, ['..a', '..b.txt'], Buffer.from('x')), 'utf8')).toBe('x');
    homeUntouched();
  });
});

describe('writing inside a folder', () => {
  it('writes new and replacing files, and appends, in folders it makes', () => {
    const path = writeNewInside(base, ['incoming', '第一组', '张三.docx'], Buffer.from('a'));
    expect(readFileSync(path, 'utf8')).toBe('a');
    expect(() => writeNewInside(base, ['incoming', '第一组', '张三.docx'], Buffer.from('b'))).toThrow(/EEXIST/);
    writeInside(base, ['incoming', '第一组', '张三.docx'], Buffer.from('c'));
    expect(readFileSync(path, 'utf8')).toBe('c');
    appendInside(base, ['logs', 'cadre.log'], 'one\n');
    appendInside(base, ['logs', 'cadre.log'], 'two\n');
    expect(readFileSync(join(base, 'logs', 'cadre.log'), 'utf8')).toBe('one\ntwo\n');
    // No temporary file left beside what was written.
    expect(readdirSync(join(base, 'incoming', '第一组'))).toEqual(['张三.docx']);
  });

  it('refuses every part that climbs or is not a name, before anything is made', () => {
    for (const parts of [['..', 'x'], ['a', '..', '..', 'x'], ['/etc', 'x'], ['a/b'], ['C:\\x'], ['x\u0000'], ['CON'], ['']])
      expect(() => writeInside(base, parts, Buffer.from('x')), JSON.stringify(parts)).toThrow();
    expect(readdirSync(base)).toEqual([]);
    homeUntouched();
  });

  it('never writes through a link: a folder that is one is refused, a file that is one is replaced', () => {
    // logs/ pointing at the home folder, as a prepared data folder had it (H2): the log line is refused.
    symlinkSync(home, join(base, 'logs'));
    expect(() => appendInside(base, ['logs', 'cadre.log'], 'started\n')).toThrow(/链接/);
    expect(() => folderInside(base, ['logs', 'deeper'])).toThrow(/链接/);
    // app.lock pointing at ~/.bashrc: renamed over, the link goes and .bashrc stays as it was.
    symlinkSync(victim, join(base, 'app.lock'));
    expect(() => writeNewInside(base, ['app.lock'], Buffer.from('{}'))).toThrow();
    expect(() => appendInside(base, ['app.lock'], 'x')).toThrow(/链接/);
    writeInside(base, ['app.lock'], Buffer.from('{"pid":1}'));
    expect(lstatSync(join(base, 'app.lock')).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(base, 'app.lock'), 'utf8')).toBe('{"pid":1}');
    homeUntouched();
    // A dangling link is a name taken too.
    symlinkSync(join(home, 'autostart.desktop'), join(base, 'fresh.txt'));
    expect(() => writeNewInside(base, ['fresh.txt'], Buffer.from('x'))).toThrow();
    homeUntouched();
  });

  it('never appends to a second name of another file (a hard link), nor to anything but a file', () => {
    mkdirSync(join(base, 'logs'));
    linkSync(victim, join(base, 'logs', 'cadre.log'));
    expect(() => appendInside(base, ['logs', 'cadre.log'], 'started, data in "培训数据$(id>~/PWNED)"\n')).toThrow(/链接|文件夹/);
    mkdirSync(join(base, 'logs', 'other.log'));
    expect(() => appendInside(base, ['logs', 'other.log'], 'x')).toThrow();
    homeUntouched();
  });

  it('removes inside only: a link on the way is refused, a link at the end goes by itself', () => {
    symlinkSync(home, join(base, 'incoming'));
    expect(() => removeInside(base, ['incoming', '.bashrc'])).toThrow(/链接/);
    removeInside(base, ['incoming']);
    expect(existsSync(join(base, 'incoming'))).toBe(false);
    homeUntouched();
    for (const parts of [[], ['..'], ['a', '..', '..'], ['/etc']])
      expect(() => removeInside(base, parts), JSON.stringify(parts)).toThrow();
    homeUntouched();
  });
});
