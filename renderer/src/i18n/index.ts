import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enUS } from '../../../shared/i18n/en-US';
import { zhCN } from '../../../shared/i18n/zh-CN';
import type { Locale } from '../../../shared/settings';
import { uiEnUS } from './en-US';
import { uiZhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: { ...zhCN, ...uiZhCN } },
  'en-US': { translation: { ...enUS, ...uiEnUS } },
} as const;

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
