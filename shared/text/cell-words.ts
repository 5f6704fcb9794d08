// The words office tables write in their cells and headers, as every import reads them (the table
// kit in electron/core/documents/table-import.ts): vocabulary of the files, kept with the other
// words of Chinese text rather than in the core's code.

// Headers of the row-number column that office tables put first: never imported, never listed.
export const rowNumberWords: ReadonlySet<string> = new Set(['序号', '编号', 'no', 'no.', '行号', '序', 'nr', '#']);

// 是/否, √/×, 有/无 and their kin.
export const yesWords: ReadonlySet<string> = new Set(['是', '有', '√', '✓', '✔', '对', '启用', '在用', 'y', 'yes', 'true', '1']);
export const noWords: ReadonlySet<string> = new Set([
  '否',
  '无',
  '×',
  '✗',
  '✘',
  'x',
  '不',
  '不是',
  '没有',
  '停用',
  'n',
  'no',
  'false',
  '0',
]);

// A run of Chinese numerals in a cell ("三张", "第十二组").
export const chineseNumeralRun = /[零〇一二两三四五六七八九十]+/g;
