import type { MenuItemConstructorOptions } from 'electron';
import { message } from '../../shared/i18n/translate';
import type { MenuCommand } from '../../shared/menu';

export type MenuActions = {
  // A command the window carries out (opens a screen or a dialog).
  send: (command: MenuCommand) => void;
  openDataFolder: () => void;
};

// The native menu, in the app's language: 文件 / 编辑 / 视图 / 帮助. A plain template (no Electron
// object), so that it is built and checked where Electron's binary cannot run.
export const menuTemplate = (
  actions: MenuActions,
  platform: NodeJS.Platform = process.platform,
): MenuItemConstructorOptions[] => {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(name),
  });
  return [
    {
      label: message('menu.file'),
      submenu: [
        // Ctrl+N stays the page's: it makes a new one of whatever list is open (a class, a teacher).
        { ...command(message('menu.newClass'), 'newClass', 'CmdOrCtrl+N'), registerAccelerator: false },
        command(message('menu.importRoster'), 'importRoster', 'CmdOrCtrl+I'),
        command(message('menu.exportRoster'), 'exportRoster', 'CmdOrCtrl+E'),
        { type: 'separator' },
        command(message('menu.backup'), 'backup'),
        command(message('menu.restore'), 'restore'),
        { type: 'separator' },
        // On a Mac, 退出 lives in the app menu; elsewhere it closes 文件.
        ...(platform === 'darwin' ? [] : [{ role: 'quit', label: message('menu.quit'), accelerator: 'Ctrl+Q' } as const]),
      ],
    },
    {
      label: message('menu.edit'),
      submenu: [
        { role: 'undo', label: message('menu.undo') },
        { role: 'redo', label: message('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: message('menu.cut') },
        { role: 'copy', label: message('menu.copy') },
        { role: 'paste', label: message('menu.paste') },
        { role: 'selectAll', label: message('menu.selectAll') },
        { type: 'separator' },
        // The page listens for Ctrl+K itself; the menu shows the key and does the same.
        { ...command(message('menu.search'), 'search', 'CmdOrCtrl+K'), registerAccelerator: false },
      ],
    },
    {
      label: message('menu.view'),
      submenu: [
        { role: 'reload', label: message('menu.reload') },
        { type: 'separator' },
        { role: 'resetZoom', label: message('menu.resetZoom') },
        { role: 'zoomIn', label: message('menu.zoomIn') },
        { role: 'zoomOut', label: message('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: message('menu.fullscreen') },
      ],
    },
    {
      label: message('menu.help'),
      submenu: [
        command(message('menu.shortcuts'), 'shortcuts'),
        { label: message('menu.dataFolder'), click: () => actions.openDataFolder() },
        { type: 'separator' },
        command(message('menu.about'), 'about'),
      ],
    },
  ];
};
