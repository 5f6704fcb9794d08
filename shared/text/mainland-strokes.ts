// Stroke counts as mainland lists count them (《通用规范汉字表》) for the characters ICU's stroke
// collation counts otherwise: ICU counts 阝 as 3 strokes, 艹 and 辶 as 4, 黄 as 12 (Taiwan's and the
// Kangxi count), which puts 陈 after 金 and 周, and 郭 after 崔. Common surnames and the given-name
// characters most often met with those parts; every other character keeps ICU's count.
const byCount: Record<number, string> = {
  4: '邓',
  5: '边邝邛',
  6: '阮邢那阳邬达过迈阴防邦芝迅',
  7: '陈陆邱邹邵邰邸苏芦花连迟还远运阿陀邳芮芬芳苍邴陇邺邯芸芹进迎',
  8: '郑郁郎范苗茅苟英苑茂述迪陕降限郄茆茄陌苹',
  9: '郝荆荀荣药草茶郗逄选适追郜茹郦茜逊院',
  10: '郭陶都莫莘荻莱逢通陵陪陷郯莲莽莉莹荷莎',
  11: '萧菅黄隋逯隆萨营萝菲鄂隗萍菊萌逸',
  12: '蒋葛董道遇葵蒂落',
  13: '蓝蒙蒲鄢阚蓬蒯蒿蓉蓓遥',
  14: '蔡蔺蔚慕',
  15: '蕊',
  16: '薛薄蕾薇',
  17: '魏藏',
  18: '藩',
  19: '蘧',
};

export const mainlandStrokes: ReadonlyMap<string, number> = new Map(
  Object.entries(byCount).flatMap(([count, characters]) => [...characters].map((c) => [c, Number(count)] as const)),
);
