import { describe, expect, it } from 'vitest';
import { shownMax, shownText } from './shown';

describe('shownText', () => {
  it('keeps ordinary words as they are', () => {
    expect(shownText('联系人微信')).toBe('联系人微信');
    expect(shownText('1、您对本次培训的课程设置是否满意？')).toBe('1、您对本次培训的课程设置是否满意？');
  });
  it('cuts a megabyte to one line of shownMax characters, never splitting an emoji', () => {
    const cut = shownText('😀'.repeat(1_000_000));
    expect(Array.from(cut)).toHaveLength(shownMax + 1);
    expect(cut.endsWith('😀…')).toBe(true);
  });
  it('turns controls and bidi overrides into spaces', () => {
    expect(shownText('备注\u202e txt.exe\n第二行\u0007')).toBe('备注  txt.exe 第二行 ');
  });
});
