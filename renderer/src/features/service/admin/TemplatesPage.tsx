import { ActionIcon, Button, Group, Table, Text } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Template } from '../../../../../shared/schemas/service';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { QueryState } from '../../admin/components/QueryState';
import { useFormatters } from '../../records/format';
import { AdminTable } from './AdminTable';
import { ConfirmDelete } from './ConfirmModal';
import { TemplateModal } from './TemplateModal';

type TemplateRow = z.infer<typeof Template>;

/** Settings > Answer templates: the canned replies offered in a case's reply box. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const queryClient = useQueryClient();
  const templates = useApiQuery('cases.templates.list', {}, { meta: { silent: true } });
  const [editing, setEditing] = useState<TemplateRow | 'new' | null>(null);
  const [deleting, setDeleting] = useState<TemplateRow | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['cases.templates.list'] });
  const remove = useApiMutation('cases.templates.delete', {
    onSuccess: () => {
      notifySuccess(t('service.admin.templates.deleted', { name: deleting?.name ?? '' }));
      setDeleting(null);
      refresh();
    },
  });

  return (
    <>
      <PageHeader
        title={t('service.admin.nav.templates')}
        description={t('service.admin.templates.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('service.admin.templates.create')}
          </Button>
        }
      />
      <QueryState query={templates}>
        {({ items }) => (
          <AdminTable
            label={t('service.admin.nav.templates')}
            columns={5}
            emptyText={items.length === 0 ? t('service.admin.templates.empty') : null}
            head={
              <>
                <Table.Th>{t('service.admin.templates.name')}</Table.Th>
                <Table.Th>{t('service.admin.templates.subject')}</Table.Th>
                <Table.Th>{t('service.admin.templates.body')}</Table.Th>
                <Table.Th>{t('service.admin.templates.updatedAt')}</Table.Th>
                <Table.Th w={90} />
              </>
            }
          >
            {items.map((template) => (
              <Table.Tr key={template.id}>
                <Table.Td fw={500}>{template.name}</Table.Td>
                <Table.Td>{template.subject}</Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" c="dimmed" truncate>
                    {template.body}
                  </Text>
                </Table.Td>
                <Table.Td>{format.dateTime(template.updatedAt)}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={t('service.admin.templates.editNamed', { name: template.name })} onClick={() => setEditing(template)}>
                      <IconPencil size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={t('service.admin.templates.deleteNamed', { name: template.name })} onClick={() => setDeleting(template)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </AdminTable>
        )}
      </QueryState>
      {editing && <TemplateModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} />}
      {deleting && (
        <ConfirmDelete
          title={t('service.admin.templates.deleteNamed', { name: deleting.name })}
          message={t('service.admin.templates.deleteConfirm', { name: deleting.name })}
          loading={remove.isPending}
          onConfirm={() => remove.mutate({ id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </>
  );
}
