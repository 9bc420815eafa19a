import { IconActivityHeartbeat, IconArchive, IconCertificate, IconCloudDownload, IconListDetails, type Icon } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { Route } from 'react-router';
import type { Role } from '../../../../shared/roles';
import { RequireRole } from '../../app/RequireRole';
import { AuditPage } from './pages/AuditPage';
import { BackupsPage } from './pages/BackupsPage';
import { LicencePage } from './pages/LicencePage';
import { ServerStatusPage } from './pages/ServerStatusPage';
import { UpdatesPage } from './pages/UpdatesPage';

export interface AdminPage {
  key: 'licence' | 'backups' | 'server' | 'audit' | 'updates';
  path: string;
  icon: Icon;
  page: ComponentType;
}

/** The admin console under Settings, in navbar order (administrators only; the server checks too). */
export const ADMIN_PAGES: readonly AdminPage[] = [
  { key: 'licence', path: '/settings/licence', icon: IconCertificate, page: LicencePage },
  { key: 'backups', path: '/settings/backups', icon: IconArchive, page: BackupsPage },
  { key: 'server', path: '/settings/server', icon: IconActivityHeartbeat, page: ServerStatusPage },
  { key: 'audit', path: '/settings/audit', icon: IconListDetails, page: AuditPage },
  { key: 'updates', path: '/settings/updates', icon: IconCloudDownload, page: UpdatesPage },
];

/** A route only the given roles may open (other features' settings pages use it too). */
export function roleRoute(key: string, path: string, Page: ComponentType, roles: readonly Role[]) {
  return (
    <Route
      key={key}
      path={path}
      element={
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      }
    />
  );
}

/** A route only administrators may open. */
export function adminOnlyRoute(key: string, path: string, Page: ComponentType) {
  return roleRoute(key, path, Page, ['admin']);
}

export const adminRoutes = ADMIN_PAGES.map(({ key, path, page }) => adminOnlyRoute(key, path, page));
