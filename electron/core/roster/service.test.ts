import { describe, expect, it } from 'vitest';
import { failure, value } from '../testing/expect-result';
import { eachRosterClass } from '../testing/roster-class';
import { idNumber } from '../testing/roster-files';
import { snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId: number;
const { add, names } = eachRosterClass((opened) => ({ t, classId } = opened));

describe('the roster of a class', () => {
  it('sorts by surname strokes, by pinyin with surname readings, by unit and by group', async () => {
    await add('曾国藩', { unit: '辽源市财政局' }, { group: 2 });
    await add('单田芳', { unit: '东辽县安石镇人民政府' }, { group: 1 });
    await add('丁一', { unit: '辽源市财政局' }, { group: 2 });
    await add('王五', { unit: '辽源市农业农村局' });
    await add('欧阳修', { unit: '东辽县安石镇人民政府' }, { group: 1 });
    await add('解放', { unit: '辽源市农业农村局' }, { group: 1 });
    // 曾 has 12 strokes, 解 13; 欧 and 单 both 8, and 欧 begins with 横, 单 with 点.
    expect(await names({ sort: 'stroke' })).toEqual(['丁一', '王五', '欧阳修', '单田芳', '曾国藩', '解放']);
    // 单 shan, 解 xie, 曾 zeng — surnames, not the characters' first readings (dan, jie, ceng).
    expect(await names({ sort: 'pinyin' })).toEqual(['丁一', '欧阳修', '单田芳', '王五', '解放', '曾国藩']);
    // Units in pinyin order (东辽县… < 辽源市财政局 < 辽源市农业农村局), people within a unit by strokes.
    expect(await names({ sort: 'unit' })).toEqual(['欧阳修', '单田芳', '丁一', '曾国藩', '王五', '解放']);
    expect(await names({ sort: 'group' })).toEqual(['欧阳修', '单田芳', '解放', '丁一', '曾国藩', '王五']);
  });

  it('searches by name, pinyin, initials and unit; filters by group and status', async () => {
    await add('张三', { unit: '辽源市财政局' }, { group: 1 });
    await add('张珊', { unit: '东辽县安石镇人民政府' }, { group: 2, status: 'on_leave' });
    await add('李四', { unit: '辽源市财政局' }, { group: 2 });
    expect(await names({ search: 'zs' })).toEqual(['张三', '张珊']);
    expect(await names({ search: 'zhangsan' })).toEqual(['张三']);
    expect(await names({ search: 'zhangshan' })).toEqual(['张珊']);
    // 张 and 李 both have seven strokes: 李 begins with 横, 张 with 折.
    expect(await names({ search: '财政' })).toEqual(['李四', '张三']);
    expect(await names({ group: 2 })).toEqual(['李四', '张珊']);
    expect(await names({ status: 'on_leave' })).toEqual(['张珊']);
  });

  it('masks ID numbers and phones, and reveals them only through a logged call', async () => {
    const id = idNumber('1980-05-06', 123);
    const entry = await add('张三', { idNumber: id, phone: '13943100001' });
    expect(entry).toMatchObject({
      idNumberMasked: `220402${'*'.repeat(11)}${id.slice(-1)}`,
      phoneMasked: '139****0001',
      sex: 'male',
      // The day would give the masked digits back: beside a masked ID number, only the month.
      birthDate: '1980-05',
    });
    expect(JSON.stringify(value(await t.router.call('roster.list', { classId })))).not.toContain(id);
    const revealed = value(await t.router.call('trainees.reveal', { ids: [entry.traineeId], purpose: '核对报名信息' }));
    expect(revealed).toEqual([{ id: entry.traineeId, idNumber: id, phone: '13943100001' }]);
    const log = t.core.db.prepare(`SELECT action, summary FROM audit_log WHERE action = 'reveal'`).all();
    expect(log).toEqual([{ action: 'reveal', summary: '查看完整身份证号和电话：张三（核对报名信息）' }]);
  });

  it('refuses a wrong ID number with a field-named message and changes nothing', async () => {
    const before = snapshot(t.core.db);
    const bad = `${idNumber('1980-05-06', 123).slice(0, 17)}${idNumber('1980-05-06', 123).endsWith('1') ? '2' : '1'}`;
    const error = failure(
      await t.router.call('roster.add', { classId, trainee: { name: '张三', idNumber: bad } }),
      'INVALID_INPUT',
    );
    expect(error.details?.issues?.[0]).toMatchObject({ field: 'trainee.idNumber', code: 'id_check_digit' });
    expect(error.message).toContain('身份证号校验位不正确');
    const nameless = failure(await t.router.call('roster.add', { classId, trainee: { name: '　' } }), 'INVALID_INPUT');
    expect(nameless.message).toBe('请填写“姓名”');
    expect(snapshot(t.core.db)).toBe(before);
  });

  it('one person per ID number across classes; the same class twice is refused', async () => {
    const id = idNumber('1980-05-06', 123);
    const first = await add('张三', { idNumber: id, unit: '辽源市财政局' });
    const other = value(
      await t.router.call('classes.create', {
        category: '主体班',
        name: '2020年主体班',
        startDate: '2020-03-02',
        endDate: '2020-03-06',
      }),
    ).id;
    const again = value(
      await t.router.call('roster.add', { classId: other, trainee: { name: '张三', idNumber: id, unit: '辽源市农业农村局' } }),
    );
    expect(again.traineeId).toBe(first.traineeId);
    failure(await t.router.call('roster.add', { classId, traineeId: first.traineeId }), 'CONFLICT');
    const person = value(await t.router.call('trainees.get', { id: first.traineeId }));
    expect(person.enrolments.map((e) => e.className)).toEqual(['2020年主体班', '2019年市管干部培训班']);
  });

  it('edits, assigns groups and roles, and removes entries while keeping the person', async () => {
    const a = await add('张三');
    const b = await add('李四');
    value(
      await t.router.call('roster.assign', {
        classId,
        assignments: [
          { enrolmentId: a.enrolmentId, group: 1, role: '班长' },
          { enrolmentId: b.enrolmentId, group: 2 },
        ],
      }),
    );
    const edited = value(
      await t.router.call('roster.update', {
        enrolmentId: b.enrolmentId,
        trainee: { name: '李四', unit: '辽源市财政局', position: '科长' },
        enrolment: { group: 2, role: '组长', status: 'on_leave', notes: '病假' },
      }),
    );
    expect(edited).toMatchObject({ unit: '辽源市财政局', role: '组长', status: 'on_leave', enrolmentNotes: '病假' });
    value(await t.router.call('roster.remove', { enrolmentIds: [a.enrolmentId] }));
    expect(await names()).toEqual(['李四']);
    expect(value(await t.router.call('trainees.get', { id: a.traineeId })).enrolments).toEqual([]);
  });

  it('is read-only once the class is archived', async () => {
    const a = await add('张三');
    for (const status of ['in_progress', 'finished', 'archived'] as const)
      value(await t.router.call('lifecycle.setStatus', { id: classId, status, anyway: true }));
    const before = snapshot(t.core.db);
    failure(await t.router.call('roster.add', { classId, trainee: { name: '李四' } }), 'READ_ONLY');
    failure(await t.router.call('roster.remove', { enrolmentIds: [a.enrolmentId] }), 'READ_ONLY');
    failure(await t.router.call('roster.splitGroups', { classId, groups: 2 }), 'READ_ONLY');
    expect(snapshot(t.core.db)).toBe(before);
  });
});
