import { expect } from 'vitest';
import type { ErrorCode } from '../../../shared/errors';
import type { Result } from '../../../shared/result';

// Unwraps an ok result, failing the test with the error's own message otherwise.
export const value = <T>(result: Result<T>): T => {
  if (!result.ok) expect.fail(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

export const failure = <T>(result: Result<T>, code: ErrorCode) => {
  if (result.ok) expect.fail(`expected ${code}, got ok`);
  expect(result.error.code).toBe(code);
  return result.error;
};
