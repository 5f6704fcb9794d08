import { join } from 'node:path';
import { app, BrowserWindow, screen } from 'electron';
import { createHardenedWindow } from './security';
import { readWindowState, restoreState, writeWindowState } from './window-state';

// Its webContents is hardened by the app-wide 'web-contents-created' hook, like every other. It
// opens where it was closed (window-state.ts decides whether that place is still on a screen).
export const createMainWindow = (options: { preload: string; url: string; title: string }): BrowserWindow => {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = restoreState(
    readWindowState(stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = createHardenedWindow(BrowserWindow, { ...options, bounds: state.bounds });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      writeWindowState(stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch {
      // A place not remembered is no reason to keep the window open.
    }
  });
  void window.loadURL(options.url);
  return window;
};
