import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chromiumPlatform } from '../../cli/chromium-platform';
import { failure, value } from '../testing/expect-result';
import { idNumber } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

// A save dialog's grant is for the one file the person named, of the format the dialog asked for.
// The page holds the grant: what it may send there later is what these tests hold.

let t: TempCore;
let classId = 0;
// What the save dialog answers, in turn, and the folders shown.
const answers: string[] = [];
const shown: string[] = [];
const fullId = idNumber('1980-05-06', 123);

beforeEach(async () => {
  answers.length = 0;
  shown.length = 0;
  t = openTempCore({
    platform: {
      ...chromiumPlatform(),
      chooseSaveFile: async () => answers.shift(),
      showInFolder: async (path) => {
        shown.push(path);
      },
    },
  });
  classId = value(
    await t.router.call('classes.create', {
      category: '主体班',
      name: '2019年市管干部培训班',
      startDate: '2019-06-03',
      endDate: '2019-06-05',
    }),
  ).id;
  value(
    await t.router.call('roster.add', {
      classId,
      trainee: { name: '张三', idNumber: fullId, unit: '辽源市龙山区人民政府', position: '副区长', phone: '13943100001' },
      enrolment: { group: 1, role: '组长' },
    }),
  );
});
afterEach(() => t.dispose());

const chooseSave = async (answer: string, format: 'pdf' | 'xlsx' | 'docx', defaultName = `名册.${format}`) => {
  answers.push(answer);
  return t.router.call('files.chooseSave', { purpose: 'export', defaultName, format });
};

const granted = async (answer: string, format: 'pdf' | 'xlsx' | 'docx') => {
  const chosen = value(await chooseSave(answer, format));
  if (chosen.grant === null) return expect.fail('no grant');
  return { grant: chosen.grant, name: chosen.name };
};

const rosterTo = (grant: string, format: 'pdf' | 'xlsx' | 'docx') =>
  t.router.call('roster.export', { classId, grant, document: 'roster', format, reveal: { idNumber: false, phone: false } });

describe('a save dialog’s grant', () => {
  it('given for 名册.pdf never receives the study hours with full ID numbers as .xlsx', async () => {
    const target = join(t.dir, '名册.pdf');
    const { grant, name } = await granted(target, 'pdf');
    expect(name).toBe('名册.pdf');
    const before = snapshot(t.core.db);
    const refused = failure(await t.router.call('lifecycle.hours', { classId, grant, fullIdNumber: true }), 'INVALID_INPUT');
    expect(refused.message).toContain('所选的文件是为 PDF 文件选择的，不能写入 XLSX 文件');
    // Refused before anything was made: no file, no audit entry.
    expect(existsSync(target)).toBe(false);
    expect(snapshot(t.core.db)).toBe(before);
    // The roster as PDF, which the dialog asked for, is written.
    value(await rosterTo(grant, 'pdf'));
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);

  it('is spent once written: a second export to it is refused, and its folder can still be shown', async () => {
    const target = join(t.dir, '名册.xlsx');
    const { grant } = await granted(target, 'xlsx');
    value(await rosterTo(grant, 'xlsx'));
    const written = readFileSync(target);
    const before = snapshot(t.core.db);
    // The same format again, and another export of that format: both refused, the file as it was.
    for (const again of [
      () => rosterTo(grant, 'xlsx'),
      () => t.router.call('lifecycle.hours', { classId, grant, fullIdNumber: true }),
      () => t.router.call('attendance.export', { classId, grant }),
    ]) {
      const refused = failure(await again(), 'INVALID_INPUT');
      expect(refused.message).toContain('所选的文件已经导出过一次；再次导出请重新选择保存位置');
    }
    expect(readFileSync(target).equals(written)).toBe(true);
    expect(snapshot(t.core.db)).toBe(before);
    value(await t.router.call('files.showInFolder', { grant }));
    expect(shown).toEqual([target]);
    // A grant not written to yet shows nothing.
    const fresh = await granted(join(t.dir, '另一份.xlsx'), 'xlsx');
    failure(await t.router.call('files.showInFolder', { grant: fresh.grant }), 'INVALID_INPUT');
  }, 60_000);

  it('two exports started on one grant: one writes, the other is refused', async () => {
    const target = join(t.dir, '名册.xlsx');
    const { grant } = await granted(target, 'xlsx');
    const results = await Promise.all([rosterTo(grant, 'xlsx'), rosterTo(grant, 'xlsx')]);
    expect(results.map((result) => (result.ok ? 'ok' : result.error.message)).sort()).toEqual([
      'ok',
      expect.stringContaining('所选的文件已经导出过一次'),
    ]);
    const exports = t.core.db.prepare<[], { n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get();
    expect(exports?.n).toBe(1);
  }, 60_000);

  it('ends in the extension of what is written: appended when typed without it or with another', async () => {
    // GTK's dialog (UOS, Kylin) keeps 名册 as typed.
    const bare = await granted(join(t.dir, '名册'), 'pdf');
    expect(bare.name).toBe('名册.pdf');
    expect(value(await rosterTo(bare.grant, 'pdf')).path).toBe(join(t.dir, '名册.pdf'));
    expect(existsSync(join(t.dir, '名册'))).toBe(false);
    // Another extension, or a dot inside the name: the format's own is added.
    expect((await granted(join(t.dir, '名册.doc'), 'pdf')).name).toBe('名册.doc.pdf');
    // One of the same kind is replaced: an .xls typed for a workbook becomes .xlsx.
    expect((await granted(join(t.dir, '朝阳村农户入住名单.xls'), 'xlsx')).name).toBe('朝阳村农户入住名单.xlsx');
    expect((await granted(join(t.dir, '2019.6 名册'), 'xlsx')).name).toBe('2019.6 名册.xlsx');
    // Its own extension, in capitals as Windows may keep it, stays as it is.
    expect((await granted(join(t.dir, '名册.PDF'), 'pdf')).name).toBe('名册.PDF');
    // The dialog asked about replacing 名册, not 名册.pdf: the person is asked to choose again.
    writeFileSync(join(t.dir, '学时.xlsx'), 'kept');
    const exists = failure(await chooseSave(join(t.dir, '学时'), 'xlsx'), 'INVALID_INPUT');
    expect(exists.message).toContain('“学时.xlsx”已经存在');
    expect(readFileSync(join(t.dir, '学时.xlsx'), 'utf8')).toBe('kept');
    // Cancelled: no grant, no question.
    expect(value(await t.router.call('files.chooseSave', { purpose: 'export', defaultName: '名册.pdf', format: 'pdf' }))).toEqual(
      {
        grant: null,
        name: null,
      },
    );
  }, 60_000);

  it('from the command line (path and format on one line) takes the format the command names, once', async () => {
    const target = join(t.dir, '学时.xlsx');
    const grant = t.grant(target, 'export');
    value(await t.router.call('lifecycle.hours', { classId, grant }));
    expect(existsSync(target)).toBe(true);
    failure(await rosterTo(grant, 'xlsx'), 'INVALID_INPUT');
  }, 60_000);
});
