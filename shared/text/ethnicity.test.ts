import { describe, expect, it } from 'vitest';
import { traineeFieldsSchema } from '../trainees/schemas';
import { nationalityCount, normaliseEthnicity } from './ethnicity';

describe('民族 as official forms write it', () => {
  it('adds 族 to a nationality typed bare and keeps everything else as written', () => {
    expect(nationalityCount).toBe(56);
    expect(normaliseEthnicity('汉')).toBe('汉族');
    expect(normaliseEthnicity('回')).toBe('回族');
    expect(normaliseEthnicity('维吾尔')).toBe('维吾尔族');
    expect(normaliseEthnicity(' 朝 鲜 ')).toBe('朝鲜族');
    expect(normaliseEthnicity('满族')).toBe('满族');
    expect(normaliseEthnicity('')).toBe('');
    // Not a nationality's name: a person's own words stay theirs.
    expect(normaliseEthnicity('穿青人')).toBe('穿青人');
    expect(normaliseEthnicity('汉人')).toBe('汉人');
  });

  it('is applied wherever a person is saved or imported', () => {
    const parsed = traineeFieldsSchema.parse({ name: '马晓梅', ethnicity: '回' });
    expect(parsed.ethnicity).toBe('回族');
  });
});
