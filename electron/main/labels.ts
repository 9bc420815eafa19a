/**
 * Every string the main process shows to people, in one place, ready to be swapped for
 * translations when the shell gets i18n (the renderer's i18next catalogue is not reachable from
 * here yet). Log messages are for administrators and stay in English.
 */

/** The application menu's labels. */
export const MENU_LABELS = {
  file: 'File',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  help: 'Help',
  about: (appName: string) => `About ${appName}`,
  hide: (appName: string) => `Hide ${appName}`,
  hideOthers: 'Hide Others',
  showAll: 'Show All',
  quit: 'Quit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  minimize: 'Minimize',
  zoom: 'Zoom',
  close: 'Close Window',
  front: 'Bring All to Front',
} as const;

/** Dialogs shown when the app cannot start. */
export const STARTUP_TEXT = {
  title: 'Lantern CRM cannot start',
  missingPages: (indexPath: string) =>
    `The app's pages are missing (${indexPath}). Reinstall Lantern CRM; in development, run npm run build first.`,
  unexpected: (logFile: string) => `Something went wrong while starting. The details are in the log: ${logFile}`,
} as const;
