import { describe, expect, it } from 'vitest';
import { compareLatin, compareStroke, compareStrokeText } from './collation';

// 姓氏笔画 as mainland offices count strokes (《通用规范汉字表》): 阝 is 2 strokes, 艹 and 辶 3, 黄 11.
// ICU's stroke collation counts them as Taiwan's tables do (阝 3, 艹 4, 辶 4, 黄 12), which put
// 陈 (7) after 金 and 周 (8) and 郭 (10) after 崔 (11) in every roster.
const before = (a: string, b: string) => expect(compareStroke(a, b), `${a} before ${b}`).toBeLessThan(0);

describe('姓氏笔画', () => {
  it('counts 阝, 艹, 辶 and 黄 as mainland lists do', () => {
    before('陈静', '金浩'); // 7 < 8
    before('陈静', '周强');
    before('邓丽', '石磊'); // 4 < 5
    before('郭国栋', '崔文静'); // 10 < 11
    before('郑明', '胡斌'); // 8 < 9
    before('苏敏', '罗军'); // 7 < 8
    before('范军', '胡斌'); // 8 < 9
    before('连杰', '金浩'); // 7 < 8
    before('边疆', '孙明'); // 5 < 6
    before('黄丽', '葛军'); // 11 < 12
    before('董浩', '蔡琳'); // 12 < 14
  });

  it('orders the same count by the strokes in turn, 横 丨 丿 丶 折, reading 丷 as two dots', () => {
    // 4 strokes: 王 井 元 begin with 横, 水 with 竖 (its hook counts as 竖), 牛 毛 with 撇, 文 方 with 点, 尹 孔 邓 with 折.
    expect(['文', '王', '孔', '毛', '水', '方', '井', '尹', '邓', '牛', '元'].sort(compareStroke).join('')).toBe(
      '王井元水牛毛文方尹孔邓',
    );
    before('林明', '欧明'); // both 8 and 横 first: 林's second stroke is 丨, 欧's 丿
    before('王刚', '文刚');
    // 姜's 丷 is two dots, so it comes with 洪 (点 点 提 …) rather than after every name beginning 点 点.
    before('姜文', '洪涛');
    before('洪涛', '宣明'); // 点 点 提 before 点 点 折
  });

  it('puts a single given name before double ones of its surname, then the given name by strokes', () => {
    before('高富', '高大富');
    before('田富', '田大利');
    before('王勇', '王建军');
    before('王建军', '王晓东'); // 建 8 < 晓 10
    before('张宇航', '张雪航'); // 宇 6 < 雪 11
    expect(compareStroke('陈静', '陈静')).toBe(0);
    const names = ['韩美玲', '陈静', '郭国栋', '王芳', '邓丽', '崔文静', '金浩', '丁一'];
    expect([...names].sort(compareStroke)).toEqual(['丁一', '王芳', '邓丽', '陈静', '金浩', '郭国栋', '崔文静', '韩美玲']);
  });

  it('gives the order of a list published 按姓氏笔画为序 (the 19th Politburo, 2017)', () => {
    const published =
      '丁薛祥 习近平 王晨 王沪宁 刘鹤 许其亮 孙春兰 李希 李强 李克强 李鸿忠 杨洁篪 杨晓渡 汪洋 张又侠 陈希 陈全国 陈敏尔 赵乐际 胡春华 栗战书 郭声琨 黄坤明 韩正 蔡奇'.split(
        ' ',
      );
    for (const start of [[...published].reverse(), [...published].sort(), [...published].sort(compareLatin)])
      expect(start.sort(compareStroke)).toEqual(published);
  });

  it('gives the order of the 18th Politburo (2012), 按姓氏笔画为序', () => {
    // 王岐山 before 王沪宁 (岐 begins 丨, 沪 丶), 孙春兰 before 孙政才 (春's second stroke 横, 政's 丨),
    // 范 before 孟 (横 before 折), 栗 before 郭: the counts and the shapes in turn.
    const published =
      '习近平 马凯 王岐山 王沪宁 刘云山 刘延东 刘奇葆 许其亮 孙春兰 孙政才 李克强 李建国 李源潮 汪洋 张春贤 张高丽 张德江 范长龙 孟建柱 赵乐际 胡春华 俞正声 栗战书 郭金龙 韩正'.split(
        ' ',
      );
    expect([...published].reverse().sort(compareStroke)).toEqual(published);
  });

  it('is a total order over any names (Array.sort needs one): antisymmetric and transitive', () => {
    // Characters of the table (several of one count), outside it (淏, Extension A and B), letters, digits, the · of minority
    // names, a full-width space: drawn by a seeded generator, so that a failure comes back the same.
    const pool = ['王', '文', '李', '克', '吴', '强', '曾', '淏', '㐀', '𠀀', '·', 'A', 'a', 'Ａ', '1', '　', 'é'];
    // mulberry32: the low bits of a plain LCG repeat too soon to mix the pool.
    let seed = 20_171_025;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) % n;
    };
    const name = () => Array.from({ length: next(4) }, () => pool[next(pool.length)] ?? '').join('');
    const seen = { before: 0, after: 0, equal: 0, chains: 0 };
    for (const compare of [compareStroke, compareStrokeText])
      for (let i = 0; i < 20_000; i += 1) {
        const [a, b, c] = [name(), name(), name()];
        const ab = Math.sign(compare(a, b));
        seen[ab < 0 ? 'before' : ab > 0 ? 'after' : 'equal'] += 1;
        expect(ab, `${a} ${b}`).toBe(-Math.sign(compare(b, a)) || 0);
        if (ab <= 0 && compare(b, c) <= 0) {
          seen.chains += 1;
          expect(compare(a, c), `${a} ${b} ${c}`).toBeLessThanOrEqual(0);
        }
      }
    // What the draw exercised: pairs each way and equal, and chains a ≤ b ≤ c whose ends were compared.
    console.log(`stroke order, 40,000 triples: ${JSON.stringify(seen)}`);
    for (const [which, count] of Object.entries(seen)) expect(count, which).toBeGreaterThan(0);
  });

  it('orders units and places character by character, and characters outside the table by ICU after the rest', () => {
    expect(compareStrokeText('新华村', '新村')).toBeLessThan(0); // 华 6 before 村 7: a place has no empty place
    before('新村', '新华村'); // … where a name has one
    expect(compareStrokeText('市委组织部', '市委党校')).toBeLessThan(0); // 组 8 before 党 10
    // 㐀 (Extension A) is not in the table: ICU counts it 5, and it follows the table's characters of 5.
    expect(compareStrokeText('玉', '㐀')).toBeLessThan(0);
    expect(compareStrokeText('㐀', '邢')).toBeLessThan(0);
  });
});
