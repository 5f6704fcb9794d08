import type { Handlers } from '../router';
import { appInfo, loadSample } from './service';

export const appHandlers = {
  'app.info': (core) => appInfo(core),
  'app.loadSample': (core) => loadSample(core),
} satisfies Handlers;
