// The 56 nationalities as the state lists them (GB/T 3304), without the 族 every official form writes
// after them. People type 汉 or 回 in a sheet; a roster sent upward says 汉族, 回族 — and a count by
// 民族 must not see 汉 and 汉族 as two.
const nationalities = [
  '汉',
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
] as const;

const known = new Set<string>(nationalities);

// 汉 → 汉族; 汉族, 穿青人 or anything not a nationality's bare name is kept as written.
export const normaliseEthnicity = (raw: string): string => {
  const value = raw.replace(/\s+/g, '');
  return known.has(value) ? `${value}族` : value;
};

export const nationalityCount = nationalities.length;
