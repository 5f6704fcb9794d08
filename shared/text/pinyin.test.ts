import { describe, expect, it } from 'vitest';
import {
  decodeReadings,
  encodeReadings,
  matchesReadings,
  nearInitials,
  personPinyinKey,
  readingsOf,
  spellsWhole,
  textMatches,
} from './pinyin';
import { pinyinField, searchItems } from './search';

describe('pinyin search', () => {
  it('tells a query spelling the whole name from one spelling part of it', () => {
    const zhou = readingsOf('周文博');
    for (const whole of ['zwb', 'zhouwb', 'zhouwenbo', 'zwenb']) expect(spellsWhole(zhou, whole), whole).toBe(true);
    for (const part of ['zw', 'wb', 'zhouwen', 'zwbo1', '']) expect(spellsWhole(zhou, part), part).toBe(false);
    expect(spellsWhole(readingsOf('单田芳'), 'stf')).toBe(true); // 单 read shan as a surname, dan elsewhere
    expect(spellsWhole(readingsOf('单田芳'), 'dtf')).toBe(true);
  });

  // Every 和 reads he, huo or hu: a query of h's tried each reading of each character in turn, 3^n
  // ways before saying no — a name or unit of twenty such characters held a search for minutes.
  it('answers at once for a long run of characters each with several readings starting alike', () => {
    const hostile = readingsOf('和'.repeat(50));
    expect(hostile.every((options) => options.length >= 3)).toBe(true);
    const miss = `${'h'.repeat(49)}z`;
    expect(spellsWhole(hostile, miss)).toBe(false);
    expect(matchesReadings(hostile, miss)).toBe(false);
    expect(spellsWhole(hostile, 'h'.repeat(50))).toBe(true);
    expect(spellsWhole(hostile, `${'h'.repeat(49)}huo`)).toBe(true);
    expect(matchesReadings(hostile, `${'he'.repeat(30)}x`)).toBe(false);
    const unit = readingsOf('行'.repeat(100));
    expect(matchesReadings(unit, `${'h'.repeat(99)}q`)).toBe(false);
  });

  it('finds names by initials, full syllables and mixtures', () => {
    expect(textMatches('张三', 'zs')).toBe(true);
    expect(textMatches('张三', 'zhangs')).toBe(true);
    expect(textMatches('张三', 'zhangsan')).toBe(true);
    expect(textMatches('张三', 'zsan')).toBe(true);
    expect(textMatches('张三', 'ls')).toBe(false);
    expect(textMatches('2019年市管干部培训班', 'sggb')).toBe(true);
    expect(textMatches('2019年市管干部培训班', 'shiguan')).toBe(true);
    expect(textMatches('2019年市管干部培训班', 'pxb')).toBe(true);
    expect(textMatches('2019年市管干部培训班', '2019')).toBe(true);
    expect(textMatches('2019年市管干部培训班', '干部')).toBe(true);
  });

  it('knows every reading of a polyphonic surname', () => {
    expect(textMatches('单田芳', 'stf')).toBe(true);
    expect(textMatches('单田芳', 'dtf')).toBe(true);
    expect(textMatches('曾国藩', 'zgf')).toBe(true);
    expect(textMatches('吕布', 'lvb')).toBe(true);
  });

  it('sorts surnames by their surname reading', () => {
    expect(personPinyinKey('单田芳')).toBe('shan tian fang');
    expect(personPinyinKey('曾国藩')).toBe('zeng guo fan');
    expect(personPinyinKey('解放')).toMatch(/^xie /);
    expect(personPinyinKey('仇英')).toMatch(/^qiu /);
    expect(personPinyinKey('区志强')).toMatch(/^ou /);
    expect(personPinyinKey('朴槿惠')).toMatch(/^piao /);
  });

  it('stores readings compactly and reads them back', () => {
    const readings = readingsOf('单田芳');
    expect(decodeReadings(encodeReadings(readings))).toEqual(readings);
    expect(matchesReadings(decodeReadings(encodeReadings(readings)), 'stf')).toBe(true);
  });

  it('tolerates one wrong initial only when nothing matches exactly', () => {
    expect(nearInitials(readingsOf('市管干部'), 'smgb')).toBe(true);
    expect(nearInitials(readingsOf('市管干部'), 'smxb')).toBe(false);
    expect(nearInitials(readingsOf('市管干部'), 'smg')).toBe(false);
    const classes = ['2019年市管干部培训班', '2019年青年干部培训班'];
    expect(searchItems(classes, (c) => [pinyinField(c)], 'smgb')).toEqual({ items: ['2019年市管干部培训班'], approximate: true });
    expect(searchItems(classes, (c) => [pinyinField(c)], 'qngb')).toEqual({
      items: ['2019年青年干部培训班'],
      approximate: false,
    });
  });
});
