import { describe, expect, it } from 'vitest';
import { docxText, readXlsx } from '../testing/read-documents';
import { allTestsRosterExportClass, type RosterExportClass } from '../testing/roster-export-class';

let exportTo: RosterExportClass['exportTo'];
allTestsRosterExportClass((opened) => ({ exportTo } = opened));

describe('exporting a roster', () => {
  it('group list and contact list', async () => {
    const groups = docxText(await exportTo('分组.docx', { document: 'groups', format: 'docx' }));
    expect(groups).toContain('2019年市管干部培训班分组名单');
    expect(groups).toMatch(/第一组（2 人）　组长：张三/);
    expect(groups).toContain('第二组（2 人）');
    const { rows } = await readXlsx(await exportTo('通讯录.xlsx', { document: 'contacts', format: 'xlsx' }));
    expect(rows[2]).toEqual(['序号', '姓名', '工作单位', '职务', '联系电话', '小组']);
    expect(rows.find((row) => row[1] === '李四')?.[4]).toBe('139****0002');
  });
});
