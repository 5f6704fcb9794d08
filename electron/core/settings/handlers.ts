import type { Handlers } from '../router';
import { getSettings, updateSettings } from './service';

export const settingsHandlers = {
  'settings.get': (core) => getSettings(core),
  'settings.update': (core, patch) => updateSettings(core, patch),
} satisfies Handlers;
