import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../auth/session-context';
import { IMPORT_ROLES, importPath, importTypeInfo, useImportTypes } from './import-types';

/** A list toolbar's "Import" button, to the wizard with the list's type chosen; shown when the backend lets the user import it. */
export function ImportButton({ type }: { type: string }) {
  const { role } = useCurrentUser();
  // Read-only users never ask: they import nothing.
  if (!(IMPORT_ROLES as readonly string[]).includes(role)) return null;
  return <ImportLink type={type} />;
}

function ImportLink({ type }: { type: string }) {
  const { t } = useTranslation();
  const types = useImportTypes();
  if (!importTypeInfo(types.data?.types, type)) return null;
  return (
    <Button component={Link} to={importPath(type)} variant="default" leftSection={<IconFileImport size={16} />}>
      {t('import.importButton')}
    </Button>
  );
}
