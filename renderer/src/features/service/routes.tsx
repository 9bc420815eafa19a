import { Route } from 'react-router';
import type { SectionKey } from '../../app/navigation';
import { serviceAdminRoutes } from './admin/pages';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';

/** The navbar sections this feature builds. */
export const SERVICE_SECTIONS: ReadonlySet<SectionKey> = new Set(['cases']);

export const serviceRoutes = [
  <Route key="cases" path="/cases" element={<CasesPage />} />,
  <Route key="case" path="/cases/:id" element={<CasePage />} />,
  ...serviceAdminRoutes,
];
