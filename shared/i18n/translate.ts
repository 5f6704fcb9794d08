import { type SharedMessages, zhCN } from './zh-CN';

export type Params = Record<string, string | number>;

// Every dotted path to a sentence in a message table: "issues.required", "files.titles.export".
// message() takes only these, so a key that does not exist is a compile error, never shown to anyone.
export type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type MessageKey = Leaves<SharedMessages>;

// The same `{{name}}` interpolation i18next uses, so one set of templates serves the renderer
// (through i18next) and the core and CLI (through this function).
export const interpolate = (template: string, params: Params = {}): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (Object.hasOwn(params, key) ? String(params[key]) : whole));

const lookup = (messages: SharedMessages, key: string): string | undefined => {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = Reflect.get(node, part);
  }
  return typeof node === 'string' ? node : undefined;
};

// The core speaks Chinese: its messages go to the CLI and to logs. The renderer re-translates by code.
export const message = (key: MessageKey, params?: Params, messages: SharedMessages = zhCN): string =>
  interpolate(lookup(messages, key) ?? key, params);

// A key made at run time (a column name from the database, a field path from an input): its
// sentence if the table has one.
export const messageIfKnown = (key: string, params?: Params): string | undefined => {
  const template = lookup(zhCN, key);
  return template === undefined ? undefined : interpolate(template, params);
};

export const fieldLabel = (field: string, messages: SharedMessages = zhCN): string => {
  // "rows.3.name" is labelled by its last named segment.
  const named = field.split('.').filter((part) => !/^\d+$/.test(part));
  const last = named.at(-1) ?? field;
  return lookup(messages, `fields.${last}`) ?? last;
};
