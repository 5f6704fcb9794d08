import { BrowserWindow, dialog, shell } from 'electron';
import type { Platform } from '../core/platform';
import { createPrintWindow } from './security';

// The operating system's own dialogs and Chromium's printer, for the core.
export const electronPlatform = (): Platform => ({
  chooseOpenFile: async ({ title, filters }) => {
    const parent = BrowserWindow.getFocusedWindow();
    const options = {
      title,
      filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      properties: ['openFile' as const],
    };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  chooseSaveFile: async ({ title, defaultName, filters }) => {
    const parent = BrowserWindow.getFocusedWindow();
    const options = {
      title,
      defaultPath: defaultName,
      filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    };
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled ? undefined : result.filePath;
  },
  chooseFolder: async ({ title }) => {
    const parent = BrowserWindow.getFocusedWindow();
    const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
    const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return result.canceled ? undefined : result.filePaths[0];
  },
  showInFolder: (path) => shell.showItemInFolder(path),
  // A hidden, hardened window with JavaScript off renders the document; Chromium prints it.
  printToPdf: async (html, { landscape }) => {
    const window = createPrintWindow(BrowserWindow);
    try {
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      return await window.webContents.printToPDF({ pageSize: 'A4', landscape, printBackground: true, preferCSSPageSize: true });
    } finally {
      window.destroy();
    }
  },
});
