import { Route } from 'react-router';
import type { SectionKey } from '../../app/navigation';
import { RequireRole } from '../../app/RequireRole';
import { PipelinesPage } from './admin/PipelinesPage';
import { ProductsPage } from './admin/ProductsPage';
import { BoardPage } from './board/BoardPage';
import { LeadPage } from './leads/LeadPage';
import { OpportunityPage } from './opportunities/OpportunityPage';
import { LeadsPage, OpportunitiesPage } from './pages/ListPages';
import { ForecastPage } from './reports/ForecastPage';
import { LoyalCustomersPage } from './reports/LoyalCustomersPage';
import { ReportsPage } from './reports/ReportsPage';
import { SalesReportPage } from './reports/SalesReportPage';

/** The navbar sections this feature builds. */
export const SALES_SECTIONS: ReadonlySet<SectionKey> = new Set(['leads', 'opportunities', 'reports']);

export const salesRoutes = [
  <Route key="leads" path="/leads" element={<LeadsPage />} />,
  <Route key="lead" path="/leads/:id" element={<LeadPage />} />,
  <Route key="opportunities" path="/opportunities" element={<OpportunitiesPage />} />,
  <Route key="opportunity" path="/opportunities/:id" element={<OpportunityPage />} />,
  <Route key="pipeline" path="/pipeline" element={<BoardPage />} />,
  <Route key="reports" path="/reports" element={<ReportsPage />} />,
  <Route key="forecast" path="/reports/forecast" element={<ForecastPage />} />,
  <Route key="sales-report" path="/reports/sales" element={<SalesReportPage />} />,
  <Route key="loyal" path="/reports/loyal-customers" element={<LoyalCustomersPage />} />,
  <Route
    key="pipelines"
    path="/settings/pipelines"
    element={
      <RequireRole roles={['admin']}>
        <PipelinesPage />
      </RequireRole>
    }
  />,
  <Route
    key="products"
    path="/settings/products"
    element={
      <RequireRole roles={['admin']}>
        <ProductsPage />
      </RequireRole>
    }
  />,
];
