import { IconAdjustmentsAlt, IconClockHour4, IconInbox, IconSend, IconTemplate } from '@tabler/icons-react';
import { adminOnlyRoute, type AdminPage } from '../../admin/routes';
import { MailboxesPage } from './MailboxesPage';
import { MailboxStatusPage } from './MailboxStatusPage';
import { ServiceLevelsPage } from './ServiceLevelsPage';
import { ServiceSettingsPage } from './ServiceSettingsPage';
import { SmtpPage } from './SmtpPage';
import { TemplatesPage } from './TemplatesPage';

/** Like the admin console's pages, with this feature's own keys (labels are `service.admin.nav.<key>`). */
export interface ServiceAdminPage extends Omit<AdminPage, 'key'> {
  key: 'serviceLevels' | 'templates' | 'mailboxes' | 'smtp' | 'serviceSettings';
}

/** The service desk's pages under Settings, in navbar order (administrators only; the server checks too). */
export const SERVICE_ADMIN_PAGES: readonly ServiceAdminPage[] = [
  { key: 'serviceLevels', path: '/settings/service-levels', icon: IconClockHour4, page: ServiceLevelsPage },
  { key: 'serviceSettings', path: '/settings/service', icon: IconAdjustmentsAlt, page: ServiceSettingsPage },
  { key: 'templates', path: '/settings/answer-templates', icon: IconTemplate, page: TemplatesPage },
  { key: 'mailboxes', path: '/settings/mailboxes', icon: IconInbox, page: MailboxesPage },
  { key: 'smtp', path: '/settings/smtp', icon: IconSend, page: SmtpPage },
];

export const serviceAdminRoutes = [
  ...SERVICE_ADMIN_PAGES.map(({ key, path, page }) => adminOnlyRoute(key, path, page)),
  adminOnlyRoute('mailbox', '/settings/mailboxes/:id', MailboxStatusPage),
];
