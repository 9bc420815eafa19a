import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconRotate } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import { META_FIELDS } from '../../records/field-specs';
import { DeleteRecordModal } from '../../records/record/DeleteRecordModal';
import { DetailsCard } from '../../records/record/DetailsCard';
import { HistoryCard } from '../../records/record/HistoryCard';
import { RecordHeader } from '../../records/record/RecordHeader';
import { RecordColumns, RecordPageShell } from '../../records/record/RecordPageShell';
import { usePermissions } from '../../records/users';
import { ActivityStatusBadge, ActivityTypeIcon, RelatedRecord } from '../activities/ActivityBits';
import { useCompleteActivity } from '../activities/use-complete-activity';
import { activitiesConfig } from '../configs/activities';
import { DeleteButton } from './RecordActions';

const DETAILS = [...activitiesConfig.fields.slice(0, -1), META_FIELDS[0]!, activitiesConfig.fields[activitiesConfig.fields.length - 1]!];

function ActivityView({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const canEdit = permissions.canEditOwnedBy(activity.ownerId);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const complete = useCompleteActivity();
  const done = activity.status === 'done';
  return (
    <>
      <RecordHeader
        config={activitiesConfig}
        title={activity.subject}
        badges={
          <Group gap="xs">
            <ActivityTypeIcon type={activity.type} />
            <ActivityStatusBadge activity={activity} />
          </Group>
        }
        actions={
          canEdit && (
            <>
              <Button
                variant={done ? 'default' : 'filled'}
                leftSection={done ? <IconRotate size={16} /> : <IconCheck size={16} />}
                loading={complete.isPending}
                onClick={() => complete.mutate({ activity, done: !done })}
              >
                {done ? t('customers.activities.reopen') : t('customers.activities.markDone')}
              </Button>
              <DeleteButton onClick={() => setDeleteOpen(true)} />
            </>
          )
        }
      />
      <RecordColumns
        main={
          <Stack gap="lg">
            {activity.relatedType && activity.relatedId && (
              <Paper withBorder radius="lg" px="lg" py="sm">
                <Group gap="xs">
                  <Text size="sm" c="dimmed">
                    {t('customers.activities.fields.related')}:
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t(`records.types.${activity.relatedType}`)}
                  </Text>
                  <RelatedRecord activity={activity} />
                </Group>
              </Paper>
            )}
            <DetailsCard config={activitiesConfig} record={activity} fields={DETAILS} canEdit={canEdit} />
          </Stack>
        }
        side={<HistoryCard config={activitiesConfig} record={activity} />}
      />
      <DeleteRecordModal config={activitiesConfig} record={activity} opened={deleteOpen} onClose={() => setDeleteOpen(false)} />
    </>
  );
}

export function ActivityPage() {
  return <RecordPageShell config={activitiesConfig}>{(activity) => <ActivityView key={activity.id} activity={activity} />}</RecordPageShell>;
}
