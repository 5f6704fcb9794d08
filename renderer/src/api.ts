import type { Bridge } from '../../shared/bridge';
import { channelNames, quietByChannel } from 'virtual:cadre-channels';
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import type { Result } from '../../shared/result';

declare global {
  // Only an interface can extend the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    api: Bridge;
  }
}

type DomainOf<C> = C extends `${infer D}.${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}.${infer V}` ? V : never;
type Call<C extends Channel> = (input: InputOf<C>) => Promise<Result<OutputOf<C>>>;

// api.classes.list({ year: 2019 }) — one typed function per contract channel.
export type Client = {
  [D in DomainOf<Channel>]: { [V in VerbOf<Channel, D>]: Call<Extract<`${D}.${V}`, Channel>> };
};

// The domains a write changed (`roster`, `attendance`, …), or undefined when it did not say.
export type DataChange = readonly string[] | undefined;

const listeners = new Set<(wrote: DataChange) => void>();

// Every successful write tells the open screens which domains it wrote; each query reads again when
// its last answer read one of them (app/use-query.ts).
export const onDataChanged = (listener: (wrote: DataChange) => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const changed = (channel: Channel, result: Result<unknown>): false | DataChange => {
  if (!result.ok) return false;
  // A write says what it wrote (the router, electron/core/db/touched.ts); one that wrote nothing is quiet.
  if (result.wrote) return result.wrote.length > 0 ? result.wrote : false;
  return quietByChannel[channel] ? false : undefined;
};

const invoke = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
  const result = await window.api.invoke(channel, input);
  const wrote = changed(channel, result);
  if (wrote !== false) for (const listener of listeners) listener(wrote);
  return result;
};

const build = (): Client => {
  const client: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of channelNames) {
    const [domain = '', verb = ''] = channel.split('.');
    client[domain] ??= {};
    client[domain][verb] = (input) => invoke(channel, input ?? {});
  }
  // The shape above is built from the same keys the Client type is computed from.
  return client as unknown as Client;
};

export const api = build();
