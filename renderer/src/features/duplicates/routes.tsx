import { IconCopy } from '@tabler/icons-react';
import { Route } from 'react-router';
import type { Role } from '../../../../shared/roles';
import { RequireRole } from '../../app/RequireRole';
import { DuplicatesPage } from './DuplicatesPage';

/** Who may scan for duplicates (the server's rule for duplicates.scan), and where the page lives. */
export const DUPLICATES_NAV = { path: '/duplicates', icon: IconCopy, roles: ['admin', 'manager'] as readonly Role[] };

export const duplicatesRoutes = [
  <Route
    key="duplicates"
    path={DUPLICATES_NAV.path}
    element={
      <RequireRole roles={DUPLICATES_NAV.roles}>
        <DuplicatesPage />
      </RequireRole>
    }
  />,
];
