import { type ComponentType, lazy, useEffect, useState } from 'react';
import { matchRoutes } from 'react-router-dom';
import { classListFirstReads } from '../features/classes/reads';
import { workbenchFirstReads } from '../features/workbench/reads';
import { firstScreenDrawn, readEarly, type Read } from './use-query';

// A page's code, a chunk of its own loaded when first opened: the first screen parses the shell and
// its own page, not the schedule grid, the import wizard and the audit log as well.
// A page may name the reads it makes when opened (from the address's query), so that they start
// with its code instead of after it has been drawn once (they live outside the page's chunk).
export type Page = ComponentType & {
  load: () => Promise<void>;
  readFirst: (params: URLSearchParams) => Promise<unknown>;
};
type FirstReads = (params: URLSearchParams) => readonly Read<unknown>[];

// Once its code is in memory, a page draws at once. Through lazy() alone it would suspend even
// then — the spinner shown for a frame, and React holding the page back for its fallback throttle
// (300 ms) before it may replace the spinner: the first screen would wait for nothing.
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K, firstReads?: FirstReads): Page => {
  let loaded: ComponentType | undefined;
  const fetch = async () => {
    loaded = (await load())[name];
    return { default: loaded };
  };
  const Lazy = lazy(fetch);
  const Shown = () => {
    // Decided when the page is put on screen, and kept: switching from the lazy wrapper to the
    // component itself later would mount the page a second time and lose what was typed.
    const [Loaded] = useState(() => loaded);
    // Effects run children first: by now the page's queries have taken their early answers.
    // (Not in App's effect: at `/` the first commit holds only the redirect to the workbench.)
    useEffect(firstScreenDrawn, []);
    return Loaded ? <Loaded /> : <Lazy />;
  };
  return Object.assign(Shown, {
    load: async () => {
      if (!loaded) await fetch();
    },
    readFirst: (params: URLSearchParams) => Promise.all((firstReads?.(params) ?? []).map(readEarly)),
  });
};

export const pages = {
  workbench: page(() => import('../features/workbench/WorkbenchPage'), 'WorkbenchPage', workbenchFirstReads),
  classList: page(() => import('../features/classes/ClassListPage'), 'ClassListPage', classListFirstReads),
  classDetail: page(() => import('../features/classes/ClassDetailPage'), 'ClassDetailPage'),
  traineeList: page(() => import('../features/trainees/TraineeListPage'), 'TraineeListPage'),
  traineeDetail: page(() => import('../features/trainees/TraineeDetailPage'), 'TraineeDetailPage'),
  staffList: page(() => import('../features/staff/StaffListPage'), 'StaffListPage'),
  staffDetail: page(() => import('../features/staff/StaffDetailPage'), 'StaffDetailPage'),
  sites: page(() => import('../features/sites/SitesPage'), 'SitesPage'),
  reports: page(() => import('../features/reports/ReportsPage'), 'ReportsPage'),
  data: page(() => import('../features/data/DataPage'), 'DataPage'),
  audit: page(() => import('../features/audit/AuditPage'), 'AuditPage'),
  settings: page(() => import('../features/settings/SettingsPage'), 'SettingsPage'),
} satisfies Record<string, Page>;

// The addresses the app answers; `/` and anything unknown go to the workbench.
export const routes: readonly { path: string; page: Page }[] = [
  { path: '/workbench', page: pages.workbench },
  { path: '/classes', page: pages.classList },
  { path: '/classes/:id', page: pages.classDetail },
  { path: '/trainees', page: pages.traineeList },
  { path: '/trainees/:id', page: pages.traineeDetail },
  { path: '/staff', page: pages.staffList },
  { path: '/staff/:id', page: pages.staffDetail },
  { path: '/sites', page: pages.sites },
  { path: '/sites/:id', page: pages.sites },
  { path: '/reports', page: pages.reports },
  { path: '/data', page: pages.data },
  { path: '/audit', page: pages.audit },
  { path: '/settings', page: pages.settings },
];

// The page an address (`#/classes/3?tab=roster`) opens on, and the address's query.
export const pageAt = (hash: string): { page: Page; params: URLSearchParams } => {
  const [pathname = '', query = ''] = hash.replace(/^#/, '').split('?');
  const page = matchRoutes([...routes], pathname || '/')?.[0]?.route.page ?? pages.workbench;
  return { page, params: new URLSearchParams(query) };
};
