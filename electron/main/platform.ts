import type { BrowserWindow, Dialog, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions, Shell } from 'electron';
import { AppError } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';
import { warmPrinter } from '../core/documents/warm-printer';
import { printerIdleMs, type RecoveryChoice, type WarmPlatform } from '../core/platform';

// What electron/main hands the platform: Electron's own objects, or stand-ins in the tests.
export type ElectronParts = {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog' | 'showMessageBox'>;
  shell: Pick<Shell, 'showItemInFolder' | 'openPath'>;
  focusedWindow: () => BrowserWindow | null;
  // A hidden, hardened window with JavaScript off (security.ts: createPrintWindow).
  printWindow: () => Pick<BrowserWindow, 'loadURL' | 'webContents' | 'destroy' | 'isDestroyed'>;
  // The same, shown: the preview a document is printed from (the person closes it).
  previewWindow: (title: string) => Pick<BrowserWindow, 'loadURL' | 'webContents'>;
  // Remembers the data folder for the next start, and restarts the app in it.
  switchDataFolder: (path: string) => void;
};

const dataUrl = (html: string) => `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;

const viewable = /\.(docx|doc|wps|pdf|txt|md)$/i;

// The operating system's own dialogs and Chromium's printer, answering the core's platform calls
// (they arrive from the core's worker thread through the host). The hidden print window stays warm
// between PDFs (see warm-printer.ts): each document is loaded into it anew, one at a time; main
// disposes of it when the app's window closes, so that it never keeps the app from quitting.
export const electronPlatform = (parts: ElectronParts, options: { idleMs?: number } = {}): WarmPlatform => {
  const printer = warmPrinter({
    start: async () => parts.printWindow(),
    close: (window) => window.destroy(),
    alive: (window) => !window.isDestroyed(),
    idleMs: options.idleMs ?? printerIdleMs,
  });
  const open = (options: OpenDialogOptions) => {
    const parent = parts.focusedWindow();
    return parent ? parts.dialog.showOpenDialog(parent, options) : parts.dialog.showOpenDialog(options);
  };
  const save = (options: SaveDialogOptions) => {
    const parent = parts.focusedWindow();
    return parent ? parts.dialog.showSaveDialog(parent, options) : parts.dialog.showSaveDialog(options);
  };
  const ask = (options: MessageBoxOptions) => {
    const parent = parts.focusedWindow();
    return parent ? parts.dialog.showMessageBox(parent, options) : parts.dialog.showMessageBox(options);
  };
  return {
    chooseOpenFile: async ({ title, filters }) => {
      const result = await open({
        title,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['openFile'],
      });
      return result.canceled ? undefined : result.filePaths[0];
    },
    chooseSaveFile: async ({ title, defaultName, filters }) => {
      const result = await save({
        title,
        defaultPath: defaultName,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
      });
      return result.canceled ? undefined : result.filePath;
    },
    chooseOpenFiles: async ({ title, filters }) => {
      const result = await open({
        title,
        filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
        properties: ['openFile', 'multiSelections'],
      });
      return result.canceled ? [] : result.filePaths;
    },
    chooseFolder: async ({ title }) => {
      const result = await open({ title, properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? undefined : result.filePaths[0];
    },
    showInFolder: async (path) => parts.shell.showItemInFolder(path),
    // Only documents: whatever the worker asks, main never starts a program (an .exe, a .lnk, a
    // script) through the system's file associations. openPath answers with an error, or ''.
    openFile: async (path) => {
      if (!viewable.test(path)) throw new AppError('INVALID_STATE', message('platform.cannotOpen', { reason: path }));
      const failure = await parts.shell.openPath(path);
      if (failure !== '') throw new AppError('INVALID_STATE', message('platform.cannotOpen', { reason: failure }));
    },
    printToPdf: (html, { landscape }) =>
      printer.use(async (window) => {
        try {
          await window.loadURL(dataUrl(html));
          return await window.webContents.printToPDF({
            pageSize: 'A4',
            landscape,
            printBackground: true,
            preferCSSPageSize: true,
          });
        } catch (error) {
          // Whatever state a failed print left the window in, the next document starts in a new one.
          window.destroy();
          throw error;
        }
      }),
    dispose: printer.dispose,
    useDataFolder: async (path) => parts.switchDataFolder(path),
    // The document in a window of its own (the preview), and the system's print dialog over it.
    printDocument: async (html, { landscape, title }) => {
      const window = parts.previewWindow(message('platform.printPreview', { title }));
      await window.loadURL(dataUrl(html));
      return new Promise<boolean>((resolve) =>
        window.webContents.print({ silent: false, printBackground: true, landscape }, (printed) => resolve(printed)),
      );
    },
    // The database failed its check at start: it has been moved aside; ask, in plain words, what now.
    // Asked again when the restore of the backup chosen failed: why, and the next good one.
    confirmRecovery: async ({ aside, latest, detail, failed, altered }) => {
      const offered = latest
        ? message('recovery.found', {
            time: new Date(latest.createdAt).toLocaleString('zh-CN'),
            classes: latest.counts.classes,
            trainees: latest.counts.trainees,
          })
        : message('recovery.noBackup');
      const found = [
        failed ? message('recovery.failed', { name: failed.name, reason: failed.reason }) : '',
        offered,
        latest?.otherDatabase === true ? message('recovery.otherDatabase') : '',
      ]
        .filter((line) => line !== '')
        .join('\n');
      const choices: RecoveryChoice[] = latest ? ['restore', 'empty', 'quit'] : ['empty', 'quit'];
      const { response } = await ask({
        type: 'error',
        title: message(altered ? 'recovery.alteredTitle' : 'recovery.title'),
        message: message(altered ? 'recovery.alteredMessage' : 'recovery.message'),
        detail: message('recovery.detail', { aside, found, detail }),
        buttons: choices.map((choice) => message(`recovery.choices.${choice}`)),
        defaultId: 0,
        cancelId: choices.length - 1,
        noLink: true,
      });
      return choices[response] ?? 'quit';
    },
  };
};
