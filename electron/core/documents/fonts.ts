// The typefaces of official documents, under the names Word looks them up by: 宋体 (SimSun) for the
// text, 黑体 (SimHei) for titles. Font names, not text anyone reads.
export const bodyFont = { ascii: 'SimSun', eastAsia: '宋体', hAnsi: 'SimSun' };
export const titleFont = { ascii: 'SimHei', eastAsia: '黑体', hAnsi: 'SimHei' };
// 仿宋 for the body of a document handed to people to read (the 学员手册), as the school's own are set.
export const fangsongFont = { ascii: 'FangSong', eastAsia: '仿宋', hAnsi: 'FangSong' };
