// The orders official lists use. 姓氏笔画 (surname strokes) is ICU's "stroke" collation; pinyin
// order compares surname-aware readings (单 shan, 曾 zeng) and falls back to strokes for ties.
const stroke = new Intl.Collator('zh-CN-u-co-stroke');
const pinyinText = new Intl.Collator('zh-CN-u-co-pinyin');
const latin = new Intl.Collator('en', { sensitivity: 'base' });

export const compareStroke = (a: string, b: string): number => stroke.compare(a, b);

export const comparePinyinText = (a: string, b: string): number => pinyinText.compare(a, b);

export const compareLatin = (a: string, b: string): number => latin.compare(a, b);
