import { Box, Burger, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../components/BrandMark';
import { ColorSchemeToggle } from '../components/ColorSchemeToggle';
import { LanguageMenu } from '../components/LanguageMenu';
import { SearchBox } from '../components/SearchBox';
import { UserMenu } from '../components/UserMenu';

export function AppHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
      <Group gap="sm" wrap="nowrap" w={{ base: 'auto', sm: 232 }}>
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
        <BrandMark />
      </Group>
      <SearchBox />
      <Group gap="xs" wrap="nowrap" justify="flex-end">
        <LanguageMenu />
        {/* On a phone the search icon needs the room; the palette (and Preferences) switch the theme there. */}
        <Box visibleFrom="xs">
          <ColorSchemeToggle />
        </Box>
        <UserMenu />
      </Group>
    </Group>
  );
}
