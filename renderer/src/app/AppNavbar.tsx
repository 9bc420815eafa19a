import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { IconAdjustments, IconBox, IconPlugConnected, IconSettings, IconTimelineEvent, IconUsers, type Icon } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { APP_VERSION } from '../../../shared/version';
import { ADMIN_PAGES } from '../features/admin/routes';
import { DUPLICATES_NAV } from '../features/duplicates/routes';
import { SERVICE_ADMIN_PAGES } from '../features/service/admin/pages';
import { CONNECTION_SETTINGS_PATH, isDesktopApp } from '../features/workstation/routes';
import { useCurrentUser } from '../auth/session-context';
import { SECTIONS } from './navigation';

interface NavItemProps {
  to: string;
  label: string;
  icon: Icon;
  onNavigate: () => void;
  /** Active only on exactly this path, not on the paths below it. */
  end?: boolean;
}

function NavItem({ to, label, icon: ItemIcon, onNavigate, end = false }: NavItemProps) {
  const { pathname } = useLocation();
  const active = pathname === to || (!end && pathname.startsWith(`${to}/`));
  const ref = useRef<HTMLAnchorElement>(null);
  // A short window cuts the long Settings list: keep the current page's entry in sight, once the
  // Settings group has finished opening (Mantine's collapse takes 200 ms) so there is room to scroll.
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => ref.current?.scrollIntoView({ block: 'nearest' }), 250);
    return () => clearTimeout(timer);
  }, [active]);
  return (
    <NavLink
      ref={ref}
      component={Link}
      to={to}
      label={label}
      leftSection={<ItemIcon size={20} stroke={1.6} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      fw={500}
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
}

export function AppNavbar({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { pathname } = useLocation();
  // Duplicates is listed under Settings too: open the group there, or no entry shows the page.
  const inSettings = pathname.startsWith('/settings') || pathname.startsWith(DUPLICATES_NAV.path);
  const [settingsOpen, setSettingsOpen] = useState(inSettings);

  return (
    <>
      <AppShell.Section grow component={ScrollArea} p="sm">
        <nav aria-label={t('nav.label')}>
          {SECTIONS.map((section) => (
            <NavItem
              key={section.key}
              to={section.path}
              label={t(`nav.${section.key}`)}
              icon={section.icon}
              onNavigate={onNavigate}
              end={section.path === '/'}
            />
          ))}
          <NavLink
            component="button"
            type="button"
            aria-expanded={settingsOpen || inSettings}
            label={t('nav.settings')}
            leftSection={<IconSettings size={20} stroke={1.6} />}
            opened={settingsOpen || inSettings}
            onChange={setSettingsOpen}
            fw={500}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <NavItem to="/settings" label={t('nav.preferences')} icon={IconAdjustments} onNavigate={onNavigate} end />
            {isDesktopApp() && (
              <NavItem to={CONNECTION_SETTINGS_PATH} label={t('workstation.nav.connection')} icon={IconPlugConnected} onNavigate={onNavigate} />
            )}
            {user.role === 'admin' && (
              <NavItem to="/settings/users" label={t('nav.users')} icon={IconUsers} onNavigate={onNavigate} />
            )}
            {user.role === 'admin' && (
              <>
                <NavItem to="/settings/pipelines" label={t('sales.admin.pipelines')} icon={IconTimelineEvent} onNavigate={onNavigate} />
                <NavItem to="/settings/products" label={t('sales.admin.products')} icon={IconBox} onNavigate={onNavigate} />
              </>
            )}
            {SERVICE_ADMIN_PAGES.filter((page) => page.roles.includes(user.role)).map((page) => (
              <NavItem key={page.key} to={page.path} label={t(`service.admin.nav.${page.key}`)} icon={page.icon} onNavigate={onNavigate} />
            ))}
            {DUPLICATES_NAV.roles.includes(user.role) && (
              <NavItem to={DUPLICATES_NAV.path} label={t('duplicates.nav')} icon={DUPLICATES_NAV.icon} onNavigate={onNavigate} />
            )}
            {user.role === 'admin' &&
              ADMIN_PAGES.map((page) => (
                <NavItem key={page.key} to={page.path} label={t(`admin.nav.${page.key}`)} icon={page.icon} onNavigate={onNavigate} />
              ))}
          </NavLink>
        </nav>
      </AppShell.Section>
      <AppShell.Section px="md" py="sm">
        <Text size="xs" c="dimmed">
          {t('app.version', { version: APP_VERSION })}
        </Text>
      </AppShell.Section>
    </>
  );
}
