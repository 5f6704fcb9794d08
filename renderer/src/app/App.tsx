import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { Locale } from '../../../shared/settings';
import { ClassDetailPage } from '../features/classes/ClassDetailPage';
import { ClassListPage } from '../features/classes/ClassListPage';
import { AuditPage } from '../features/audit/AuditPage';
import { DataPage } from '../features/data/DataPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { StaffDetailPage } from '../features/staff/StaffDetailPage';
import { StaffListPage } from '../features/staff/StaffListPage';
import { TraineeDetailPage } from '../features/trainees/TraineeDetailPage';
import { TraineeListPage } from '../features/trainees/TraineeListPage';
import { i18n } from '../i18n';
import { FirstRun } from './FirstRun';
import { LocaleContext } from './locale';
import { Shell } from './Shell';

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
        <ConfigProvider
          locale={antLocales[locale]}
          theme={{
            token: {
              colorPrimary: '#1d4f91',
              colorLink: '#1d4f91',
              borderRadius: 4,
              fontFamily: "'Microsoft YaHei', 'WenQuanYi Micro Hei', 'PingFang SC', sans-serif",
            },
          }}
        >
          <AntApp>
            <HashRouter>
              <Shell>
                <Routes>
                  <Route path="/" element={<Navigate to="/classes" replace />} />
                  <Route path="/classes" element={<ClassListPage />} />
                  <Route path="/classes/:id" element={<ClassDetailPage />} />
                  <Route path="/trainees" element={<TraineeListPage />} />
                  <Route path="/trainees/:id" element={<TraineeDetailPage />} />
                  <Route path="/staff" element={<StaffListPage />} />
                  <Route path="/staff/:id" element={<StaffDetailPage />} />
                  <Route path="/data" element={<DataPage />} />
                  <Route path="/audit" element={<AuditPage />} />
                  <Route path="/settings" element={<SettingsPage />} />
                  <Route path="*" element={<Navigate to="/classes" replace />} />
                </Routes>
              </Shell>
              <FirstRun />
            </HashRouter>
          </AntApp>
        </ConfigProvider>
      </LocaleContext>
    </I18nextProvider>
  );
};
