import { describe, expect, it } from 'vitest';
import { spacedName } from './spaced-name';

describe('names on cards', () => {
  it('spaces a two-character name as offices do, and no other', () => {
    expect(spacedName('王芳')).toBe('王\u3000芳');
    expect(spacedName(' 李四 ')).toBe('李\u3000四');
    expect(spacedName('张建国')).toBe('张建国');
    expect(spacedName('司马云飞')).toBe('司马云飞');
    expect(spacedName('Li')).toBe('Li');
    expect(spacedName('王')).toBe('王');
  });
});
