import { Route, Routes } from 'react-router';
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
        {SECTIONS.filter((section) => section.key !== 'home').map((section) => (
          <Route key={section.key} path={section.path} element={<ComingSoonPage section={section.key} />} />
        ))}
        <Route path="/settings" element={<PreferencesPage />} />
        <Route
          path="/settings/users"
          element={
            <RequireRole roles={['admin']}>
              <UsersPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
