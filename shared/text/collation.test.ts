import { describe, expect, it } from 'vitest';
import { compareStroke } from './collation';

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

  it('keeps what ICU already orders: strokes first, then the next character, a shorter name first', () => {
    before('王勇', '王建军');
    before('于晓东', '马军'); // 于 and 马 both 3: ICU's order between them
    before('田雪', '刘慧');
    before('张宇航', '张雪'); // 宇 6 < 雪 11
    before('郭浩', '郭海燕'); // the same surname: 浩 and 海 both 10, then the third character's turn
    expect(compareStroke('陈静', '陈静')).toBe(0);
    const names = ['韩美玲', '陈静', '郭国栋', '王芳', '邓丽', '崔文静', '金浩', '丁一'];
    expect([...names].sort(compareStroke)).toEqual(['丁一', '王芳', '邓丽', '陈静', '金浩', '郭国栋', '崔文静', '韩美玲']);
  });
});
