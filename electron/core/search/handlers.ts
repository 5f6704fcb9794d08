import type { Handlers } from '../router';
import { searchEverywhere } from './everywhere';

export const searchHandlers = {
  'search.everywhere': (core, { query, perKind }) => searchEverywhere(core, query, perKind),
} satisfies Handlers;
