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

  it('cuts a long title to 120 characters, never in the middle of a character', () => {
    const name = fileNameOf('课'.repeat(300), 'ics');
    expect(name).toBe(`${'课'.repeat(120)}.ics`);
    expect(fileNameOf('𠀀'.repeat(130), 'csv')).toBe(`${'𠀀'.repeat(120)}.csv`);
  });
});
