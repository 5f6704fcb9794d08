import type { z } from 'zod';
import { AppError, type FieldIssue, type IssueCode, issueCodes } from './errors';
import { fieldLabel, message, type MessageKey, type Params } from './i18n/translate';

type ZodIssue = z.core.$ZodIssue;

const isIssueCode = (value: unknown): value is IssueCode =>
  typeof value === 'string' && (issueCodes as readonly string[]).includes(value);

const isMissing = (issue: ZodIssue): boolean => !('input' in issue) || issue.input === undefined || issue.input === null;

// Zod's vocabulary → ours. Ours is small on purpose: every code has a Chinese sentence.
// A value given where one of a list was wanted, as the message quotes it. An object (one without a
// prototype has no way to become a string at all) is quoted as what it is, not by its contents.
const shownValue = (input: unknown): string =>
  typeof input === 'object' && input !== null ? Object.prototype.toString.call(input) : String(input ?? '');

const classify = (issue: ZodIssue): { code: IssueCode; params: Params } => {
  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue)) return { code: 'required', params: {} };
      if (issue.expected === 'int') return { code: 'not_integer', params: {} };
      return { code: 'invalid_type', params: {} };
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return { code: 'required', params: {} };
      if (Number(issue.minimum) === 0 && !issue.inclusive) return { code: 'not_positive', params: {} };
      // One bound is all the issue knows: said as that bound, never with "∞" for the other.
      return { code: 'at_least', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array')
        return { code: 'too_long', params: { max: Number(issue.maximum) } };
      return { code: 'at_most', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { code: 'unknown_value', params: { value: shownValue(issue.input) } };
    case 'invalid_format':
      return { code: issue.format === 'date' ? 'invalid_date' : 'invalid_format', params: {} };
    case 'custom': {
      const { code, ...params } = issue.params ?? {};
      return { code: isIssueCode(code) ? code : 'invalid_format', params };
    }
    default:
      return { code: 'invalid_format', params: {} };
  }
};

const fieldOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

// Labels by field path (indexes left out), for schemas whose fields share a name with another's:
// { 'trainee.name': 'fields.personName' }. Registered beside the schema, found by parseInput.
export type LabelKeys = Readonly<Record<string, MessageKey>>;

const labelRegistry = new WeakMap<z.ZodType, LabelKeys>();

export const withLabels = <S extends z.ZodType>(schema: S, labels: LabelKeys): S => {
  labelRegistry.set(schema, labels);
  return schema;
};

const labelKeyOf = (field: string, labels: LabelKeys | undefined): MessageKey | undefined =>
  labels?.[
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .join('.')
  ];

export const toFieldIssues = (issues: readonly ZodIssue[], labels?: LabelKeys): FieldIssue[] =>
  issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const field = fieldOf([...issue.path, key]);
        return { field, code: 'unknown_field', message: message('issues.unknown_field', { label: key }) };
      });
    }
    const { code, params } = classify(issue);
    const field = fieldOf(issue.path);
    const labelKey = labelKeyOf(field, labels);
    const label = field === '' ? message('fields.value') : labelKey ? message(labelKey) : fieldLabel(field);
    const withLabel = { ...params, label };
    return [{ field, code, message: message(`issues.${code}`, withLabel), params: withLabel, ...(labelKey ? { labelKey } : {}) }];
  });

// One sentence for the whole input, for the CLI and for a toast: the first few problems.
export const summarise = (issues: readonly FieldIssue[]): string => {
  const shown = issues.slice(0, 3).map((issue) => issue.message);
  const rest = issues.length - shown.length;
  return rest > 0 ? message('issues.more', { shown: shown.join('；'), rest }) : shown.join('；');
};

export const invalidInput = (issues: FieldIssue[]): AppError => new AppError('INVALID_INPUT', summarise(issues), { issues });

// One field refused in a sentence of the domain's own (a topic that is not the class's, a folder in
// use), rather than a schema's general wording.
export const refuseField = (field: string, text: string, code: IssueCode = 'unknown_value'): AppError =>
  invalidInput([{ field, code, message: text }]);

// Zod 4 runs a string's length checks on any value with a `length`, and its message then throws on
// a `length` that cannot be printed ({ length: Object.create(null) }): that input is refused, never
// an internal error.
const safelyParsed = <S extends z.ZodType>(schema: S, input: unknown) => {
  try {
    return schema.safeParse(input, { reportInput: true });
  } catch {
    throw invalidInput([fieldIssue('value', 'invalid_type')]);
  }
};

export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = safelyParsed(schema, input);
  if (parsed.success) return parsed.data;
  throw invalidInput(toFieldIssues(parsed.error.issues, labelRegistry.get(schema)));
};

export const fieldIssue = (field: string, code: IssueCode, params: Params = {}, labelKey?: MessageKey): FieldIssue => {
  const withLabel = { ...params, label: labelKey ? message(labelKey) : fieldLabel(field) };
  return { field, code, message: message(`issues.${code}`, withLabel), params: withLabel, ...(labelKey ? { labelKey } : {}) };
};
