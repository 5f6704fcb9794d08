import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from '../../../shared/i18n/en-US';
import { zhCN } from '../../../shared/i18n/zh-CN';
import type { Locale } from '../../../shared/settings/schemas';
import { uiEnUS } from './en-US';
import { uiZhCN } from './zh-CN';

type Tree = { readonly [key: string]: string | Tree };

// The shared tables (what the core says) and the UI's own meet under the same headings (classes,
// roster …): merged key by key, never one heading replacing the other.
export const mergeMessages = (...trees: readonly Tree[]): Tree => {
  const merged: Record<string, string | Tree> = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const existing = merged[key];
      merged[key] = typeof value === 'object' && typeof existing === 'object' ? mergeMessages(existing, value) : value;
    }
  }
  return merged;
};

export const resources = {
  'zh-CN': { translation: mergeMessages(zhCN, uiZhCN) },
  'en-US': { translation: mergeMessages(enUS, uiEnUS) },
};

export const i18n = i18next.createInstance();

export const initI18n = async (locale: Locale = 'zh-CN') => {
  await i18n.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'zh-CN',
    // React escapes already; i18next escaping would show &quot; in the UI.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
};
