import { Button, Group, Modal, Rating, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconHandGrab, IconRotate, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../../shared/schemas/records/cases';
import { useApiMutation } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { OwnerSelect } from '../../records/OwnerSelect';
import { usePermissions } from '../../records/users';
import { useCaseRefresh } from './use-case-refresh';

function AssignModal({ record, opened, onClose }: { record: Case; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const [assigneeId, setAssigneeId] = useState<string | null>(record.assigneeId);
  const assign = useApiMutation('cases.assign', {
    onSuccess: () => {
      notifySuccess(t('service.page.assigned'));
      void refresh();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('service.page.assignTitle')}>
      <Stack>
        <OwnerSelect
          label={t('service.cases.fields.assigneeId')}
          value={assigneeId}
          onChange={setAssigneeId}
          clearable
          placeholder={t('service.page.unassigned')}
          error={assign.error?.message}
        />
        <Group justify="flex-end">
          <Button loading={assign.isPending} onClick={() => assign.mutate({ id: record.id, assigneeId })}>
            {t('service.page.assign')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResolveModal({ record, opened, onClose }: { record: Case; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const [satisfaction, setSatisfaction] = useState(0);
  const [resolution, setResolution] = useState(record.resolution ?? '');
  const update = useApiMutation('cases.update', {
    onSuccess: () => {
      notifySuccess(t('service.page.resolved'));
      void refresh();
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('service.page.resolveTitle')}>
      <Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="satisfaction-label">
            {t('service.page.satisfaction')}
          </Text>
          <Rating value={satisfaction} onChange={setSatisfaction} size="lg" aria-labelledby="satisfaction-label" data-testid="satisfaction" />
        </Stack>
        <Textarea label={t('service.page.resolution')} autosize minRows={2} value={resolution} onChange={(event) => setResolution(event.currentTarget.value)} />
        {update.error && (
          <Text c="red" size="sm">
            {update.error.message}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            loading={update.isPending}
            onClick={() =>
              update.mutate({
                id: record.id,
                version: record.version,
                patch: { status: 'resolved', satisfaction: satisfaction || null, resolution: resolution.trim() || null },
              })
            }
          >
            {t('service.page.resolve')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The case's header actions: take it, assign, resolve with a satisfaction score, reopen. */
export function CaseActions({ record }: { record: Case }) {
  const { t } = useTranslation();
  const refresh = useCaseRefresh();
  const { me, canEditOwnedBy } = usePermissions();
  const [assignOpen, setAssignOpen] = useState(false);
  const [resolveOpen, setResolveOpen] = useState(false);
  const take = useApiMutation('cases.assign', {
    onSuccess: () => {
      notifySuccess(t('service.page.assigned'));
      void refresh();
    },
  });
  const reopen = useApiMutation('cases.reopen', {
    onSuccess: () => {
      notifySuccess(t('service.page.reopened'));
      void refresh();
    },
  });
  const finished = record.status === 'resolved' || record.status === 'closed';
  if (me.role === 'readonly') return null;
  const canEdit = canEditOwnedBy(record.ownerId) || record.assigneeId === me.id;
  return (
    <>
      {!finished && record.assigneeId !== me.id && (
        <Button variant="light" leftSection={<IconHandGrab size={16} />} loading={take.isPending} onClick={() => take.mutate({ id: record.id, assigneeId: me.id })}>
          {t('service.page.take')}
        </Button>
      )}
      {!finished && canEdit && (
        <Button variant="default" leftSection={<IconUserShare size={16} />} onClick={() => setAssignOpen(true)}>
          {t('service.page.assign')}
        </Button>
      )}
      {!finished && canEdit && (
        <Button color="teal" leftSection={<IconCheck size={16} />} onClick={() => setResolveOpen(true)}>
          {t('service.page.resolve')}
        </Button>
      )}
      {/* A duplicate comes back with "Undo duplicate", which also moves its thread back. */}
      {finished && canEdit && !record.duplicateOfId && (
        <Button variant="light" leftSection={<IconRotate size={16} />} loading={reopen.isPending} onClick={() => reopen.mutate({ id: record.id })}>
          {t('service.page.reopen')}
        </Button>
      )}
      {assignOpen && <AssignModal record={record} opened onClose={() => setAssignOpen(false)} />}
      {resolveOpen && <ResolveModal record={record} opened onClose={() => setResolveOpen(false)} />}
    </>
  );
}
