import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/events';
import type { Result } from '../../shared/result';
import { devEntry } from '../core/host/dev-worker';
import { makeTempDir } from '../core/testing/temp-core';
import { startAppCore } from './core-host';
import { bindRouter } from './ipc';
import { type ElectronParts, electronPlatform } from './platform';
import { appOrigin } from './security';

const temp = makeTempDir('cadre-main-');
afterAll(() => temp.remove());

// Electron's objects, standing in only as far as recording what they were asked and answering as
// Electron would: the rest (IPC binding, the host, the worker, the core) is the real thing.
const standIns = () => {
  const asked: { kind: string; options: unknown }[] = [];
  const shown: string[] = [];
  const printed: string[] = [];
  const windows: { isDestroyed: () => boolean }[] = [];
  const previews: { title: string; html: string; landscape: boolean | undefined }[] = [];
  let nextPath: string | undefined;
  let nextResponse = 0;
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      asked.push({ kind: 'open', options: args.at(-1) });
      return { canceled: nextPath === undefined, filePaths: nextPath ? [nextPath] : [] };
    },
    showSaveDialog: async (...args: unknown[]) => {
      asked.push({ kind: 'save', options: args.at(-1) });
      return { canceled: nextPath === undefined, filePath: nextPath ?? '' };
    },
    showMessageBox: async (...args: unknown[]) => {
      asked.push({ kind: 'message', options: args.at(-1) });
      return { response: nextResponse, checkboxChecked: false };
    },
  };
  const parts = {
    dialog,
    shell: { showItemInFolder: (path: string) => void shown.push(path), openPath: async () => '' },
    focusedWindow: () => null,
    printWindow: () => {
      let loaded = '';
      let destroyed = false;
      const window = {
        isDestroyed: () => destroyed,
        loadURL: async (url: string) => {
          loaded = url;
        },
        webContents: {
          printToPDF: async () => {
            const html = Buffer.from(loaded.slice(loaded.indexOf(',') + 1), 'base64').toString('utf8');
            if (html.includes('FAIL-THIS-PRINT')) throw new Error('the renderer went away');
            printed.push(html);
            return Buffer.from('%PDF-1.7 stand-in');
          },
        },
        destroy: () => {
          destroyed = true;
        },
      };
      windows.push(window);
      return window;
    },
    // The preview: shown with the page; the system dialog says "printed".
    previewWindow: (title: string) => {
      let loaded = '';
      return {
        loadURL: async (url: string) => {
          loaded = url;
        },
        webContents: {
          print: (options: { landscape?: boolean }, done: (printed: boolean) => void) => {
            previews.push({
              title,
              html: Buffer.from(loaded.slice(loaded.indexOf(',') + 1), 'base64').toString('utf8'),
              landscape: options.landscape,
            });
            done(true);
          },
        },
      };
    },
  } as unknown as ElectronParts;
  return {
    parts,
    asked,
    shown,
    printed,
    windows,
    previews,
    choose: (path: string | undefined) => {
      nextPath = path;
    },
    respond: (index: number) => {
      nextResponse = index;
    },
  };
};

describe('electron/main with the core in its worker', { timeout: 60_000 }, () => {
  it('forwards trusted IPC to the worker, and the worker’s platform calls come back to Electron’s dialogs', async () => {
    const electron = standIns();
    const events: CoreEvent[] = [];
    const host = startAppCore({
      workerFile: devEntry,
      setup: { dataDir: join(temp.dir, 'data') },
      platform: electronPlatform(electron.parts),
      emit: (event) => events.push(event),
      log: () => undefined,
    });
    const handlers = new Map<string, (event: unknown, input: unknown) => Promise<Result<unknown>>>();
    const refused: string[] = [];
    bindRouter(
      { handle: (channel: string, listener: never) => handlers.set(channel, listener) } as never,
      host,
      [appOrigin],
      (channel) => refused.push(channel),
    );
    const trusted = { senderFrame: { url: 'app://cadre/index.html', parent: null } };
    const invoke = async (channel: string, input: unknown, event: unknown = trusted) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`not bound: ${channel}`);
      return handler(event, input);
    };

    expect(await invoke('app.loadSample', {})).toMatchObject({ ok: true, value: { classes: 3 } });
    const listed = (await invoke('classes.list', { search: '市管' })) as Result<{ items: { id: number }[] }>;
    const classId = listed.ok ? (listed.value.items[0]?.id ?? 0) : 0;

    // Save dialog → grant → an export printed by the (stand-in) print window → shown in its folder.
    const pdf = join(temp.dir, '学员名册.pdf');
    electron.choose(pdf);
    const chosen = (await invoke('files.chooseSave', {
      purpose: 'export',
      defaultName: '学员名册.pdf',
      format: 'pdf',
    })) as Result<{
      grant: string;
    }>;
    expect(electron.asked.at(-1)).toMatchObject({
      kind: 'save',
      options: { title: '保存到', defaultPath: '学员名册.pdf', filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
    });
    const grant = chosen.ok ? chosen.value.grant : '';
    const exported = await invoke('roster.export', { classId, document: 'roster', format: 'pdf', grant, jobId: 'pdf-1' });
    expect(exported).toMatchObject({ ok: true, value: { path: pdf, grant } });
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 stand-in');
    expect(electron.printed[0]).toContain('2019年市管干部培训班学员名册');
    expect(events.some((event) => event.jobId === 'pdf-1')).toBe(true);
    expect(await invoke('files.showInFolder', { grant })).toEqual({ ok: true, value: {}, read: ['files'] });
    expect(electron.shown).toEqual([pdf]);

    // On paper: the schedule in a preview window, the system's print dialog over it.
    expect(await invoke('schedule.print', { classId, jobId: 'print-1' })).toMatchObject({ ok: true, value: { printed: true } });
    expect(electron.previews).toEqual([
      expect.objectContaining({ title: '打印预览 — 2019年市管干部培训班课程安排表', landscape: true }),
    ]);
    expect(electron.previews[0]?.html).toContain('<h1>2019年市管干部培训班课程安排表</h1>');

    // A cancelled dialog is no grant; a forged frame never reaches the worker.
    electron.choose(undefined);
    expect(await invoke('files.chooseOpen', { purpose: 'rosterImport' })).toEqual({
      ok: true,
      value: { grant: null, name: null },
      read: ['files'],
    });
    const forged = await invoke(
      'classes.remove',
      { id: classId },
      { senderFrame: { url: 'https://evil.example/', parent: null } },
    );
    expect(forged).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(refused).toEqual(['classes.remove']);
    expect(await invoke('classes.get', { ref: classId })).toMatchObject({ ok: true });
    await host.close();
    expect(existsSync(join(temp.dir, 'data', 'cadre.sqlite3-wal'))).toBe(false);
  });

  it('keeps one print window warm: reused for the next PDF, one print at a time, closed when idle or disposed', async () => {
    const electron = standIns();
    const platform = electronPlatform(electron.parts, { idleMs: 200 });
    const page = (n: number) => `<html><body>第 ${n} 份</body></html>`;
    // Three exports at once: one window, each document printed whole before the next is loaded.
    const pdfs = await Promise.all([1, 2, 3].map((n) => platform.printToPdf(page(n), { landscape: false })));
    expect(pdfs.map((pdf) => Buffer.from(pdf).toString())).toEqual(Array(3).fill('%PDF-1.7 stand-in'));
    expect(electron.windows).toHaveLength(1);
    expect(electron.printed.map((html) => html.match(/第 \d 份/)?.[0])).toEqual(['第 1 份', '第 2 份', '第 3 份']);
    // A print that fails takes its window with it; the next one starts a fresh window.
    await expect(platform.printToPdf('FAIL-THIS-PRINT', { landscape: false })).rejects.toThrow();
    expect(electron.windows[0]?.isDestroyed()).toBe(true);
    await platform.printToPdf(page(4), { landscape: true });
    expect(electron.windows).toHaveLength(2);
    // Left idle, the window goes.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(electron.windows[1]?.isDestroyed()).toBe(true);
    // Disposed (the app's window closed), after the print under way has finished.
    const last = platform.printToPdf(page(5), { landscape: false });
    await platform.dispose();
    expect(Buffer.from(await last).toString()).toBe('%PDF-1.7 stand-in');
    expect(electron.windows).toHaveLength(3);
    expect(electron.windows[2]?.isDestroyed()).toBe(true);
  });

  it('asks about a damaged database in Electron’s message box, and maps the button to the choice', async () => {
    const electron = standIns();
    const platform = electronPlatform(electron.parts);
    electron.respond(0);
    const latest = {
      path: '/backups/x',
      name: 'cadre-backup-20261125-080000-daily',
      createdAt: '2026-11-25T08:00:00.000Z',
      reason: 'daily' as const,
      appVersion: '0.1.0',
      schemaVersion: 5,
      counts: { classes: 3, trainees: 40, enrolments: 40, files: 0 },
      bytes: 1,
    };
    expect(await platform.confirmRecovery({ aside: '/data/damaged-1', latest, detail: 'SQLITE_CORRUPT' })).toBe('restore');
    expect(electron.asked.at(-1)?.options).toMatchObject({
      title: '数据库文件已损坏',
      buttons: ['恢复这个备份', '以空白数据启动', '退出'],
    });
    electron.respond(1);
    expect(await platform.confirmRecovery({ aside: '/data/damaged-2', latest: undefined, detail: '' })).toBe('quit');
    expect(electron.asked.at(-1)?.options).toMatchObject({ buttons: ['以空白数据启动', '退出'] });
    // Asked again after the restore of the backup chosen failed, offered one of another data folder's.
    electron.respond(0);
    const failed = { name: 'cadre-backup-20261126-080000-daily', reason: '文件内容与记录不符' };
    const other = { ...latest, otherDatabase: true };
    expect(await platform.confirmRecovery({ aside: '/data/damaged-3', latest: other, detail: '', failed })).toBe('restore');
    expect(electron.asked.at(-1)?.options).toMatchObject({
      detail: expect.stringMatching(
        /恢复备份 cadre-backup-20261126-080000-daily 没有成功（文件内容与记录不符）[^]*来自其他数据文件夹\/工作站/,
      ),
    });
  });
});
