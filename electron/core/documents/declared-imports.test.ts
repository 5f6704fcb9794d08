import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';
import type { DocSection } from './table-doc';
import { writeXlsx } from './xlsx-writer';

// The four lists an office keeps in Excel — teaching points, 师资库, 接待农户, questionnaires —
// written as offices write them (a title, 序号, a column of their own, numbers with units, merged
// cells), imported through the router, and read back from the database.

let t: TempCore;
beforeEach(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
});
afterEach(() => t.dispose());

let files = 0;
const officeFile = async (title: string, section: DocSection): Promise<string> => {
  files += 1;
  const path = join(t.dir, `${title}-${files}.xlsx`);
  writeFileSync(path, await writeXlsx({ title, subtitle: '东辽县', orientation: 'landscape', sections: [section] }));
  return t.grant(path, 'tableImport');
};
const columns = (...labels: string[]) => labels.map((label) => ({ label, width: 8 }));

describe('declared table imports', () => {
  it('reads a 现场教学点一览表 with 序号, merged 基地 cells, a 联系人微信 column and minutes in words', async () => {
    const grant = await officeFile('现场教学点一览表', {
      columns: columns('序号', '基地', '教学点名称', '类型', '容纳人数', '车程', '联系人微信', '备注'),
      rows: [
        ['1', '东辽县乡村振兴基地', '泉太镇新立村', '村', '40人', '约45分钟', 'xl-01', ''],
        ['2', '东辽县乡村振兴基地', '泉太镇红光村', '村', '３０', '50分钟', '', '冬季路滑'],
        ['3', '东辽县廉政教育基地', '东辽县廉政馆', '展馆', '120 人', '30', '', ''],
      ],
      mergeColumns: [1],
    });
    expect(value(await t.router.call('sites.import', { grant }))).toEqual({
      bases: { added: 2, updated: 0 },
      points: { added: 3, updated: 0, unchanged: 0 },
      emptiedBases: [],
      ignoredColumns: ['联系人微信'],
    });
    const rows = t.core.db
      .prepare(
        `SELECT b.name AS base, s.name, s.capacity, s.minutes_from_school AS minutes, s.notes FROM sites s
           JOIN site_bases b ON b.id = s.base_id WHERE s.name IN ('泉太镇新立村', '泉太镇红光村', '东辽县廉政馆') ORDER BY s.id`,
      )
      .all();
    expect(rows).toEqual([
      { base: '东辽县乡村振兴基地', name: '泉太镇新立村', capacity: 40, minutes: 45, notes: '' },
      { base: '东辽县乡村振兴基地', name: '泉太镇红光村', capacity: 30, minutes: 50, notes: '冬季路滑' },
      { base: '东辽县廉政教育基地', name: '东辽县廉政馆', capacity: 120, minutes: 30, notes: '' },
    ]);
  });

  it('reads a 师资库 with 性别, 职务/职称 and 类别 (校内/外聘, 专职/兼职), listing 性别 as not imported', async () => {
    const grant = await officeFile('师资库', {
      columns: columns('序号', '姓名', '性别', '工作单位', '职务/职称', '类别', '讲授专题', '备注2'),
      rows: [
        ['1', '赵文博', '男', '吉林大学', '教授', '外聘', '乡村治理', '博导'],
        ['2', '钱丽华', '女', '辽源市委党校', '副教授', '专职', '党史', ''],
        ['3', '孙立新', '男', '辽源市委党校', '讲师', '兼职', '', ''],
        ['4', '周敏', '女', '辽源市委党校', '讲师', '校内', '', ''],
      ],
      // One unit merged over its three teachers.
      mergeColumns: [3],
    });
    expect(value(await t.router.call('staff.import', { grant }))).toEqual({
      added: 4,
      updated: 0,
      unchanged: 0,
      ignoredColumns: ['性别', '备注2'],
    });
    const rows = t.core.db
      .prepare(
        `SELECT name, organisation, title, external, expertise FROM staff
           WHERE name IN ('赵文博', '钱丽华', '孙立新', '周敏') ORDER BY id`,
      )
      .all();
    expect(rows).toEqual([
      { name: '赵文博', organisation: '吉林大学', title: '教授', external: 1, expertise: '乡村治理' },
      { name: '钱丽华', organisation: '辽源市委党校', title: '副教授', external: 0, expertise: '党史' },
      { name: '孙立新', organisation: '辽源市委党校', title: '讲师', external: 1, expertise: '' },
      { name: '周敏', organisation: '辽源市委党校', title: '讲师', external: 0, expertise: '' },
    ]);
    // A 类别 nobody can read is refused, naming its row and column; nothing changes.
    const before = snapshot(t.core.db);
    const bad = await officeFile('师资库', {
      columns: columns('序号', '姓名', '类别'),
      rows: [
        ['1', '吴刚', '客座教授'],
        ['2', '郑红', '外聘'],
      ],
    });
    expect(failure(await t.router.call('staff.import', { grant: bad }), 'INVALID_INPUT').message).toBe(
      '文件中有 1 处问题，没有导入任何内容：第 4 行（吴刚）：“内部/外聘”应为“校内”或“外聘”（也可写 专职、兼职）：客座教授',
    );
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('reads a 接待农户表 with 户主姓名, 可住人数 written with units, 接待性别 and a 联系人微信 column', async () => {
    const village = value(await t.router.call('sites.tree', { search: '朝阳村' })).bases.flatMap((b) => b.points)[0]?.id ?? 0;
    const grant = await officeFile('朝阳村接待农户表', {
      columns: columns('序号', '户主姓名', '联系电话', '可住人数', '接待性别', '联系人微信', '备注'),
      rows: [
        ['1', '钱有田', '0437-5550201', '3张床', '男', 'qyt', ''],
        ['2', '孙秀英', '0437-5550202', '2 张', '女', '', '有热水'],
        ['3', '刘长青', '0437-5550203', '４', '均可', '', ''],
      ],
    });
    expect(value(await t.router.call('lodging.importHouseholds', { siteId: village, grant }))).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      ignoredColumns: ['联系人微信'],
    });
    const rows = t.core.db
      .prepare(
        `SELECT head, phone, beds, hosts, notes, active FROM households
           WHERE site_id = ? AND head IN ('钱有田', '孙秀英', '刘长青') ORDER BY id`,
      )
      .all(village);
    expect(rows).toEqual([
      { head: '钱有田', phone: '0437-5550201', beds: 3, hosts: 'male', notes: '', active: 1 },
      { head: '孙秀英', phone: '0437-5550202', beds: 2, hosts: 'female', notes: '有热水', active: 1 },
      { head: '刘长青', phone: '0437-5550203', beds: 4, hosts: 'any', notes: '', active: 1 },
    ]);
  });

  it('reads questionnaires with 序号, a 填写时间 column, scores written "5分" and a merged 测评类型', async () => {
    const classId = value(await t.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
    const grant = await officeFile('满意度测评', {
      columns: columns('序号', '测评类型', '第1题', '第2题', '第3题', '第4题', '第5题', '意见建议', '填写时间'),
      rows: [
        ['1', '组织满意', '5分', '５', '4', '非常满意', '5', '安排周到', '2019-09-20'],
        ['2', '组织满意', '4', '4', '4', '4', '4', '', '2019-09-20'],
      ],
      mergeColumns: [1],
    });
    expect(value(await t.router.call('surveys.import', { classId, grant }))).toEqual({
      surveys: 1,
      responses: 2,
      ignoredColumns: ['填写时间'],
    });
    const rows = t.core.db
      .prepare(
        `SELECT r.scores, r.comment FROM survey_responses r JOIN surveys s ON s.id = r.survey_id
           WHERE s.class_id = ? AND s.satisfaction = 'organisation' ORDER BY r.id`,
      )
      .all(classId);
    expect(rows.slice(-2)).toEqual([
      { scores: '[5,5,4,5,5]', comment: '安排周到' },
      { scores: '[4,4,4,4,4]', comment: '' },
    ]);
  });
});
