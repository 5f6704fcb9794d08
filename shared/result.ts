import type { AppErrorShape } from './errors';

// What crosses every door of the router: plain JSON, never an exception. Beside the value, the router
// says which domains (`classes`, `roster`, … the contract's fragments) a call read or wrote, so that
// the page reloads only the screens a write concerns; every other door ignores them.
export type Ok<T> = { ok: true; value: T; read?: readonly string[]; wrote?: readonly string[] };
export type Err = { ok: false; error: AppErrorShape };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (error: AppErrorShape): Err => ({ ok: false, error });

// Whether a write concerns a query: the domains the query's answer read meet those the write wrote. An
// answer that did not say (an error, a value the page made up itself) or a write that did not say is
// concerned by everything: better to read once too often than to leave a screen stale.
export const concerns = (read: readonly string[] | undefined, wrote: readonly string[] | undefined): boolean =>
  read === undefined || wrote === undefined || wrote.some((domain) => read.includes(domain));
