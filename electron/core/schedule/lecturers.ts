import { textCell } from '../documents/table-import';
import type { Cell } from '../documents/sheet';

// 授课人 cells as offices write them: several names with 、 or spaces between them; a title in
// brackets after a name (韩丽（朝阳村党支部书记）); a unit before a name (吉林农业大学 王教授).

export type Lecturer = { name: string; organisation: string; title: string };

// How units end: a university, a department, a township, a village, a company …
const unitEnding =
  /(大学|学院|学校|党校|研究院|研究所|研究中心|中心|科学院|局|委员会|委|政府|办公室|厅|部|院|所|村|镇|乡|街道|社区|公司|集团|合作社|协会|学会|银行|医院|站|基地|产业园)$/;
// What people put after a surname instead of a given name, or after a name as a title.
const honorific =
  /(副教授|教授|老师|博士|研究员|副研究员|书记|主任|局长|处长|部长|县长|镇长|乡长|村长|经理|总经理|董事长|院长|校长|站长|所长|专家)$/;

const bracketed = /^(.*?)\s*[(（[【]([^)）\]】]*)[)）\]】]\s*$/;

export const parseLecturers = (cell: Cell): Lecturer[] => {
  const lecturers: Lecturer[] = [];
  for (const entry of textCell(cell).split(/[、,，;；/\n]+/)) {
    const trimmed = entry.trim();
    if (trimmed === '') continue;
    const match = bracketed.exec(trimmed);
    const core = (match?.[1] ?? trimmed).trim();
    const inBrackets = (match?.[2] ?? '').trim();
    const words = core.split(/\s+/).filter(Boolean);
    const last = words.at(-1) ?? '';
    const before = words.slice(0, -1).join('');
    const asTitle = (name: string) => (inBrackets !== '' ? inBrackets : name.length > 2 ? (honorific.exec(name)?.[1] ?? '') : '');
    if (words.length >= 2 && (unitEnding.test(before) || before.length >= 5)) {
      lecturers.push({ name: last, organisation: before, title: asTitle(last) });
      continue;
    }
    // 韩丽 孙海燕: names with spaces between them.
    for (const name of words) lecturers.push({ name, organisation: '', title: words.length === 1 ? asTitle(name) : '' });
  }
  return lecturers;
};
