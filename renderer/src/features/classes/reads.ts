import { type ClassListQuery, classStatuses } from '../../../../shared/classes/schemas';
import { api } from '../../api';
import type { Read } from '../../app/use-query';

// What the class list reads, apart from its page's code: the shell starts these when the window
// opens on the list, before the page's chunk has arrived.

// The list's filters, as the address holds them.
export const listQueryOf = (params: URLSearchParams): ClassListQuery => {
  const year = params.get('year');
  const category = params.get('category');
  const status = classStatuses.find((s) => s === params.get('status'));
  const search = params.get('q');
  return {
    ...(year ? { year: Number(year) } : {}),
    ...(category ? { category } : {}),
    ...(status ? { status } : {}),
    ...(search ? { search } : {}),
  };
};

export const classListReads = {
  classes: (query: ClassListQuery) =>
    ({ key: `classes:${JSON.stringify(query)}`, load: () => api.classes.list(query) }) satisfies Read<unknown>,
  years: { key: 'years', load: () => api.classes.years({}) } satisfies Read<unknown>,
  categories: { key: 'vocab:classCategory', load: () => api.vocab.get({ kind: 'classCategory' }) } satisfies Read<unknown>,
};

// Started with the page's code when the window opens on the list (pages.tsx).
export const classListFirstReads = (params: URLSearchParams) => [
  classListReads.classes(listQueryOf(params)),
  classListReads.years,
  classListReads.categories,
];
