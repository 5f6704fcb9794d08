import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../../shared/settings/schemas';
import { api } from './api';
import { App } from './app/App';
import { initI18n } from './i18n';

// The page the window opens on (the workbench, unless the address names another) starts loading
// now, beside the settings, instead of after the shell has been drawn.
if (/^(#\/?(workbench\/?)?)?$/.test(window.location.hash)) void import('./features/workbench/WorkbenchPage');
else if (/^#\/classes\/?(\?.*)?$/.test(window.location.hash)) void import('./features/classes/ClassListPage');

const start = async () => {
  // The saved language decides the first paint; the settings page can switch it later.
  const settings = await api.settings.get({});
  const locale: Locale = settings.ok ? settings.value.locale : 'zh-CN';
  await initI18n(locale);
  const root = document.getElementById('root');
  if (!root) throw new Error('#root missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <App initialLocale={locale} />
    </StrictMode>,
  );
};

void start();
