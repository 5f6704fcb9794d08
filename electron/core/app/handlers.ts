import type { Handlers } from '../router';
import { useDataFolder } from './data-folder';
import { appInfo, loadSample } from './service';

export const appHandlers = {
  'app.info': (core) => appInfo(core),
  'app.loadSample': (core) => loadSample(core),
  'app.useDataFolder': (core, { folder }, job) => useDataFolder(core, folder, job),
} satisfies Handlers;
