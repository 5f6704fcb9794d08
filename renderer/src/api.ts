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

const listeners = new Set<() => void>();

// Every successful command tells the open screens to read again: one simple rule instead of
// per-screen cache invalidation.
export const onDataChanged = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

const invoke = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
  const result = await window.api.invoke(channel, input);
  if (result.ok && !quietByChannel[channel]) for (const listener of listeners) listener();
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
