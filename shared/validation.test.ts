import { describe, expect, it } from 'vitest';
import { classFieldsSchema } from './classes/schemas';
import { householdFieldsSchema } from './lodging/schemas';
import { AppError } from './errors';
import { parseInput } from './validation';

const issuesOf = (input: unknown) => {
  try {
    parseInput(classFieldsSchema, input);
  } catch (error) {
    if (error instanceof AppError) return error.details?.issues ?? [];
  }
  return [];
};

describe('validation messages', () => {
  it('names each field in Chinese', () => {
    const issues = issuesOf({ name: '  ', startDate: '2019-02-30', endDate: '2019-06-01', plannedSize: -2, extra: 1 });
    expect(issues.map((issue) => [issue.field, issue.code])).toEqual(
      expect.arrayContaining([
        ['name', 'required'],
        ['startDate', 'invalid_date'],
        ['plannedSize', 'not_positive'],
        ['extra', 'unknown_field'],
      ]),
    );
    expect(issues.find((issue) => issue.field === 'name')?.message).toBe('请填写“班次名称”');
    expect(issues.find((issue) => issue.field === 'startDate')?.message).toContain('“开始日期”不是有效日期');
  });

  it('refuses an object without a prototype where one of a list is wanted, as a field issue, not a crash', () => {
    const refuse = () =>
      parseInput(householdFieldsSchema, { head: '马金山', beds: 4, hosts: Object.create(null) as unknown, mixedRooms: false });
    expect(refuse).toThrow(AppError);
    try {
      refuse();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      expect(error.details?.issues?.map((issue) => [issue.field, issue.code])).toEqual([['hosts', 'unknown_value']]);
    }
  });

  it('reports end before start on the end date, even beside other problems', () => {
    const issues = issuesOf({ name: '', startDate: '2019-06-03', endDate: '2019-06-01' });
    expect(issues).toContainEqual(
      expect.objectContaining({ field: 'endDate', code: 'end_before_start', message: '结束日期不能早于开始日期' }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ field: 'name', code: 'required' }));
  });

  it('refuses too long text and fractional numbers', () => {
    const issues = issuesOf({ name: '班'.repeat(101), startDate: '2019-06-03', endDate: '2019-06-04', plannedSize: 2.5 });
    expect(issues.find((issue) => issue.field === 'name')?.message).toBe('“班次名称”不能超过 100 个字');
    expect(issues.find((issue) => issue.field === 'plannedSize')?.code).toBe('not_integer');
  });
});

describe('a value zod cannot describe', () => {
  // Zod 4 runs a string's length checks on anything with a `length` and throws while wording the
  // issue when that length cannot be printed (found by the router's property test, seed-dependent).
  it('is refused as input, not thrown as an internal error', () => {
    for (const name of [{ length: Object.create(null) as object }, { length: { toString: null } }]) {
      let caught: unknown;
      try {
        parseInput(classFieldsSchema, { name });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect(caught).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('“值”的格式不正确') });
    }
  });
});
