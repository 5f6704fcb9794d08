import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell } from 'electron';
import { eventChannel } from '../../shared/bridge';
import { contentSecurityPolicy } from '../../shared/csp';
import { AppError } from '../../shared/errors';
import { openCore, type OpenedCore } from '../core/open';
import { resolveDataDir } from '../core/paths';
import { takeAppLock } from '../core/lock';
import { bindRouter } from './ipc';
import { installMenu } from './menu';
import { nativeBindingPath } from './native';
import { electronPlatform } from './platform';
import { recoverDamagedDatabase } from './recovery';
import { appEntryUrl, appHost, appOrigin, appScheme } from './security';
import { contentType, resolveStaticFile } from './static-files';
import { hardenContents, hardenSession } from './harden';
import { createMainWindow } from './window';

const title = '党校培训班管理';
const rendererDir = join(import.meta.dirname, '../renderer');
const preload = join(import.meta.dirname, '../preload/index.cjs');
const trustedOrigins = [appOrigin];

// Must happen before "ready": app:// behaves like https (secure context, fetch, relative URLs).
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let opened: OpenedCore | undefined;

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

let releaseLock: (() => void) | undefined;
let closingBackupDone = false;

const open = (dataDir: string, nativeBinding: string) =>
  openCore({
    dataDir,
    nativeBinding,
    platform: electronPlatform(),
    // Progress goes to every window of the app (there is one).
    emit: (event) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(eventChannel, event);
    },
  });

const openOrRecover = (dataDir: string, nativeBinding: string): OpenedCore | undefined => {
  try {
    return open(dataDir, nativeBinding);
  } catch (error) {
    if (error instanceof AppError && error.code === 'DATABASE_DAMAGED') {
      if (!recoverDamagedDatabase(dataDir, String(error.details?.['detail'] ?? ''), nativeBinding)) return undefined;
      return openOrRecover(dataDir, nativeBinding);
    }
    const detail = error instanceof AppError ? error.message : String(error);
    dialog.showErrorBox('无法打开数据', `数据文件夹：${dataDir}\n\n${detail}`);
    return undefined;
  }
};

// The daily backup, checked at start and every hour while the app stays open.
const backupWhenDue = async () => {
  const list = await opened?.router.call('backup.list', {});
  if (list?.ok && list.value.due) await opened?.router.call('backup.create', { reason: 'daily' });
};

const start = () => {
  const dataDir = resolveDataDir(process.argv, process.env);
  const nativeBinding = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
  });
  opened = openOrRecover(dataDir, nativeBinding);
  if (!opened) {
    app.quit();
    return;
  }
  const core = opened.core;
  releaseLock = takeAppLock(dataDir);
  core.log.info(`started ${core.version}, data in ${dataDir}`);
  setTimeout(() => void backupWhenDue(), 15_000);
  setInterval(() => void backupWhenDue(), 60 * 60 * 1000);
  hardenSession(session.defaultSession);
  serveApp();
  bindRouter(ipcMain, opened.router, trustedOrigins, (channel, url) => core.log.error(`refused IPC ${channel} from ${url}`));
  installMenu();
  createMainWindow({ preload, url: appEntryUrl, title });
};

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same database: focus the first one instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) =>
    hardenContents(contents, trustedOrigins, (url) => void shell.openExternal(url)),
  );
  app.on('window-all-closed', () => app.quit());
  // Closing the app takes one more backup first, when automatic backups are on.
  app.on('before-quit', (event) => {
    if (closingBackupDone || !opened) return;
    event.preventDefault();
    void (async () => {
      const current = await opened?.router.call('settings.get', {});
      if (current?.ok && current.value.autoBackup) await opened?.router.call('backup.create', { reason: 'close' });
      closingBackupDone = true;
      app.quit();
    })();
  });
  app.on('will-quit', () => {
    opened?.close();
    releaseLock?.();
  });
  void app.whenReady().then(start);
}
