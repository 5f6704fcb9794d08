import type { Handlers } from '../router';
import { getSettings, updateSettings } from '../settings/service';
import { getVocab, setVocab } from '../vocab/service';
import { appInfo, loadSample } from './service';

export const appHandlers = {
  'app.info': (core) => appInfo(core),
  'app.loadSample': (core) => loadSample(core),
  'settings.get': (core) => getSettings(core),
  'settings.update': (core, patch) => updateSettings(core, patch),
  'vocab.get': (core, { kind }) => getVocab(core, kind),
  'vocab.set': (core, { kind, items }) => setVocab(core, kind, items),
} satisfies Handlers;
