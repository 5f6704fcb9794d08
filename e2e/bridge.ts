import type { Page } from '@playwright/test';
import type { CoreHost } from '../electron/core/host/host';
import type { CoreEvent, WindowEvent } from '../shared/events';

declare global {
  // Only an interface can extend the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    __cadreInvoke: (channel: string, input: unknown) => Promise<unknown>;
    __cadreEmit: (event: WindowEvent) => void;
  }
}

// Plain JavaScript, not a function: tools that compile TypeScript differently (Playwright's, tsx)
// would otherwise inject their own helpers into the serialised code.
const installApi = `(() => {
  const listeners = new Set();
  window.__cadreEmit = (event) => listeners.forEach((listener) => listener(event));
  Object.defineProperty(window, 'api', {
    value: Object.freeze({
      invoke: (channel, input) => window.__cadreInvoke(channel, input),
      onEvent: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    }),
  });
})();`;

// window.api in the page, answered by the core host (the router in its worker thread), as the
// preload and IPC do in the app, minus Electron.
export const bindRouter = async (page: Page, host: Pick<CoreHost, 'handle'>) => {
  await page.exposeBinding('__cadreInvoke', (_source, channel: unknown, input: unknown) => host.handle(channel, input));
  await page.addInitScript({ content: installApi });
};

// Core events (job progress) go to the page the way the main process forwards them.
export const emitTo = (page: Page) => (event: CoreEvent) => {
  void page.evaluate((payload) => window.__cadreEmit?.(payload), event).catch(() => undefined);
};
