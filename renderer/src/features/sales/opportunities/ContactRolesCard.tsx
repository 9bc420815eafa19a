import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '../../../../../shared/schemas/records/opportunities';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { errorMessage, notifySuccess } from '../../../components/notify';
import { contactName } from '../../customers/configs/contacts';
import { RecordLink } from '../../records/RecordLink';
import { RecordPicker } from '../../records/RecordPicker';

interface RoleDraft {
  contactId: string | null;
  role: string;
  isPrimary: boolean;
}

/** Who is involved in the deal and how (decision maker, evaluator...). */
export function ContactRolesCard({ opportunity, canEdit }: { opportunity: Opportunity; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roles = useApiQuery('opportunities.contactRoles.list', { opportunityId: opportunity.id }, { meta: { silent: true } });
  const [draft, setDraft] = useState<RoleDraft[] | null>(null);
  const save = useApiMutation('opportunities.contactRoles.set', {
    meta: { silent: true },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['opportunities.contactRoles.list'] });
      setDraft(null);
      notifySuccess(t('sales.contactRoles.saved'));
    },
  });
  const items = roles.data?.items ?? [];
  const setRow = (index: number, patch: Partial<RoleDraft>) =>
    setDraft((rows) => rows && rows.map((row, i) => (i === index ? { ...row, ...patch } : patch.isPrimary ? { ...row, isPrimary: false } : row)));

  return (
    <Paper withBorder radius="lg" component="section" aria-label={t('sales.contactRoles.title')} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" px="lg" py="md">
        <Title order={2} fz="h4">
          {t('sales.contactRoles.title')}
        </Title>
        {canEdit && !draft && (
          <Button size="xs" variant="light" onClick={() => setDraft(items.map((item) => ({ contactId: item.contactId, role: item.role ?? '', isPrimary: item.isPrimary })))}>
            {t('sales.contactRoles.edit')}
          </Button>
        )}
      </Group>
      {draft ? (
        <Stack gap="sm" px="lg" pb="md">
          {save.isError && (
            <Alert role="alert" color="red" variant="light">
              {errorMessage(save.error)}
            </Alert>
          )}
          {draft.map((row, index) => (
            <Group key={index} gap="sm" wrap="nowrap" align="center">
              <RecordPicker refType="contacts" value={row.contactId} onChange={(contactId) => setRow(index, { contactId })} aria-label={t('sales.contactRoles.contact')} />
              <TextInput aria-label={t('sales.contactRoles.role')} placeholder={t('sales.contactRoles.role')} value={row.role} maxLength={80} onChange={(event) => setRow(index, { role: event.currentTarget.value })} />
              <Checkbox label={t('sales.contactRoles.primary')} checked={row.isPrimary} onChange={(event) => setRow(index, { isPrimary: event.currentTarget.checked })} />
              <ActionIcon variant="subtle" color="red" aria-label={t('sales.contactRoles.remove', { name: String(index + 1) })} onClick={() => setDraft(draft.filter((_, i) => i !== index))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group justify="space-between">
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setDraft([...draft, { contactId: null, role: '', isPrimary: false }])}>
              {t('sales.contactRoles.add')}
            </Button>
            <Group gap="sm">
              <Button size="xs" variant="default" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                size="xs"
                loading={save.isPending}
                onClick={() =>
                  save.mutate({
                    opportunityId: opportunity.id,
                    roles: draft.filter((row) => row.contactId).map((row) => ({ contactId: row.contactId!, role: row.role.trim() || null, isPrimary: row.isPrimary })),
                  })
                }
              >
                {t('sales.contactRoles.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" px="lg" pb="md">
          {t('sales.contactRoles.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="lg">
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.contactId}>
                <Table.Td title={contactName(item)}>
                  <RecordLink type="contacts" id={item.contactId} />
                </Table.Td>
                <Table.Td>{item.role}</Table.Td>
                <Table.Td>
                  {item.isPrimary && (
                    <Badge size="sm" variant="light">
                      {t('sales.contactRoles.primary')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
