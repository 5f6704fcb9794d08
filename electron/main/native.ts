import { join } from 'node:path';

// better-sqlite3 built for Electron's ABI lives apart from the Node build the tests and the CLI use,
// so that neither ever overwrites the other (see scripts/electron-native.mjs).
export const nativeBindingPath = (options: { packaged: boolean; resourcesPath: string; appPath: string }): string =>
  options.packaged
    ? join(options.resourcesPath, 'native', 'better_sqlite3.node')
    : join(options.appPath, '.electron-native', 'better_sqlite3.node');
