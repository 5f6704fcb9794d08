import type { Channel, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';
import type { GrantPurpose } from '../../shared/files/schemas';
import type { Router } from '../core/router';

export type OptionSpec = { type: 'string' | 'boolean'; describe: string };

export type Values = Readonly<Record<string, string | boolean | undefined>>;

// A mistake in the command line itself (not in the data): reported with the command's usage.
export class UsageError extends Error {}

export type Call = Router['call'];

// What a command works with: the router, and the one door that turns a path typed on the command
// line into a grant (the user of a terminal owns the machine; no IPC channel reaches this).
export type Context = { call: Call; grant: (path: string, purpose: GrantPurpose) => string };

export type Command = {
  words: readonly string[];
  usage: string;
  summary: string;
  options: Readonly<Record<string, OptionSpec>>;
  execute: (context: Context, values: Values, positionals: readonly string[]) => Promise<Result<unknown>>;
  // For the one command that must work when the database cannot be opened at all (restore).
  whenDamaged?: (dataDir: string, values: Values, positionals: readonly string[]) => Promise<Result<unknown>>;
  print: (value: unknown) => string;
  // What --json prints.
  json: (value: unknown) => unknown;
  exitCode: (value: unknown) => number;
};

type Described = Pick<Command, 'words' | 'usage' | 'summary' | 'options'>;

// A command that is one router call. Values stay as typed, except whole numbers: validating them is
// the router's job, so that the CLI and the UI refuse the same things alike.
export const single = <C extends Channel>(
  spec: Described & {
    channel: C;
    input: (values: Values, positionals: readonly string[]) => unknown;
    print: (value: OutputOf<C>) => string;
    json?: (value: OutputOf<C>) => unknown;
  },
): Command => steps({ ...spec, execute: ({ call }, values, positionals) => call(spec.channel, spec.input(values, positionals)) });

// A command that takes several calls (find the class, preview, then commit …).
export const steps = <T>(
  spec: Described & {
    execute: (context: Context, values: Values, positionals: readonly string[]) => Promise<Result<T>>;
    whenDamaged?: (dataDir: string, values: Values, positionals: readonly string[]) => Promise<Result<T>>;
    print: (value: T) => string;
    json?: (value: T) => unknown;
    exitCode?: (value: T) => number;
  },
): Command => ({
  words: spec.words,
  usage: spec.usage,
  summary: spec.summary,
  options: spec.options,
  execute: spec.execute,
  ...(spec.whenDamaged ? { whenDamaged: spec.whenDamaged } : {}),
  // The command's own execute produced the value, so it has the type its printer expects.
  print: (value) => spec.print(value as T),
  json: (value) => (spec.json ? spec.json(value as T) : value),
  exitCode: (value) => (spec.exitCode ? spec.exitCode(value as T) : 0),
});

export const asNumberIfWhole = (value: string | boolean | undefined): unknown =>
  typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;

export const defined = (entries: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
