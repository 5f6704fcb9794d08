import { Menu } from 'electron';
import { type MenuActions, menuTemplate } from './menu-template';

export const installMenu = (actions: MenuActions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions)));
};
