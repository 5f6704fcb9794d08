import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ComponentType, lazy, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes } from 'react-router-dom';
import type { Locale } from '../../../shared/settings/schemas';
import { PageBoundary } from '../components/PageBoundary';
import { i18n } from '../i18n';
import { FirstRun } from './FirstRun';
import { LocaleContext } from './locale';
import './global.css';
import { Shell } from './Shell';

// Each page is its own chunk, loaded when first opened: the first screen parses the classes list
// and the shell, not the schedule grid, the import wizard and the audit log as well.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(async () => ({ default: (await load())[name] }));

const ClassListPage = page(() => import('../features/classes/ClassListPage'), 'ClassListPage');
const ClassDetailPage = page(() => import('../features/classes/ClassDetailPage'), 'ClassDetailPage');
const TraineeListPage = page(() => import('../features/trainees/TraineeListPage'), 'TraineeListPage');
const TraineeDetailPage = page(() => import('../features/trainees/TraineeDetailPage'), 'TraineeDetailPage');
const StaffListPage = page(() => import('../features/staff/StaffListPage'), 'StaffListPage');
const StaffDetailPage = page(() => import('../features/staff/StaffDetailPage'), 'StaffDetailPage');
const SitesPage = page(() => import('../features/sites/SitesPage'), 'SitesPage');
const ReportsPage = page(() => import('../features/reports/ReportsPage'), 'ReportsPage');
const WorkbenchPage = page(() => import('../features/workbench/WorkbenchPage'), 'WorkbenchPage');
const DataPage = page(() => import('../features/data/DataPage'), 'DataPage');
const AuditPage = page(() => import('../features/audit/AuditPage'), 'AuditPage');
const SettingsPage = page(() => import('../features/settings/SettingsPage'), 'SettingsPage');

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
                <PageBoundary>
                  <Routes>
                    <Route path="/" element={<Navigate to="/workbench" replace />} />
                    <Route path="/workbench" element={<WorkbenchPage />} />
                    <Route path="/classes" element={<ClassListPage />} />
                    <Route path="/classes/:id" element={<ClassDetailPage />} />
                    <Route path="/trainees" element={<TraineeListPage />} />
                    <Route path="/trainees/:id" element={<TraineeDetailPage />} />
                    <Route path="/staff" element={<StaffListPage />} />
                    <Route path="/staff/:id" element={<StaffDetailPage />} />
                    <Route path="/sites" element={<SitesPage />} />
                    <Route path="/sites/:id" element={<SitesPage />} />
                    <Route path="/reports" element={<ReportsPage />} />
                    <Route path="/data" element={<DataPage />} />
                    <Route path="/audit" element={<AuditPage />} />
                    <Route path="/settings" element={<SettingsPage />} />
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
