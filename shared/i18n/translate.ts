import { zhCN, type SharedMessages } from './zh-CN';

export type Params = Record<string, string | number>;

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
export const message = (key: string, params?: Params, messages: SharedMessages = zhCN): string =>
  interpolate(lookup(messages, key) ?? key, params);

export const fieldLabel = (field: string, messages: SharedMessages = zhCN): string => {
  // "rows.3.name" is labelled by its last named segment.
  const named = field.split('.').filter((part) => !/^\d+$/.test(part));
  const last = named.at(-1) ?? field;
  return lookup(messages, `fields.${last}`) ?? last;
};
