import { describe, expect, it } from 'vitest';
import { cellReaders, numberCell, readCells, refuseRows, type TableProblem, yesNoCell } from './table-import';
import { readTable } from './table-reading';
import { columns, kitTables, spec } from '../testing/kit-tables';

// How the kit reads each cell as people type it, and says what it could not read (table-import.ts).

const { book } = kitTables();

describe('the table kit', () => {
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
});
