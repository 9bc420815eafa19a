import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The global search field; the search itself arrives with its own issue. */
export function SearchBox() {
  const { t } = useTranslation();
  return (
    <TextInput
      type="search"
      role="searchbox"
      aria-label={t('header.searchLabel')}
      placeholder={t('header.searchPlaceholder')}
      leftSection={<IconSearch size={16} stroke={1.6} />}
      visibleFrom="sm"
      w="100%"
      maw={440}
      style={{ flex: 1 }}
    />
  );
}
