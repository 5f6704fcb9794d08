import { performance } from 'node:perf_hooks';
import { cleanReportText } from '../electron/core/reports/clean-text';
import { splitUnitPosition } from '../electron/core/roster/unit-position';

// Text from outside crafted to be slow: a roster whose 工作单位及职务 cells are 16,000 characters each
// (split against known units as long), and a PDF report with one line of 100,000 characters of
// figures (cleaned for the 汇编). Both must take time in proportion to their length; each is set
// beside its floor, the same work on text of an ordinary length scaled to the same size.
export type HostileFigure = { what: string; ms: number; target?: number; unit?: 'ms' | '×' };

const timed = (work: () => void): number => {
  const started = performance.now();
  work();
  return performance.now() - started;
};

export const hostileTextFigures = (): HostileFigure[] => {
  const known = new Set(['东丰县委组织部', '东'.repeat(16_000), '东'.repeat(99)]);
  const long = Array.from({ length: 40 }, (_, at) => `${'西'.repeat(16_000)}${at}`);
  // The same characters in ordinary cells: 32,000 cells of about 20.
  const ordinary = Array.from({ length: 32_000 }, (_, at) => `辽源市西安区灯塔镇人民政府${at}四级主任科员`);
  const split = timed(() => long.forEach((cell) => splitUnitPosition(cell, known)));
  const splitFloor = timed(() => ordinary.forEach((cell) => splitUnitPosition(cell, known)));
  const crafted = `调研报告正文。\n${' 1'.repeat(50_000)} 村`;
  const prose = Array.from({ length: 4_500 }, () => '全村共有农户三百余户，庭院经济收入逐年增加。').join('\n');
  const clean = timed(() => cleanReportText(crafted, { fromPdf: true }));
  const cleanFloor = timed(() => cleanReportText(prose, { fromPdf: true }));
  return [
    { what: 'roster split: 40 hostile 工作单位及职务 cells of 16,000 characters', ms: split, target: 1000 },
    { what: 'roster split: 32,000 ordinary cells (the same 640,000 characters)', ms: splitFloor },
    { what: 'hostile cells ÷ ordinary cells', ms: split / Math.max(splitFloor, 0.001), unit: '×' },
    { what: '汇编 cleaning: one crafted PDF line of 100,000 characters', ms: clean, target: 500 },
    { what: '汇编 cleaning: 4,500 lines of prose (about the same 100,000 characters)', ms: cleanFloor },
    { what: 'crafted line ÷ prose', ms: clean / Math.max(cleanFloor, 0.001), unit: '×' },
  ];
};
