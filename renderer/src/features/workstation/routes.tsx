import { Route } from 'react-router';
import { ConnectionSettingsPage } from './ConnectionSettingsPage';

/** Settings > Connection, in the desktop app (a browser is told it already uses the office server). */
export const CONNECTION_SETTINGS_PATH = '/settings/connection';

export const workstationRoutes = <Route path={CONNECTION_SETTINGS_PATH} element={<ConnectionSettingsPage />} />;

/** Whether this page runs inside the desktop app, where the connection can be chosen. */
export function isDesktopApp(): boolean {
  return window.lanternDesktop !== undefined;
}
