import { AppError } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';

// What the operating system gives. electron/main implements it with Electron; the CLI and the tests
// with real files and headless Chromium. The core never asks which one it has.
export type FileFilter = { name: string; extensions: readonly string[] };

export type Platform = {
  chooseOpenFile: (options: { title: string; filters: readonly FileFilter[] }) => Promise<string | undefined>;
  chooseSaveFile: (options: {
    title: string;
    defaultName: string;
    filters: readonly FileFilter[];
  }) => Promise<string | undefined>;
  chooseFolder: (options: { title: string }) => Promise<string | undefined>;
  showInFolder: (path: string) => void;
  // Prints a self-contained HTML document (inline styles, no scripts) to an A4 PDF.
  printToPdf: (html: string, options: { landscape: boolean }) => Promise<Uint8Array>;
};

const unavailable = () => new AppError('INVALID_STATE', message('platform.noDialogs'));

// For doors without a screen (the CLI): paths arrive as arguments, so dialogs are never needed.
export const noDialogs: Pick<Platform, 'chooseOpenFile' | 'chooseSaveFile' | 'chooseFolder' | 'showInFolder'> = {
  chooseOpenFile: () => Promise.reject(unavailable()),
  chooseSaveFile: () => Promise.reject(unavailable()),
  chooseFolder: () => Promise.reject(unavailable()),
  showInFolder: () => undefined,
};

export const noPrinting: Pick<Platform, 'printToPdf'> = {
  printToPdf: () => Promise.reject(new AppError('INVALID_STATE', message('platform.noPrinter'))),
};
