import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session-context';
import { canImport, importPath } from './import-types';

/** A list toolbar's "Import" button, to the wizard with the list's type chosen; shown to the roles that may import it. */
export function ImportButton({ type }: { type: string }) {
  const { t } = useTranslation();
  const { role } = useCurrentUser();
  if (!canImport(role, type)) return null;
  return (
    <Button component={Link} to={importPath(type)} variant="default" leftSection={<IconFileImport size={16} />}>
      {t('import.importButton')}
    </Button>
  );
}
