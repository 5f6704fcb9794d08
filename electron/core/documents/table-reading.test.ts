import { describe, expect, it } from 'vitest';
import { cellReaders, duplicatesBy, numberCell, rowProblemText, type TableSpec, textCell } from './table-import';
import { checkRows, readRows, readTable } from './table-reading';
import { columns, type Field, kitTables, refusal, spec } from '../testing/kit-tables';

// How the kit reads the table a file holds: its header, its records, the rows with who each is about,
// and the files it refuses (table-reading.ts).

const { book } = kitTables();

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
