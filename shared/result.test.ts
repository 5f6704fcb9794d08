import { describe, expect, it } from 'vitest';
import { concerns } from './result';

describe('whether a write concerns a query', () => {
  it('does when the two meet, and not otherwise', () => {
    expect(concerns(['reports', 'roster'], ['roster', 'audit'])).toBe(true);
    expect(concerns(['reports', 'roster'], ['attendance', 'audit'])).toBe(false);
    expect(concerns(['reports'], [])).toBe(false);
  });

  it('does when either did not say what it read or wrote', () => {
    expect(concerns(undefined, ['attendance'])).toBe(true);
    expect(concerns(['reports'], undefined)).toBe(true);
  });
});
