import { Menu, type MenuItemConstructorOptions } from 'electron';
import { message } from '../../shared/i18n/translate';

// A short menu: the app's own navigation is in the window; this keeps the standard edit shortcuts
// (copy, paste, undo) and a way to quit working everywhere.
export const installMenu = (): void => {
  const template: MenuItemConstructorOptions[] = [
    { label: message('menu.file'), submenu: [{ role: 'quit', label: message('menu.quit') }] },
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
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
};
