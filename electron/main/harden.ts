import type { Session, WebContents } from 'electron';
import { externalUrl, isAppUrl } from './security';

type Contents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;
type Permissions = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

// Navigation away from the app, new windows, webviews and permission prompts are all refused;
// an http(s) link the user clicks opens in the system browser instead.
export const hardenContents = (
  contents: Contents,
  trustedOrigins: readonly string[],
  openExternal: (url: string) => void,
): void => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = externalUrl(url);
    if (safe) openExternal(safe);
    return { action: 'deny' };
  });
};

// Camera, microphone, notifications, USB …: the app asks for none, so every request is refused.
export const hardenSession = (session: Permissions): void => {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
};
