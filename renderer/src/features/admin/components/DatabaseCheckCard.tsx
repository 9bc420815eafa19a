import { Alert, Button, Group, List } from '@mantine/core';
import { IconStethoscope } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api/hooks';
import { errorMessage } from '../../../components/notify';
import { formatBytes, totalRows } from '../format';
import { Section } from './Section';

/** "Check the live database": integrity_check and foreign keys on the database in use. */
export function DatabaseCheckCard() {
  const { t, i18n } = useTranslation();
  const check = useApiMutation('admin.verifyDatabase', { meta: { silent: true } });
  const result = check.data;

  return (
    <Section title={t('admin.backups.check.title')} description={t('admin.backups.check.description')}>
      <Group>
        <Button variant="light" leftSection={<IconStethoscope size={18} />} loading={check.isPending} onClick={() => check.mutate({})}>
          {t('admin.backups.check.run')}
        </Button>
      </Group>
      {check.isError && (
        <Alert role="alert" color="red" variant="light" title={t('errors.requestFailed')}>
          {errorMessage(check.error)}
        </Alert>
      )}
      {result && !check.isPending && (
        <Alert
          role="status"
          color={result.ok ? 'teal' : 'red'}
          variant="light"
          title={result.ok ? undefined : t('admin.backups.check.bad')}
          data-testid="database-check"
        >
          {result.ok ? (
            t('admin.backups.check.ok', {
              rows: totalRows(result.rowCounts),
              tables: Object.keys(result.rowCounts).length,
              schema: result.schemaVersion,
              size: formatBytes(result.sizeBytes, t, i18n.language),
            })
          ) : (
            <List size="sm">
              {result.integrity
                .filter((line) => line !== 'ok')
                .map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              {result.foreignKeyProblems > 0 && (
                <List.Item>{t('admin.backups.check.foreignKeys', { count: result.foreignKeyProblems })}</List.Item>
              )}
            </List>
          )}
        </Alert>
      )}
    </Section>
  );
}
