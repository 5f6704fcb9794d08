import { describe, expect, it } from 'vitest';
import { fileNameOf } from './schemas';

describe('the file name offered when saving', () => {
  it('keeps Chinese text and full-width punctuation, and replaces what Windows refuses', () => {
    expect(fileNameOf('2019年市管干部培训班6月4日现场教学：朝阳村签到表', 'docx')).toBe(
      '2019年市管干部培训班6月4日现场教学：朝阳村签到表.docx',
    );
    expect(fileNameOf('理论/实践 "专题" <一>|二?*', 'pdf')).toBe('理论_实践 _专题_ _一__二__.pdf');
    expect(fileNameOf('a:b\\c\u0007', 'xlsx')).toBe('a_b_c_.xlsx');
  });

  it('cuts a long title to what a file system holds (255 bytes with the extension), never in a character', () => {
    // 课 is 3 bytes in UTF-8, 𠀀 is 4 (and two UTF-16 units): 83 and 62 of them, and the extension.
    expect(fileNameOf('课'.repeat(300), 'ics')).toBe(`${'课'.repeat(83)}.ics`);
    expect(fileNameOf('𠀀'.repeat(130), 'csv')).toBe(`${'𠀀'.repeat(62)}.csv`);
    expect(fileNameOf('ab'.repeat(100), 'csv')).toBe(`${'ab'.repeat(60)}.csv`);
  });

  it('never offers a name that climbs, that Windows reserves, or that ends in a dot or a space', () => {
    expect(fileNameOf('..', 'pdf')).toBe('.pdf');
    expect(fileNameOf(' ..\u3000', 'pdf')).toBe('.pdf');
    expect(fileNameOf('名册. ', 'xlsx')).toBe('名册.xlsx');
    expect(fileNameOf('a\u202Excod.exe', 'docx')).toBe('axcod.exe.docx');
  });
});
