import { IconAdjustmentsAlt, IconClockHour4, IconInbox, IconSend, IconTemplate } from '@tabler/icons-react';
import type { Role } from '../../../../../shared/roles';
import { adminOnlyRoute, roleRoute, type AdminPage } from '../../admin/routes';
import { MailboxesPage } from './MailboxesPage';
import { MailboxStatusPage } from './MailboxStatusPage';
import { ServiceLevelsPage } from './ServiceLevelsPage';
import { ServiceSettingsPage } from './ServiceSettingsPage';
import { SmtpPage } from './SmtpPage';
import { TemplatesPage } from './TemplatesPage';

/** Like the admin console's pages, with this feature's own keys (labels are `service.admin.nav.<key>`). */
export interface ServiceAdminPage extends Omit<AdminPage, 'key'> {
  key: 'serviceLevels' | 'templates' | 'mailboxes' | 'smtp' | 'serviceSettings';
  /** Who sees the page: the roles the server lets write what it edits. */
  roles: readonly Role[];
}

const ADMINS: readonly Role[] = ['admin'];

/** The service desk's pages under Settings, in navbar order (the server checks every call too). */
export const SERVICE_ADMIN_PAGES: readonly ServiceAdminPage[] = [
  { key: 'serviceLevels', path: '/settings/service-levels', icon: IconClockHour4, page: ServiceLevelsPage, roles: ADMINS },
  { key: 'serviceSettings', path: '/settings/service', icon: IconAdjustmentsAlt, page: ServiceSettingsPage, roles: ADMINS },
  // The people who answer cases keep their answers up to date themselves.
  { key: 'templates', path: '/settings/answer-templates', icon: IconTemplate, page: TemplatesPage, roles: ['admin', 'manager', 'support'] },
  { key: 'mailboxes', path: '/settings/mailboxes', icon: IconInbox, page: MailboxesPage, roles: ADMINS },
  { key: 'smtp', path: '/settings/smtp', icon: IconSend, page: SmtpPage, roles: ADMINS },
];

export const serviceAdminRoutes = [
  ...SERVICE_ADMIN_PAGES.map(({ key, path, page, roles }) => roleRoute(key, path, page, roles)),
  adminOnlyRoute('mailbox', '/settings/mailboxes/:id', MailboxStatusPage),
];
