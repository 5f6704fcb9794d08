import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { refuseField } from '../../../shared/validation';
import type { Core } from '../context';
import type { Db } from '../db/connection';

// Every preview→commit in the app, held once. A preview reads a file (or a folder of them), shows the
// person what a commit would do, and hands out a token; the commit brings the token back. The token
// names what the preview was: its kind (a roster preview's token is no schedule import's), its scope
// (the class, or the village of a households file), and a hash of the bytes read and of the options
// the file was read with (sheet, header row, columns…) — so a commit of a file changed since, or read
// otherwise, cannot bring a matching token. What the preview worked out is kept in the core for the
// commit, for a while: for `stagingLifetime`, on the database that was open (a restore, or any reopen,
// gives core.db a new connection, and a plan made on the one before is no plan for the one there now),
// and only while every file it read is still the same to the byte.

export type StagingKind = 'roster' | 'schedule' | 'table' | 'platform' | 'reports' | 'archive';

// An hour: long enough to look a preview over and fix nothing in between; a preview left longer is
// read again (or, where the files themselves were kept, chosen again).
export const stagingLifetime = 60 * 60 * 1000;

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

export const stagingToken = (kind: StagingKind, scope: number, digests: readonly string[], options: unknown = null): string =>
  `${kind}.${scope}.${sha256(JSON.stringify([kind, scope, digests, options]))}`;

const tokenPattern = /^([a-z]+)\.(\d+)\.[0-9a-f]{64}$/;

// Whether a token was made for this scope (a commit for another class is refused in the caller's words).
// A token of another kind of preview, or no token at all, is refused here: the person brought the
// wrong thing, and no reading of the file would make it right.
export const tokenIsFor = (token: string, kind: StagingKind, scope: number): boolean => {
  const parts = tokenPattern.exec(token);
  if (parts?.[1] !== kind) throw refuseField('token', message('import.otherKind'), 'invalid_format');
  return Number(parts[2]) === scope;
};

// A file a preview read, by the path it was read from and the SHA-256 of its bytes then.
export type StagedFile = { path: string; digest: string };

// The bytes of a staged file as they were when staged: read again and hashed, refused with `refuse`
// when they are gone or differ.
export const stagedBytes = (file: StagedFile, refuse: () => AppError): Buffer => {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch {
    throw refuse();
  }
  if (sha256(bytes) !== file.digest) throw refuse();
  return bytes;
};

type Entry<T> = { token: string; db: Db; at: number; files: readonly StagedFile[]; value: T };

// What a commit finds: the preview as it was; nothing (never made, replaced, taken, or older than the
// lifetime); or a preview made on a database since reopened.
export type Held<T> = { state: 'held'; value: T } | { state: 'gone' } | { state: 'reopened' };

export type Staging<T> = {
  keep: (core: Core, token: string, files: readonly StagedFile[], value: T) => void;
  // `paths`: where the commit reads from; a preview of a file elsewhere is not this commit's.
  take: (core: Core, token: string, paths?: readonly string[]) => Held<T>;
  drop: (core: Core, token: string) => void;
  // The newest preview held, for what it costs the core to keep (the tests measure it).
  latest: (core: Core) => { token: string; value: T } | undefined;
};

// One cache of one kind of preview, per open data folder. `keep`: how many previews wait at once (the
// newest stay); `changed`: the refusal when a file the preview read differs at the commit.
export const stagingCache = <T>(options: { keep?: number; changed: (file: StagedFile) => AppError }): Staging<T> => {
  const held = new WeakMap<Core, Entry<T>[]>();
  const live = (core: Core): Entry<T>[] => {
    const now = core.now().getTime();
    const entries = (held.get(core) ?? []).filter((entry) => now - entry.at < stagingLifetime && now >= entry.at);
    held.set(core, entries);
    return entries;
  };
  const drop = (core: Core, token: string) =>
    held.set(
      core,
      live(core).filter((entry) => entry.token !== token),
    );
  return {
    keep: (core, token, files, value) => {
      const others = live(core).filter((entry) => entry.token !== token);
      const entries = [...others, { token, db: core.db, at: core.now().getTime(), files, value }];
      held.set(core, entries.slice(Math.max(0, entries.length - (options.keep ?? 1))));
    },
    take: (core, token, paths) => {
      const entry = live(core).find((candidate) => candidate.token === token);
      if (!entry) return { state: 'gone' };
      if (entry.db !== core.db) {
        drop(core, token);
        return { state: 'reopened' };
      }
      if (paths && (paths.length !== entry.files.length || paths.some((path, index) => entry.files[index]?.path !== path)))
        return { state: 'gone' };
      for (const file of entry.files) stagedBytes(file, () => options.changed(file));
      return { state: 'held', value: entry.value };
    },
    drop,
    latest: (core) => {
      const entry = live(core).at(-1);
      return entry && { token: entry.token, value: entry.value };
    },
  };
};
