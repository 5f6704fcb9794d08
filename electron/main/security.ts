import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

// Everything here is plain data and pure functions, so the unit tests can hold them to account
// without an Electron binary.

export const appScheme = 'app';
export const appHost = 'cadre';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

type WindowConstructor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

// Every window the app opens is made here, with its security settings written out where the window is
// constructed — so a reader (and electronegativity) sees them at the call. Electron's constructor is
// passed in, so the unit tests can check exactly what a window receives.
export const createHardenedWindow = (
  Window: WindowConstructor,
  options: { preload: string; title: string; bounds?: { x?: number; y?: number; width: number; height: number } },
): BrowserWindow =>
  new Window({
    width: 1360,
    height: 860,
    ...options.bounds,
    minWidth: 1024,
    minHeight: 640,
    title: options.title,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would open links in new windows; the app has none to open.
      disableBlinkFeatures: 'Auxclick',
    },
  });

// The hidden window that prints our own HTML to PDF: no preload, no JavaScript at all. Shown (with a
// title), the same window is the preview a document is printed from.
export const createPrintWindow = (Window: WindowConstructor, preview?: { title: string }): BrowserWindow =>
  new Window({
    show: preview !== undefined,
    ...(preview ? { title: preview.title, width: 960, height: 1000, autoHideMenuBar: true, backgroundColor: '#808080' } : {}),
    webPreferences: {
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

// Custom schemes parse with origin "null"; compare scheme and host instead.
const originOf = (url: URL): string => `${url.protocol}//${url.host}`;

export type SenderFrame = { url: string; isMainFrame: boolean } | null | undefined;

// IPC is answered only for the app's own top-level page: never an iframe, never another origin,
// never a frame whose URL does not parse.
export const isTrustedSender = (frame: SenderFrame, trustedOrigins: readonly string[]): boolean => {
  if (!frame || !frame.isMainFrame) return false;
  const url = parse(frame.url);
  return url !== undefined && trustedOrigins.includes(originOf(url));
};

// The only URLs the app ever hands to the operating system's browser.
export const externalUrl = (candidate: unknown): string | undefined => {
  if (typeof candidate !== 'string') return undefined;
  const url = parse(candidate);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return undefined;
  return url.href;
};

export const isAppUrl = (candidate: string, trustedOrigins: readonly string[]): boolean => {
  const url = parse(candidate);
  return url !== undefined && trustedOrigins.includes(originOf(url));
};
