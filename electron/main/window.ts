import { BrowserWindow } from 'electron';
import { createHardenedWindow } from './security';

// Its webContents is hardened by the app-wide 'web-contents-created' hook, like every other.
export const createMainWindow = (options: { preload: string; url: string; title: string }): BrowserWindow => {
  const window = createHardenedWindow(BrowserWindow, options);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
};
