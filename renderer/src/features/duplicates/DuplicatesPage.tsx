import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session-context';
import { PageHeader } from '../../components/PageHeader';
import type { DuplicateTypeName } from './match-fields';
import { RulesCard } from './RulesCard';
import { ScanPanel } from './ScanPanel';

/** Duplicates over everything stored (administrators and managers); administrators tune the rules too. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [type, setType] = useState<DuplicateTypeName>('contacts');
  return (
    <Stack gap="lg">
      <PageHeader title={t('duplicates.page.title')} description={t('duplicates.page.subtitle')} />
      <ScanPanel type={type} onTypeChange={setType} />
      {me.role === 'admin' && <RulesCard type={type} />}
    </Stack>
  );
}
