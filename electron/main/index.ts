import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { eventChannel } from '../../shared/bridge';
import type { WindowEvent } from '../../shared/events';
import { contentSecurityPolicy } from '../../shared/csp';
import { message } from '../../shared/i18n/translate';
import type { CoreHost } from '../core/host/host';
import type { WarmPlatform } from '../core/platform';
import { takeAppLock } from '../core/lock';
import { fileLogger, type Logger, quotedPath } from '../core/log';
import { dataDirOf, defaultDataDir, forgetSavedDataDir, readSavedDataDir, saveDataDir } from '../core/paths';
import { startAppCore } from './core-host';
import { startFailure } from './start-failure';
import { hardenContents, hardenSession } from './harden';
import { bindRouter } from './ipc';
import { installMenu } from './menu';
import { confirmQuit, type QuitAnswer } from './quit';
import { nativeBindingPath } from './native';
import { type ElectronParts, electronPlatform } from './platform';
import { appEntryUrl, appHost, appOrigin, appScheme, createPrintWindow } from './security';
import { contentType, resolveStaticFile } from './static-files';
import { createMainWindow } from './window';

const rendererDir = join(import.meta.dirname, '../renderer');
const preload = join(import.meta.dirname, '../preload/index.cjs');
const workerFile = join(import.meta.dirname, 'core-worker.js');
// And the worker that reads files from outside (core/documents/parser), started by the core's.
const parserEntry = join(import.meta.dirname, 'parse-worker.js');
const trustedOrigins = [appOrigin];

// Must happen before "ready": app:// behaves like https (secure context, fetch, relative URLs).
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let host: CoreHost | undefined;
// Main's platform keeps a hidden print window warm between PDF exports (platform.ts).
let printing: WarmPlatform | undefined;
const platform = (parts: ElectronParts): WarmPlatform => {
  printing = electronPlatform(parts);
  return printing;
};
// The warm print window is a window too: left open, the app would not quit when its own window closes.
const letPrinterGo = () => void printing?.dispose().catch(() => undefined);
let releaseLock: (() => void) | undefined;
let closingDone = false;
// Asking, waiting for jobs, or backing up on the way out: a second quit waits for the first.
let quitting = false;

const serveApp = () =>
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === appHost ? resolveStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(file), {
        headers: { 'content-type': contentType(file), 'content-security-policy': contentSecurityPolicy },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });

// The daily backup, checked at start and every hour while the app stays open; it runs in the core's
// worker like everything else.
const backupWhenDue = async (log: Logger) => {
  const list = await host?.call('backup.list', {});
  if (!list?.ok || !list.value.due) return;
  // A daily backup that fails (the USB disk it goes to not plugged in) is logged; the data page says
  // why the folder is unavailable, and the next hour tries again.
  const made = await host?.call('backup.create', { reason: 'daily' });
  if (made && !made.ok) log.error(`daily backup not made: ${made.error.message}`);
};

// The data folder chosen in the app (settings, first run), kept beside Electron's own settings.
const savedDataDirFile = () => join(app.getPath('userData'), 'data-folder.json');

const start = async () => {
  const { dir: dataDir, source } = dataDirOf(process.argv, process.env, readSavedDataDir(savedDataDirFile()));
  const log = fileLogger(dataDir);
  host = startAppCore({
    workerFile,
    setup: {
      dataDir,
      nativeBinding: nativeBindingPath({
        packaged: app.isPackaged,
        resourcesPath: process.resourcesPath,
        appPath: app.getAppPath(),
      }),
      parserEntry,
      dataDirMustExist: source === 'saved',
    },
    platform: platform({
      dialog,
      shell,
      focusedWindow: () => BrowserWindow.getFocusedWindow(),
      printWindow: () => createPrintWindow(BrowserWindow),
      previewWindow: (title) => createPrintWindow(BrowserWindow, { title }),
      // Remembered, then a restart through the ordinary quit (the backup on closing included).
      switchDataFolder: (path) => {
        saveDataDir(savedDataDirFile(), path);
        const args = process.argv.slice(1);
        app.relaunch({ args: args.filter((arg, i) => !arg.startsWith('--data-dir') && args[i - 1] !== '--data-dir') });
        setTimeout(() => app.quit(), 500);
      },
    }),
    // Progress goes to every window of the app (there is one).
    emit: (event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, event);
    },
    log: (line) => log.error(line),
  });
  const opened = await host.ready();
  if (!opened.ok) {
    const failure = startFailure(opened.error, dataDir, source, defaultDataDir());
    if (failure.kind === 'explain') dialog.showErrorBox(failure.title, failure.detail);
    if (failure.kind === 'offerDefault') {
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: message('desktop.title'),
        message: failure.title,
        detail: failure.detail,
        buttons: failure.buttons,
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      });
      if (response === 0) {
        forgetSavedDataDir(savedDataDirFile());
        app.relaunch();
      }
    }
    log.error(`cannot open the data folder ${quotedPath(dataDir)}: ${opened.error.message}`);
    closingDone = true;
    app.quit();
    return;
  }
  releaseLock = takeAppLock(dataDir);
  log.info(`started ${app.getVersion()}, data in ${quotedPath(dataDir)}`);
  setTimeout(() => void backupWhenDue(log), 15_000);
  setInterval(() => void backupWhenDue(log), 60 * 60 * 1000);
  hardenSession(session.defaultSession);
  serveApp();
  bindRouter(ipcMain, host, trustedOrigins, (channel, url) => log.error(`refused IPC ${channel} from ${JSON.stringify(url)}`));
  installMenu({
    // To the window in front (there is one; a print preview has no page of ours to act).
    send: (command) => mainWindow?.webContents.send(eventChannel, { type: 'menu.command', command } satisfies WindowEvent),
    openDataFolder: () => void shell.openPath(dataDir),
  });
  openMainWindow();
};

let mainWindow: BrowserWindow | undefined;
const openMainWindow = () => {
  const window = createMainWindow({ preload, url: appEntryUrl, title: message('desktop.title') });
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
    letPrinterGo();
  });
};

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: focus the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = mainWindow;
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, trustedOrigins, (url) => void shell.openExternal(url)),
  );
  app.on('window-all-closed', () => app.quit());
  // Closing the app takes one more backup first (when automatic backups are on), then closes the
  // database in its worker; only then does the app quit.
  app.on('before-quit', (event) => {
    if (closingDone || !host) return;
    event.preventDefault();
    if (quitting) return;
    quitting = true;
    const current = host;
    void (async () => {
      const goOn = await confirmQuit(current, async (jobs) => {
        const choices: QuitAnswer[] = ['wait', 'stop', 'stay'];
        const window = BrowserWindow.getAllWindows()[0];
        const options = {
          type: 'question' as const,
          title: message('desktop.title'),
          message: message('desktop.quit.running', { jobs }),
          detail: message('desktop.quit.detail'),
          buttons: choices.map((choice) => message(`desktop.quit.${choice}`)),
          defaultId: 0,
          cancelId: 2,
          noLink: true,
        };
        const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
        return choices[response] ?? 'stay';
      });
      if (!goOn) {
        quitting = false;
        // Closing the window was what asked: the person stays, so the window comes back (the job goes on).
        if (!mainWindow) openMainWindow();
        return;
      }
      const settings = await current.call('settings.get', {});
      if (settings.ok && settings.value.autoBackup) {
        const made = await current.call('backup.create', { reason: 'close' });
        // Said before the app goes: the person can plug the disk in and back up next time, knowing.
        if (!made.ok && made.error.code !== 'CANCELLED')
          await dialog.showMessageBox({
            type: 'warning',
            title: message('desktop.title'),
            message: message('desktop.closeBackupFailed'),
            detail: made.error.message,
            buttons: [message('desktop.quitNow')],
            noLink: true,
          });
      }
      await current.close();
      letPrinterGo();
      releaseLock?.();
      closingDone = true;
      app.quit();
    })();
  });
  void app.whenReady().then(start);
}
