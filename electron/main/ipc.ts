import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels } from '../../shared/contract';
import { message } from '../../shared/i18n/translate';
import type { Result } from '../../shared/result';
import type { Router } from '../core/router';
import { isTrustedSender } from './security';

type Registrar = Pick<IpcMain, 'handle'>;
type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: message('errors.FORBIDDEN') } };

export const frameOf = (event: InvokeEvent) => {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
};

// The one place IPC meets the router: every contract channel, each answered only for a trusted frame.
export const bindRouter = (
  ipc: Registrar,
  router: Pick<Router, 'handle'>,
  trustedOrigins: readonly string[],
  onRefused: (channel: string, url: string) => void,
): void => {
  for (const channel of channels) {
    ipc.handle(channel, (event: InvokeEvent, input: unknown) => {
      const frame = frameOf(event);
      if (!isTrustedSender(frame, trustedOrigins)) {
        onRefused(channel, frame?.url ?? '(no frame)');
        return forbidden;
      }
      return router.handle(channel, input);
    });
  }
};
