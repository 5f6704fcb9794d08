// Small numbers as Chinese documents write them (第十二组) and as people type them into a cell.
const numerals = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const values: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

// 1 → 一, 12 → 十二, 20 → 二十; from 100 on, digits.
export const chineseNumber = (n: number): string => {
  if (n < 10) return numerals[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? numerals[n % 10] : ''}`;
  if (n < 100) return `${numerals[Math.floor(n / 10)]}十${n % 10 ? numerals[n % 10] : ''}`;
  return String(n);
};

// 十二 → 12, 二十 → 20, 二十三 → 23, 两 → 2.
export const parseChineseNumber = (text: string): number | undefined => {
  if (/^[零〇一二两三四五六七八九]$/.test(text)) return values[text];
  const match = /^([一二两三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(text);
  if (!match) return undefined;
  return (match[1] ? (values[match[1]] ?? 0) : 1) * 10 + (match[2] ? (values[match[2]] ?? 0) : 0);
};
