import type { WindowEvent } from './events';
import type { Result } from './result';

// What the preload exposes as window.api, and what the e2e harness binds in its place.
export type Bridge = {
  invoke: (channel: string, input: unknown) => Promise<Result<unknown>>;
  // Progress of long work and the menu's commands; returns the function that stops listening.
  onEvent: (listener: (event: WindowEvent) => void) => () => void;
};

// The one IPC channel name events travel on, main → renderer.
export const eventChannel = 'cadre:event';
