import { Route } from 'react-router';
import { RequireRole } from '../../app/RequireRole';
import { IMPORT_ROLES } from './import-types';
import { ImportPage } from './ImportPage';

/** The import wizard (`/import?type=contacts`), for the roles the backend lets import. */
export const importRoutes = (
  <Route
    path="/import"
    element={
      <RequireRole roles={IMPORT_ROLES}>
        <ImportPage />
      </RequireRole>
    }
  />
);
