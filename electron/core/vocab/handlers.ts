import type { Handlers } from '../router';
import { getVocab, setVocab } from './service';

export const vocabHandlers = {
  'vocab.get': (core, { kind }) => getVocab(core, kind),
  'vocab.set': (core, { kind, items }) => setVocab(core, kind, items),
} satisfies Handlers;
