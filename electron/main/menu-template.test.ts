import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuCommands, type MenuCommand } from '../../shared/menu';
import { menuTemplate } from './menu-template';

const itemsOf = (menu: MenuItemConstructorOptions) => (Array.isArray(menu.submenu) ? menu.submenu : []);
const labelled = (items: MenuItemConstructorOptions[]) => items.filter((item) => item.type !== 'separator');

describe('the native menu', () => {
  it('is in Chinese: 文件, 编辑, 视图, 帮助, with the items an office expects', () => {
    const template = menuTemplate({ send: () => undefined, openDataFolder: () => undefined }, 'win32');
    expect(template.map((menu) => menu.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const [file, edit, , help] = template;
    expect(labelled(itemsOf(file ?? {})).map((item) => item.label)).toEqual([
      '新建班次',
      '导入名册…',
      '导出名册…',
      '立即备份',
      '从备份恢复…',
      '退出',
    ]);
    expect(labelled(itemsOf(help ?? {})).map((item) => item.label)).toEqual(['快捷键', '打开数据文件夹', '关于党校培训班管理']);
    expect(itemsOf(edit ?? {}).find((item) => item.label === '搜索…')?.accelerator).toBe('CmdOrCtrl+K');
    // Every label is written out (none left to Electron's English defaults).
    for (const menu of template)
      for (const item of labelled(itemsOf(menu))) expect(item.label, JSON.stringify(item.role)).toMatch(/\p{Script=Han}/u);
  });

  it('sends each of the page’s commands, once, and opens the data folder itself', () => {
    const sent: MenuCommand[] = [];
    let folders = 0;
    const template = menuTemplate({ send: (command) => sent.push(command), openDataFolder: () => (folders += 1) }, 'linux');
    const click = (item: MenuItemConstructorOptions) =>
      (item.click as ((...args: unknown[]) => void) | undefined)?.(item, undefined, { triggeredByAccelerator: false });
    for (const menu of template) for (const item of itemsOf(menu)) click(item);
    expect([...sent].sort()).toEqual([...menuCommands].sort());
    expect(folders).toBe(1);
  });

  it('leaves 退出 to the app menu on a Mac', () => {
    const [file] = menuTemplate({ send: () => undefined, openDataFolder: () => undefined }, 'darwin');
    expect(itemsOf(file ?? {}).some((item) => item.role === 'quit')).toBe(false);
  });
});
