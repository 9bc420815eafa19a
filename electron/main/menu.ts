import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import { MENU_LABELS } from './labels';

/** The application menu: mostly roles, so shortcuts (copy, paste, zoom) work on every platform. */
export function buildAppMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const appName = app.getName();
  const L = MENU_LABELS;
  const developing = !app.isPackaged;

  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about', label: L.about(appName) },
      { type: 'separator' },
      { role: 'hide', label: L.hide(appName) },
      { role: 'hideOthers', label: L.hideOthers },
      { role: 'unhide', label: L.showAll },
      { type: 'separator' },
      { role: 'quit', label: L.quit },
    ],
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [macAppMenu] : [{ label: L.file, submenu: [{ role: 'quit', label: L.quit }] } satisfies MenuItemConstructorOptions]),
    {
      label: L.edit,
      submenu: [
        { role: 'undo', label: L.undo },
        { role: 'redo', label: L.redo },
        { type: 'separator' },
        { role: 'cut', label: L.cut },
        { role: 'copy', label: L.copy },
        { role: 'paste', label: L.paste },
        { role: 'selectAll', label: L.selectAll },
      ],
    },
    {
      label: L.view,
      submenu: [
        // Reloading and DevTools are for developers; a packaged app has neither.
        ...(developing
          ? ([
              { role: 'reload', label: L.reload },
              { role: 'toggleDevTools', label: L.toggleDevTools },
              { type: 'separator' },
            ] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: L.resetZoom },
        { role: 'zoomIn', label: L.zoomIn },
        { role: 'zoomOut', label: L.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: L.toggleFullScreen },
      ],
    },
    {
      label: L.window,
      submenu: isMac
        ? [
            { role: 'minimize', label: L.minimize },
            { role: 'zoom', label: L.zoom },
            { type: 'separator' },
            { role: 'front', label: L.front },
          ]
        : [
            { role: 'minimize', label: L.minimize },
            { role: 'close', label: L.close },
          ],
    },
    {
      role: 'help',
      label: L.help,
      submenu: [{ label: L.about(appName), click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
