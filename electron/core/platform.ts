import type { BackupInfo } from '../../shared/backup/schemas';
import { AppError } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';

// What the operating system gives. electron/main implements it with Electron; the CLI and the tests
// with real files and headless Chromium. The core never asks which one it has: in the app it calls
// these from its worker thread, and each call travels to main and back (see host/).
export type FileFilter = { name: string; extensions: readonly string[] };

// A damaged database found at start: what was set aside, and the newest backup that passes its check
// (this database's own first; one from another data folder is marked otherDatabase). `failed`: the
// backup the person chose before, whose restore failed (nothing of it stayed), and why.
export type Damaged = {
  aside: string;
  latest: BackupInfo | undefined;
  detail: string;
  // Not damaged but altered: its schema is not what this program makes (an added trigger, a dropped
  // index). Set aside and offered a backup the same way, said in other words.
  altered?: boolean;
  failed?: { name: string; reason: string };
};
export type RecoveryChoice = 'restore' | 'empty' | 'quit';

export type Platform = {
  chooseOpenFile: (options: { title: string; filters: readonly FileFilter[] }) => Promise<string | undefined>;
  chooseSaveFile: (options: {
    title: string;
    defaultName: string;
    filters: readonly FileFilter[];
  }) => Promise<string | undefined>;
  chooseOpenFiles: (options: { title: string; filters: readonly FileFilter[] }) => Promise<string[]>;
  chooseFolder: (options: { title: string }) => Promise<string | undefined>;
  showInFolder: (path: string) => Promise<void>;
  // Opens a file with the program the system has for it (a report in Word or a PDF reader).
  openFile: (path: string) => Promise<void>;
  // Prints a self-contained HTML document (inline styles, no scripts) to an A4 PDF.
  printToPdf: (html: string, options: { landscape: boolean }) => Promise<Uint8Array>;
  // Shows the same document in a window and opens the system's print dialog over it; whether the
  // person printed (false: cancelled).
  printDocument: (html: string, options: { landscape: boolean; title: string }) => Promise<boolean>;
  // From the next start on, keep the data in this folder (main remembers it and restarts the app).
  useDataFolder: (path: string) => Promise<void>;
  // Asks the person what to do about a damaged database, in plain words.
  confirmRecovery: (damaged: Damaged) => Promise<RecoveryChoice>;
};

export type PlatformMethod = keyof Platform;

// A platform that keeps its printer warm between calls (Electron's hidden print window, the CLI's
// headless Chromium): `dispose` lets it go once the prints under way have finished. It is not an end:
// the next print warms it again.
export type WarmPlatform = Platform & { dispose: () => Promise<void> };

export const isWarm = (platform: Platform): platform is WarmPlatform =>
  'dispose' in platform && typeof platform.dispose === 'function';

// How long a warm printer waits for the next document before it is closed.
export const printerIdleMs = 60_000;

const unavailable = () => new AppError('INVALID_STATE', message('platform.noDialogs'));

// For doors without a screen (the CLI): paths arrive as arguments, so dialogs are never needed, and
// a damaged database is left for `restore` to deal with.
export const noDialogs: Omit<Platform, 'printToPdf' | 'printDocument'> = {
  chooseOpenFile: () => Promise.reject(unavailable()),
  chooseSaveFile: () => Promise.reject(unavailable()),
  chooseOpenFiles: () => Promise.reject(unavailable()),
  chooseFolder: () => Promise.reject(unavailable()),
  showInFolder: () => Promise.resolve(),
  openFile: () => Promise.reject(unavailable()),
  // The command line names its folder with --data-dir each time.
  useDataFolder: () => Promise.reject(unavailable()),
  confirmRecovery: () => Promise.resolve('quit'),
};

export const noPrinting: Pick<Platform, 'printToPdf' | 'printDocument'> = {
  printToPdf: () => Promise.reject(new AppError('INVALID_STATE', message('platform.noPrinter'))),
  printDocument: () => Promise.reject(new AppError('INVALID_STATE', message('platform.noPrinter'))),
};
