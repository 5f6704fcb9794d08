import { describe, expect, it } from 'vitest';
import { ordinaryForms } from './ordinary-forms';

describe('ordinary forms of Chinese text', () => {
  it('maps Kangxi radicals, compatibility ideographs and full-width letters and digits to the characters people type', () => {
    // ⼈ U+2F08, ⼿ U+2F3F, ⽤ U+2F64, ⽅ U+2F45: as PDF makers write 人, 手, 用, 方.
    expect(ordinaryForms('个\u2f08知识库助\u2f3f的使\u2f64\u2f45法')).toBe('个人知识库助手的使用方法');
    // 理 U+F9E4 (a compatibility ideograph), 丽 U+2F800 (their supplement, outside the BMP). 﨑 U+FA11
    // is one of the twelve ideographs of its own in that block, and stays.
    expect(ordinaryForms('知识管\uf9e4')).toBe('知识管理');
    expect(ordinaryForms('\ufa11')).toBe('\ufa11');
    expect(ordinaryForms('\u{2f800}')).toBe('\u4e3d');
    // ⺟ U+2E9F and ⻳ U+2EF3 are the radicals supplement's two with an ordinary form; ⺀ U+2E80 has none.
    expect(ordinaryForms('\u2e9f\u2ef3\u2e80')).toBe('母龟\u2e80');
    expect(ordinaryForms('２０１９年ＧＤＰ增长１２％，ｅｍａｉｌ')).toBe('2019年GDP增长12％，email');
  });

  it('keeps Chinese punctuation, the ideographic space and enclosed numbers as they are written', () => {
    const prose = '　　一、总体要求：坚持问题导向（见附件①）；“四同”实践！是否可行？【注】〔2019〕﹝1﹞号，㈱。';
    expect(ordinaryForms(prose)).toBe(prose);
    // What NFKC of the whole text would have done instead.
    expect(prose.normalize('NFKC')).not.toBe(prose);
    expect(prose.normalize('NFKC')).toContain('要求:');
    expect(ordinaryForms('党校培训班 Party school 2019')).toBe('党校培训班 Party school 2019');
  });

  it('changes nothing else, and doing it twice is doing it once', () => {
    const samples = ['个\u2f08', '管\uf9e4', '２０１９', '，。：；！？（）', '①②', 'ｶﾀｶﾅ', '\u3000', 'ABC'];
    for (const sample of samples) expect(ordinaryForms(ordinaryForms(sample))).toBe(ordinaryForms(sample));
    // Half-width katakana and enclosed numbers are not the forms this is about.
    expect(ordinaryForms('ｶﾀｶﾅ①')).toBe('ｶﾀｶﾅ①');
    // Each character keeps its length in code points: offsets into a text stay where they were.
    for (let code = 0x2f00; code <= 0x2fd5; code += 1) {
      const char = String.fromCodePoint(code);
      expect([...ordinaryForms(char)], char).toHaveLength(1);
      expect(/\p{Script=Han}/u.test(ordinaryForms(char)), char).toBe(true);
    }
  });
});
