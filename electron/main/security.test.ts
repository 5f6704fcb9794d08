import { EventEmitter } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, metaContentSecurityPolicy } from '../../shared/csp';
import type { Result } from '../../shared/result';
import type { Router } from '../core/router';
import { makeTempDir } from '../core/testing/temp-core';
import { hardenContents, hardenSession } from './harden';
import { bindRouter } from './ipc';
import type { BrowserWindowConstructorOptions } from 'electron';
import {
  appEntryUrl,
  appOrigin,
  createHardenedWindow,
  createPrintWindow,
  externalUrl,
  isAppUrl,
  isTrustedSender,
} from './security';
import { resolveStaticFile } from './static-files';

describe('the hardened window', () => {
  it('isolates, sandboxes and keeps Node out of the renderer, for the main window and the print window', () => {
    const made: BrowserWindowConstructorOptions[] = [];
    // Electron's constructor stands in for itself only as far as recording what it was given.
    const Recorder = function (this: unknown, options: BrowserWindowConstructorOptions) {
      made.push(options);
    } as unknown as Parameters<typeof createHardenedWindow>[0];
    createHardenedWindow(Recorder, { preload: '/app/out/preload/index.cjs', title: '党校培训班管理' });
    createPrintWindow(Recorder);
    const [main, print] = made.map((options) => options.webPreferences);
    const hardened = {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    };
    expect(main).toMatchObject({ ...hardened, preload: '/app/out/preload/index.cjs' });
    expect(print).toMatchObject({ ...hardened, javascript: false });
    expect(print?.preload).toBeUndefined();
    expect(appEntryUrl).toBe('app://cadre/index.html');
  });

  it('has a strict CSP: own scripts only, no eval, no plugins, no framing', () => {
    const script = contentSecurityPolicy.split('; ').find((d) => d.startsWith('script-src'));
    expect(script).toBe("script-src 'self'");
    expect(contentSecurityPolicy).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("object-src 'none'");
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'");
    expect(metaContentSecurityPolicy).not.toContain('frame-ancestors');
  });

  it('denies navigation, new windows, webviews and permission requests', () => {
    const contents = new EventEmitter();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const opened: string[] = [];
    const fake = {
      on: (event: string, listener: (...args: unknown[]) => void) => contents.on(event, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => {
        openHandler = handler;
      },
    };
    hardenContents(fake as unknown as Parameters<typeof hardenContents>[0], [appOrigin], (url) => opened.push(url));

    const navigate = (event: string, url: string) => {
      let prevented = false;
      contents.emit(event, { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://cadre/index.html#/classes')).toBe(false);
    expect(navigate('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://cadre/index.html')).toBe(true);

    expect(openHandler?.({ url: 'https://www.gov.cn/' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.gov.cn/']);

    const answers: boolean[] = [];
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    hardenSession({
      setPermissionRequestHandler: (handler) => {
        handlers['request'] = handler as never;
      },
      setPermissionCheckHandler: (handler) => {
        handlers['check'] = handler as never;
      },
      setDevicePermissionHandler: (handler) => {
        handlers['device'] = handler as never;
      },
    });
    (handlers['request'] as (c: unknown, p: string, cb: (ok: boolean) => void) => void)(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect((handlers['check'] as () => boolean)()).toBe(false);
    expect((handlers['device'] as () => boolean)()).toBe(false);
  });
});

describe('IPC sender checks', () => {
  it('trusts only the app’s own top-level frame', () => {
    expect(isTrustedSender({ url: 'app://cadre/index.html#/classes', isMainFrame: true }, [appOrigin])).toBe(true);
    expect(isTrustedSender({ url: 'app://cadre/index.html', isMainFrame: false }, [appOrigin])).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/index.html', isMainFrame: true }, [appOrigin])).toBe(false);
    expect(isTrustedSender({ url: 'https://cadre/index.html', isMainFrame: true }, [appOrigin])).toBe(false);
    expect(isTrustedSender({ url: 'file:///app/out/renderer/index.html', isMainFrame: true }, [appOrigin])).toBe(false);
    expect(isTrustedSender({ url: 'not a url', isMainFrame: true }, [appOrigin])).toBe(false);
    expect(isTrustedSender({ url: '', isMainFrame: true }, [appOrigin])).toBe(false);
    expect(isTrustedSender(null, [appOrigin])).toBe(false);
    expect(isAppUrl('app://cadre/x', [appOrigin])).toBe(true);
  });

  it('binds every contract channel and refuses forged frames before the router sees them', async () => {
    const handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
    const seen: unknown[] = [];
    const router: Router = {
      handle: async (channel, input) => {
        seen.push([channel, input]);
        return { ok: true, value: 'handled' };
      },
      call: async () => ({ ok: true, value: undefined as never }),
    };
    const refused: string[] = [];
    bindRouter(
      { handle: (channel: string, listener: never) => handlers.set(channel, listener) } as never,
      router,
      [appOrigin],
      (channel, url) => refused.push(`${channel} ${url}`),
    );
    expect(handlers.has('classes.create')).toBe(true);
    const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

    const good = (await handlers.get('classes.list')?.(frame('app://cadre/index.html'), { year: 2019 })) as Result<unknown>;
    expect(good).toEqual({ ok: true, value: 'handled' });
    for (const forged of [
      frame('https://evil.example/'),
      frame('app://cadre/index.html', {}),
      frame('::::'),
      { senderFrame: null },
    ]) {
      const answer = (await handlers.get('classes.remove')?.(forged, { id: 1 })) as Result<unknown>;
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(seen).toEqual([['classes.list', { year: 2019 }]]);
    expect(refused).toHaveLength(4);
  });
});

describe('external links and the app protocol', () => {
  it('hands only parsed http(s) URLs to the system browser', () => {
    expect(externalUrl('https://www.gov.cn/zhengce')).toBe('https://www.gov.cn/zhengce');
    expect(externalUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://server/share',
      'https://user:pw@example.com/',
      '  ',
      42,
      null,
    ]) {
      expect(externalUrl(bad)).toBeUndefined();
    }
  });

  const temp = makeTempDir();
  afterAll(() => temp.remove());

  it('serves files inside the renderer folder and nothing outside it', () => {
    const root = join(temp.dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<html></html>');
    expect(resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/index.js')).toBe(join(root, 'assets', 'index.js'));
    // Dot segments are clamped at the root, as a browser does; nothing may resolve outside it.
    for (const escape of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2f..%2fetc/passwd']) {
      const file = resolveStaticFile(root, escape);
      expect(file === undefined || file.startsWith(root + sep)).toBe(true);
    }
    for (const broken of ['/a%00b', '/%E0%A4%A', '/..\\..\\secret']) expect(resolveStaticFile(root, broken)).toBeUndefined();
  });
});
