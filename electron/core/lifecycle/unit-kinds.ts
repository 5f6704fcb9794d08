import { unitAlone } from '../roster/unit-position';

// What kind of unit (单位) a trainee's unit is, read from its name as an office would: a summary says
// "学员来自38个单位，其中县（市、区）直部门20个、乡镇（街道）18个" rather than listing them.

export const unitKinds = ['province', 'city', 'county', 'township', 'village', 'institution', 'enterprise', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];

// Tried in this order: the narrower reading first. A village names its town (安石镇朝阳村), a town its
// county (东辽县安石镇), a county department its city (辽源市东辽县财政局), so the smallest unit the
// name ends in decides; a school or hospital of a county is an institution, not a department.
const rules: readonly (readonly [UnitKind, RegExp])[] = [
  ['village', /(村|社区)(党支部|党总支|党委|村委会|居委会|委员会|村民委员会|居民委员会)?$/],
  ['township', /(镇|乡|街道)(党委|人民政府|政府|党工委|办事处|人大)?$|街道办事处$|(镇|乡)(党委|政府)/],
  ['enterprise', /(公司|集团|银行|厂|合作社)/],
  ['institution', /(学校|小学|中学|大学|学院|党校|医院|卫生院|中心|研究所|研究院|图书馆|博物馆|站|所)$/],
  ['county', /(县|区|旗)/],
  ['city', /^(.{1,4}市|市)/],
  ['province', /^(.{1,3}省|省)/],
];

// 组织部 rosters often have one column 工作单位及职务 ("西安区灯塔镇副镇长", "东丰县水利局办公室主任").
// The import splits it (roster/unit-position.ts); a unit stored whole before that, or typed so, is
// still read without the post at its end: without it two people of one unit count as one, and a
// town's deputy head is counted with the towns.
export const unitOf = (name: string): string => unitAlone(name);

export const unitKindOf = (name: string): UnitKind => {
  const trimmed = unitOf(name);
  for (const [kind, pattern] of rules) if (pattern.test(trimmed)) return kind;
  return 'other';
};

// The units counted by kind, in the order a summary names them (from the province down to the
// villages, then institutions, enterprises and the rest); kinds with none left out.
export const countUnitKinds = (names: readonly string[]): { kind: UnitKind; count: number }[] => {
  const counts = new Map<UnitKind, number>();
  for (const name of names) counts.set(unitKindOf(name), (counts.get(unitKindOf(name)) ?? 0) + 1);
  return unitKinds.flatMap((kind) => {
    const count = counts.get(kind) ?? 0;
    return count > 0 ? [{ kind, count }] : [];
  });
};
