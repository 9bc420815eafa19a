import { Route, Routes } from 'react-router';
import { adminRoutes } from '../features/admin/routes';
import { duplicatesRoutes } from '../features/duplicates/routes';
import { CUSTOMER_SECTIONS, customerRoutes } from '../features/customers/routes';
import { SALES_SECTIONS, salesRoutes } from '../features/sales/routes';
import { SERVICE_SECTIONS, serviceRoutes } from '../features/service/routes';
import { importRoutes } from '../features/import/routes';
import { workstationRoutes } from '../features/workstation/routes';
import { ComingSoonPage } from '../pages/ComingSoonPage';
import { HomePage } from '../pages/HomePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PreferencesPage } from '../pages/settings/PreferencesPage';
import { UsersPage } from '../pages/settings/UsersPage';
import { AppFrame } from './AppFrame';
import { SECTIONS } from './navigation';
import { RequireRole } from './RequireRole';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppFrame />}>
        <Route index element={<HomePage />} />
        {SECTIONS.filter((section) => section.key !== 'home' && !CUSTOMER_SECTIONS.has(section.key) && !SALES_SECTIONS.has(section.key) && !SERVICE_SECTIONS.has(section.key)).map((section) => (
          <Route key={section.key} path={section.path} element={<ComingSoonPage section={section.key} />} />
        ))}
        {customerRoutes}
        {salesRoutes}
        {serviceRoutes}
        {importRoutes}
        {workstationRoutes}
        <Route path="/settings" element={<PreferencesPage />} />
        <Route
          path="/settings/users"
          element={
            <RequireRole roles={['admin']}>
              <UsersPage />
            </RequireRole>
          }
        />
        {adminRoutes}
        {duplicatesRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
