import { useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconLanguage, IconLayoutKanban, IconLogout, IconMoon, IconPlus, IconSettings, IconSun, IconTableImport, IconUsers, type Icon } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SECTIONS } from '../../app/navigation';
import { useSignOut } from '../../auth/use-session-actions';
import { changeLanguage } from '../../i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/languages';
import { ADMIN_PAGES } from '../admin/routes';
import { usePermissions } from '../records/users';
import type { PaletteEntry } from './entries';
import { CREATABLE_CONFIGS, type CreatableType } from './creatable';

interface Page {
  key: string;
  path: string;
  label: string;
  icon: Icon;
}

/**
 * Everything the palette can do besides opening a record, for this user's role: readonly users
 * get no "New …", admin pages are offered to admins only (the server refuses the rest anyway).
 */
export function useCommands(onRun: () => void, openCreate: (type: CreatableType) => void): PaletteEntry[] {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const { me, canCreate, isAdmin } = usePermissions();
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light', { getInitialValueInEffect: false });

  return useMemo(() => {
    const group = t('search.commandsGroup');
    const command = (key: string, title: string, icon: Icon, action: () => void): PaletteEntry => ({
      key: `command:${key}`,
      group,
      title,
      icon,
      run: () => {
        onRun();
        action();
      },
    });

    const creates = canCreate
      ? (Object.entries(CREATABLE_CONFIGS) as [CreatableType, (typeof CREATABLE_CONFIGS)[CreatableType]][]).map(([type, config]) =>
          command(`new-${type}`, t(config.labels.create), IconPlus, () => openCreate(type)),
        )
      : [];

    const pages: Page[] = [
      ...SECTIONS.map((section) => ({ key: section.key, path: section.path, label: t(`nav.${section.key}`), icon: section.icon })),
      { key: 'pipeline', path: '/pipeline', label: t('search.commands.pipeline'), icon: IconLayoutKanban },
      ...(me.role === 'readonly' ? [] : [{ key: 'import', path: '/import', label: t('search.commands.import'), icon: IconTableImport }]),
      { key: 'settings', path: '/settings', label: t('nav.settings'), icon: IconSettings },
      ...(isAdmin
        ? [
            { key: 'users', path: '/settings/users', label: t('nav.users'), icon: IconUsers },
            { key: 'pipelines', path: '/settings/pipelines', label: t('sales.admin.pipelines'), icon: IconSettings },
            { key: 'products', path: '/settings/products', label: t('sales.admin.products'), icon: IconSettings },
            ...ADMIN_PAGES.map((page) => ({ key: page.key, path: page.path, label: t(`admin.nav.${page.key}`), icon: page.icon })),
          ]
        : []),
    ];
    const goes = pages.map((page) => command(`go-${page.key}`, t('search.commands.goTo', { page: page.label }), page.icon, () => void navigate(page.path)));

    const languages = LANGUAGES.filter((language) => language !== i18n.language).map((language) =>
      command(`language-${language}`, t('search.commands.switchLanguage', { language: LANGUAGE_NAMES[language] }), IconLanguage, () => changeLanguage(language)),
    );
    const dark = scheme === 'dark';
    const theme = command('theme', dark ? t('header.switchToLight') : t('header.switchToDark'), dark ? IconSun : IconMoon, () =>
      setColorScheme(dark ? 'light' : 'dark'),
    );
    const out = command('sign-out', t('header.signOut'), IconLogout, () => void signOut());

    return [...creates, ...goes, ...languages, theme, out];
  }, [t, i18n.language, navigate, signOut, me.role, canCreate, isAdmin, scheme, setColorScheme, onRun, openCreate]);
}

/** Commands whose title holds every word typed (in any order); all of them for an empty box. */
export function matchCommands(commands: readonly PaletteEntry[], text: string): PaletteEntry[] {
  const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((entry) => {
    const title = entry.title.toLocaleLowerCase();
    return words.every((word) => title.includes(word));
  });
}
