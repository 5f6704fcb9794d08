import { contextBridge, ipcRenderer } from 'electron';
import type { Bridge } from '../../shared/bridge';
import { channels } from '../../shared/contract';
import { message } from '../../shared/i18n/translate';

const allowed = new Set<string>(channels);

// Only contract channels reach ipcRenderer; the page never sees ipcRenderer itself.
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
};

contextBridge.exposeInMainWorld('api', bridge);
