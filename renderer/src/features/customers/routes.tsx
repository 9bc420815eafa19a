import { Route } from 'react-router';
import type { SectionKey } from '../../app/navigation';
import { AccountPage } from './pages/AccountPage';
import { ActivityPage } from './pages/ActivityPage';
import { ContactPage } from './pages/ContactPage';
import { AccountsPage, ActivitiesPage, ContactsPage } from './pages/ListPages';
import { RecycleBinPage } from './pages/RecycleBinPage';

/** The navbar sections this feature builds (the others still show "coming soon"). */
export const CUSTOMER_SECTIONS: ReadonlySet<SectionKey> = new Set(['accounts', 'contacts', 'activities', 'recycleBin']);

/** Lists at `/accounts`, record pages at `/accounts/:id`; the same for contacts and activities. */
export const customerRoutes = [
  <Route key="accounts" path="/accounts" element={<AccountsPage />} />,
  <Route key="account" path="/accounts/:id" element={<AccountPage />} />,
  <Route key="contacts" path="/contacts" element={<ContactsPage />} />,
  <Route key="contact" path="/contacts/:id" element={<ContactPage />} />,
  <Route key="activities" path="/activities" element={<ActivitiesPage />} />,
  <Route key="activity" path="/activities/:id" element={<ActivityPage />} />,
  <Route key="recycle-bin" path="/recycle-bin" element={<RecycleBinPage />} />,
];
