import type { Result } from './result';

// What the preload exposes as window.api, and what the e2e harness binds in its place.
export type Bridge = {
  invoke: (channel: string, input: unknown) => Promise<Result<unknown>>;
};
