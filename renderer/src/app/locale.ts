import { createContext, useContext } from 'react';
import type { Locale } from '../../../shared/settings/schemas';

export const LocaleContext = createContext<{ locale: Locale; setLocale: (locale: Locale) => void }>({
  locale: 'zh-CN',
  setLocale: () => undefined,
});

export const useLocale = () => useContext(LocaleContext);
