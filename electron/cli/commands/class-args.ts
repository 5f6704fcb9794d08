import { resolve } from 'node:path';
import { ok, type Result } from '../../../shared/result';
import { type Call, UsageError, type Values } from '../command';
import { cliText } from '../messages';

// What commands about one class share: --class by ID or code, and one file to read.
export const classOption = { class: { type: 'string', describe: cliText('classArgs.class') } } as const;

const classRef = (values: Values): string | number => {
  const ref = values['class'];
  if (typeof ref !== 'string' || ref.trim() === '') throw new UsageError(cliText('classArgs.needClass'));
  return /^\d+$/.test(ref.trim()) ? Number(ref) : ref.trim();
};

export const classId = async (call: Call, values: Values): Promise<Result<number>> => {
  const found = await call('classes.get', { ref: classRef(values) });
  return found.ok ? ok(found.value.id) : found;
};

// `class summary 2019-003` or `class summary --class 2019-003`: under `class` the class is the
// command's object and is named first, yet every other command takes --class — both are read, and
// two different classes are refused rather than one chosen.
export const namedClass = (values: Values, positionals: readonly string[]): string | number => {
  const [ref, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(cliText('errors.extra', { args: extra.join(' ') }));
  const option = values['class'];
  if (typeof option === 'string' && option.trim() !== '') {
    if (ref !== undefined && ref.trim() !== option.trim())
      throw new UsageError(cliText('classArgs.twoClasses', { first: ref, second: option }));
    return classRef(values);
  }
  if (ref === undefined || ref.trim() === '') throw new UsageError(cliText('classes.show.needRef'));
  return /^\d+$/.test(ref.trim()) ? Number(ref) : ref.trim();
};

export const namedClassId = async (call: Call, values: Values, positionals: readonly string[]): Promise<Result<number>> => {
  const found = await call('classes.get', { ref: namedClass(values, positionals) });
  return found.ok ? ok(found.value.id) : found;
};

// `what` names the file in the message: 名册文件, 课程安排表文件.
export const oneFile = (positionals: readonly string[], what: string) => {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(cliText('classArgs.needFile', { what }));
  if (extra.length > 0) throw new UsageError(cliText('errors.extra', { args: extra.join(' ') }));
  return resolve(file);
};
