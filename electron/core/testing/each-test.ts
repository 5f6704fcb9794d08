import { afterEach, beforeEach } from 'vitest';
import type { TempCore } from './temp-core';

// A fixture of the test files' own, opened before each test (and handed to `set`, for the file's own
// names) and disposed of after it; the getter gives the one open, for steps that act on it.
export const eachTest = <T extends { t: TempCore }>(open: () => Promise<T>, set: (opened: T) => void): (() => T) => {
  let current: T | undefined;
  beforeEach(async () => {
    current = await open();
    set(current);
  });
  afterEach(() => current?.t.dispose());
  return () => {
    if (!current) throw new Error('no fixture is open');
    return current;
  };
};
