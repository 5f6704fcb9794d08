import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { Locale } from '../../../shared/settings/schemas';
import { PageBoundary } from '../components/PageBoundary';
import { i18n } from '../i18n';
import { FirstRun } from './FirstRun';
import { LocaleContext } from './locale';
import { routes } from './pages';
import './global.css';
import { Shell } from './Shell';
import { theme } from './theme';

const antLocales = { 'zh-CN': zhCN, 'en-US': enUS } as const;
const dayjsLocales = { 'zh-CN': 'zh-cn', 'en-US': 'en' } as const;

export const App = ({ initialLocale }: { initialLocale: Locale }) => {
  const [locale, setLocaleState] = useState<Locale>(() => {
    dayjs.locale(dayjsLocales[initialLocale]);
    return initialLocale;
  });

  const setLocale = (next: Locale) => {
    dayjs.locale(dayjsLocales[next]);
    void i18n.changeLanguage(next);
    document.documentElement.lang = next;
    setLocaleState(next);
  };

  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext value={{ locale, setLocale }}>
        <ConfigProvider locale={antLocales[locale]} theme={theme}>
          <AntApp>
            <HashRouter>
              <Shell>
                <PageBoundary>
                  <Routes>
                    <Route path="/" element={<Navigate to="/workbench" replace />} />
                    {routes.map(({ path, page: Page }) => (
                      <Route key={path} path={path} element={<Page />} />
                    ))}
                    <Route path="*" element={<Navigate to="/workbench" replace />} />
                  </Routes>
                </PageBoundary>
              </Shell>
              <FirstRun />
            </HashRouter>
          </AntApp>
        </ConfigProvider>
      </LocaleContext>
    </I18nextProvider>
  );
};
