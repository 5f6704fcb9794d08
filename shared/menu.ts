// What the native menu asks the window to do: the commands the page carries out itself (a menu item
// in main sends one; the page opens the screen or dialog). Opening the data folder and quitting are
// main's own business and never reach the page.
export const menuCommands = [
  'newClass',
  'importRoster',
  'exportRoster',
  'backup',
  'restore',
  'search',
  'shortcuts',
  'about',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

// The shortcuts the help menu lists (and the page's 快捷键 dialog shows): keys as printed on the key
// caps, and what each does (a message key under shortcuts.*).
export const shortcuts = [
  { keys: 'Ctrl+K', does: 'search' },
  { keys: 'Ctrl+N', does: 'newItem' },
  { keys: '/', does: 'filter' },
  { keys: 'Ctrl+Enter', does: 'save' },
  { keys: 'Esc', does: 'close' },
  { keys: '↑ ↓ Enter', does: 'choose' },
  { keys: 'Alt+← / Alt+→', does: 'week' },
  { keys: '1–5', does: 'score' },
  { keys: 'Tab / Shift+Tab', does: 'next' },
  { keys: 'Ctrl+= / Ctrl+-', does: 'zoom' },
] as const;
export type ShortcutAction = (typeof shortcuts)[number]['does'];
