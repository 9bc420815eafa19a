import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { RecordLink } from '../../records/RecordLink';
import { useCaseRefresh } from './use-case-refresh';

/** Open cases of the same customer that look like this one, with the way to fold this one into them. */
export function DuplicatesCard({ record, canEdit }: { record: Case; canEdit: boolean }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const duplicates = useApiQuery('cases.duplicates', { id: record.id }, { enabled: record.duplicateOfId === null });
  const mark = useApiMutation('cases.markDuplicate', {
    onSuccess: (answer) => {
      notifySuccess(t('service.duplicates.marked', { number: answer.original.number }));
      void refresh();
    },
  });
  if (record.duplicateOfId !== null) return null;
  const items = duplicates.data?.items ?? [];
  return (
    <Paper withBorder radius="lg" p="lg" data-testid="case-duplicates">
      <Title order={2} fz="h4" mb="sm">
        {t('service.duplicates.title')}
      </Title>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('service.duplicates.empty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((candidate) => (
            <Group key={candidate.id} justify="space-between" wrap="nowrap" gap="sm">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/cases/${candidate.id}`} size="sm" truncate>
                  {candidate.number} · {candidate.subject}
                </Anchor>
                <Badge variant="light" color="orange" size="sm">
                  {t('service.duplicates.score', { score: Math.round(candidate.score * 100) })}
                </Badge>
              </Stack>
              {canEdit && (
                <Button size="xs" variant="light" loading={mark.isPending} onClick={() => mark.mutate({ id: record.id, duplicateOfId: candidate.id })}>
                  {t('service.duplicates.mark')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

/** A case closed as a duplicate: where its thread went, and the undo. */
export function DuplicateNotice({ record, canEdit }: { record: Case; canEdit: boolean }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const undo = useApiMutation('cases.unmarkDuplicate', {
    onSuccess: () => {
      notifySuccess(t('service.duplicates.undone'));
      void refresh();
    },
  });
  if (!record.duplicateOfId) return null;
  return (
    <Alert color="gray" variant="light" mb="lg" data-testid="duplicate-notice">
      <Group justify="space-between">
        <Group gap={6}>
          <Text size="sm">{t('service.page.duplicateOf')}</Text>
          <RecordLink type="cases" id={record.duplicateOfId} />
        </Group>
        {canEdit && (
          <Button size="xs" variant="default" loading={undo.isPending} onClick={() => undo.mutate({ id: record.id })}>
            {t('service.page.undoDuplicate')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
