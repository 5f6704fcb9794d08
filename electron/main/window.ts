import { BrowserWindow } from 'electron';
import { hardenedWebPreferences } from './security';

// Its webContents is hardened by the app-wide 'web-contents-created' hook, like every other.
export const createMainWindow = (options: { preload: string; url: string; title: string }): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: options.title,
    show: false,
    backgroundColor: '#f5f5f5',
    webPreferences: hardenedWebPreferences(options.preload),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.url);
  return window;
};
