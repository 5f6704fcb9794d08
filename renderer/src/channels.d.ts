// Built from shared/contract.ts by electron.vite.config.ts (channelTable): every channel, and
// whether a successful call leaves the data as it was.
declare module 'virtual:cadre-channels' {
  import type { Channel } from '../../shared/contract';

  export const quietByChannel: Readonly<Record<Channel, boolean>>;
  export const channelNames: readonly Channel[];
}
