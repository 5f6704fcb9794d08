// First, so that the screens' own stylesheets come after antd's and win where they differ.
import 'virtual:antd-static.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Locale } from '../../shared/settings/schemas';
import { App } from './app/App';
import { pageAt } from './app/pages';
import { appInfoRead, settingsRead } from './app/reads';
import { readEarly } from './app/use-query';
import { initI18n } from './i18n';

// The first screen is drawn once, with what it needs already here: the page the window opens on
// (the workbench, unless the address names another) loads its code and starts its own reads while
// the settings and the app's facts are asked for — all at once, not one after another.
const start = async () => {
  const { page, params } = pageAt(window.location.hash);
  const shortly = new Promise((resolve) => setTimeout(resolve, 300));
  // Nothing here may keep the window blank: a read that fails is the screen's to show, later.
  const [settings] = await Promise.all([
    readEarly(settingsRead).catch(() => undefined),
    readEarly(appInfoRead).catch(() => undefined),
    // A chunk that cannot be read is the page's own error to show (PageBoundary), not the shell's.
    page.load().catch(() => undefined),
    // The page's own reads are waited for too, for a moment: answered within tens of milliseconds,
    // they let the first render draw the page with its data, not empty and then again. A slow one
    // is not waited for; it arrives as any later answer does.
    Promise.race([page.readFirst(params).catch(() => undefined), shortly]),
  ]);
  // The saved language decides the first paint; the settings page can switch it later.
  const locale: Locale = settings?.ok ? settings.value.locale : 'zh-CN';
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
