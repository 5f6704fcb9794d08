import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { type Bridge, eventChannel } from '../../shared/bridge';
import { channels } from '../../shared/contract';
import type { WindowEvent } from '../../shared/events';
import { message } from '../../shared/i18n/translate';

const allowed = new Set<string>(channels);

// Only contract channels reach ipcRenderer; the page never sees ipcRenderer itself, and listeners
// receive the event alone, never Electron's IPC event object.
const bridge: Bridge = {
  invoke: (channel, input) =>
    typeof channel === 'string' && allowed.has(channel)
      ? ipcRenderer.invoke(channel, input)
      : Promise.resolve({
          ok: false,
          error: {
            code: 'UNKNOWN_CHANNEL',
            message: message('errors.UNKNOWN_CHANNEL', { channel: String(channel).slice(0, 80) }),
          },
        }),
  onEvent: (listener) => {
    const forward = (_event: IpcRendererEvent, payload: WindowEvent) => listener(payload);
    ipcRenderer.on(eventChannel, forward);
    return () => {
      ipcRenderer.removeListener(eventChannel, forward);
    };
  },
};

contextBridge.exposeInMainWorld('api', bridge);
