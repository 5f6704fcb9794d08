import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { makeTempDir } from '../testing/temp-core';
import type { ParsedWorkbook } from './parser/protocol';
import { readWorkbook } from './sheet-reader';
import type { DocSection } from './table-doc';
import {
  cellReaders,
  duplicatesBy,
  numberCell,
  readCells,
  refuseRows,
  rowProblemText,
  type TableProblem,
  type TableSpec,
  textCell,
  yesNoCell,
} from './table-import';
import { checkRows, readRows, readTable } from './table-reading';
import { writeXlsx } from './xlsx-writer';

const temp = makeTempDir();
afterAll(() => temp.remove());

// A table as an office writes it: our xlsx writer's title and subtitle rows, then the header, read
// back by our reader.
let files = 0;
const book = async (section: DocSection): Promise<ParsedWorkbook> => {
  files += 1;
  const path = join(temp.dir, `table-${files}.xlsx`);
  writeFileSync(path, await writeXlsx({ title: '一览表', subtitle: '某某党校', orientation: 'portrait', sections: [section] }));
  const read = readWorkbook(path);
  return { fileName: read.fileName, digest: '', sheets: read.sheets };
};
const columns = (...labels: string[]) => labels.map((label) => ({ label, width: 6 }));

type Field = 'base' | 'name' | 'beds' | 'open' | 'since' | 'notes';
const spec: TableSpec<Field> = {
  synonyms: {
    base: ['基地', '所属基地'],
    name: ['名称', '教学点'],
    beds: ['床位数', '床位'],
    open: ['启用', '是否启用'],
    since: ['开始日期'],
    notes: ['备注'],
  },
  required: ['name', 'beds'],
  mergedDown: ['base'],
};

const refusal = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.message;
    throw error;
  }
  throw new Error('not refused');
};

describe('the table kit', () => {
  it('skips 序号, lists the columns it does not know, and carries a merged cell down only where declared', async () => {
    const workbook = await book({
      columns: columns('序号', '基地', '名称', '床位', '联系人微信', '备注', '备注2'),
      rows: [
        ['1', '东辽基地', '朝阳村', '3张床', 'wx1', '同一院落', ''],
        ['2', '东辽基地', '金州村', '约4张', 'wx2', '同一院落', ''],
        ['3', '龙山基地', '杨木村', '２', '', '', '冬季'],
      ],
      // 基地 and 备注 as offices merge them: one cell over the rows it stands for.
      mergeColumns: [1, 5],
    });
    const reading = readTable(workbook, spec);
    expect(reading.ignoredColumns).toEqual(['联系人微信', '备注2']);
    expect(reading.headerRow).toBe(3);
    expect(reading.records.map((record) => [record.row, record.cells.base, record.cells.name, record.cells.notes])).toEqual([
      [4, '东辽基地', '朝阳村', '同一院落'],
      [5, '东辽基地', '金州村', null],
      [6, '龙山基地', '杨木村', ''],
    ]);
    expect(reading.records.map((record) => numberCell(record.cells.beds))).toEqual([3, 4, 2]);
  });

  it('reads cells as people type them', async () => {
    const typed = [
      '3张床',
      '约45分钟',
      '40人',
      '３',
      '3 张',
      '三张',
      '十二人',
      '0',
      '-2',
      '\u22123张',
      '1.5小时',
      '',
      '3-4人',
      '暂停',
      '很多',
    ];
    expect(typed.map((text) => numberCell(text))).toEqual([
      3,
      45,
      40,
      3,
      3,
      3,
      12,
      0,
      -2,
      -3,
      1.5,
      null,
      undefined,
      undefined,
      undefined,
    ]);
    const words = ['是', '否', '√', '×', '有', '无', 'Y', 'no', '', '也许'];
    expect(words.map((text) => yesNoCell(text))).toEqual([true, false, true, false, true, false, true, false, null, undefined]);
    const workbook = await book({
      columns: columns('名称', '床位数', '是否启用', '开始日期'),
      rows: [
        ['甲', '3张床', '√', '2024年5月6日'],
        ['乙', '４０人', '无', '2024.05'],
        ['丙', '', '', '20240506'],
      ],
    });
    const { records } = readTable(workbook, spec);
    const readers = {
      beds: cellReaders.number(0),
      open: cellReaders.yesNo(true),
      since: cellReaders.date(),
      notes: cellReaders.text(),
    };
    expect(records.map((record) => readCells(spec, record, readers))).toEqual([
      { values: { beds: 3, open: true, since: '2024-05-06', notes: '' }, problems: [] },
      { values: { beds: 40, open: false, since: '2024-05', notes: '' }, problems: [] },
      { values: { beds: 0, open: true, since: '2024-05-06', notes: '' }, problems: [] },
    ]);
  });

  it('names every cell it cannot read, by row and column word, all at once', async () => {
    const workbook = await book({
      columns: columns('编号', '教学点', '床位', '启用', '开始日期'),
      rows: [
        ['1', '甲', '好几张', '是', '2024-05-06'],
        ['2', '乙', '3', '也许', '2024-13-01'],
        ['3', '丙', '2', '否', ''],
      ],
    });
    const { records, ignoredColumns } = readTable(workbook, spec);
    expect(ignoredColumns).toEqual([]);
    const problems: TableProblem[] = records.flatMap(
      (record) =>
        readCells(spec, record, { beds: cellReaders.number(), open: cellReaders.yesNo(), since: cellReaders.date() }).problems,
    );
    expect(problems).toEqual([
      { row: 4, column: '床位数', message: '“床位数”应为数字：好几张' },
      { row: 5, column: '启用', message: '“启用”应为“是”或“否”（也可写 √、×、有、无）：也许' },
      { row: 5, column: '开始日期', message: '“开始日期”应为日期（如 2024-05-06、2024年5月6日、2024.05）：2024-13-01' },
    ]);
    const error = refuseRows(problems);
    expect(error.message).toMatch(/^文件中有 3 处问题，没有导入任何内容：第 4 行：“床位数”应为数字：好几张；第 5 行/);
    expect(error.details?.issues?.map((issue) => issue.field)).toEqual(['rows.4', 'rows.5', 'rows.5']);
  });

  it('says who each refused row is about, by the column that names the rows', async () => {
    const workbook = await book({
      columns: columns('名称', '床位'),
      rows: [
        ['朴成浩', '好几张'],
        ['', '三张四张'],
        ['李明', '2'],
        ['金'.repeat(30), '2'],
      ],
    });
    const named: TableSpec<Field> = { ...spec, named: 'name' };
    const checked = checkRows(workbook, named, {
      readers: { beds: cellReaders.number() },
      across: (records) => duplicatesBy(records, (r) => (textCell(r.cells.beds) === '2' ? '2' : ''), '床位'),
      make: ({ row }) => ({ value: row }),
    });
    expect(checked.rows.map((r) => r.row)).toEqual([6, 7]);
    expect(checked.problems.map(rowProblemText)).toEqual([
      '第 4 行（朴成浩）：“床位数”应为数字：好几张',
      '第 5 行：“床位数”应为数字：三张四张',
      `第 7 行（${'金'.repeat(20)}…）：与第 6 行的“床位”相同：2`,
    ]);
    expect(() =>
      readRows(workbook, named, { readers: { beds: cellReaders.number() }, make: ({ row }) => ({ value: row }) }),
    ).toThrow(/第 4 行（朴成浩）：“床位数”应为数字：好几张；第 5 行：/);
  });

  it('refuses a file without a required column, naming it and the words it may be written as', async () => {
    const without = await book({ columns: columns('序号', '名称', '备注'), rows: [['1', '甲', '']] });
    expect(refusal(() => readTable(without, spec))).toBe('工作表“一览表”第 3 行的表头缺少“床位数”列（可写作：床位数、床位）');
    const nothing = await book({ columns: columns('甲', '乙'), rows: [['1', '2']] });
    expect(refusal(() => readTable(nothing, spec))).toBe(
      '在工作表“一览表”的前 20 行中找不到表头（至少需要“名称”列（可写作：名称、教学点）；“床位数”列（可写作：床位数、床位））',
    );
    const twice = await book({ columns: columns('名称', '床位', '床位数'), rows: [['甲', '1', '2']] });
    expect(refusal(() => readTable(twice, spec))).toBe('“床位数”出现在多列（B、C）');
    const empty = await book({ columns: columns('序号', '名称', '床位'), rows: [['1', '', '']] });
    expect(refusal(() => readTable(empty, spec))).toBe('工作表“一览表”在表头下面没有内容');
  });
});
