import type { CoreEvent } from './events';
import type { Result } from './result';

// What the preload exposes as window.api, and what the e2e harness binds in its place.
export type Bridge = {
  invoke: (channel: string, input: unknown) => Promise<Result<unknown>>;
  // Progress of long work; returns the function that stops listening.
  onEvent: (listener: (event: CoreEvent) => void) => () => void;
};

// The one IPC channel name events travel on, main → renderer.
export const eventChannel = 'cadre:event';
