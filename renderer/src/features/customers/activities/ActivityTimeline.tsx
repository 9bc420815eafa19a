import { Anchor, Button, Center, Checkbox, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import { useFormatters } from '../../records/format';
import { useRecordPages } from '../../records/list/use-record-pages';
import type { RecordTypeName } from '../../records/types';
import { usePermissions } from '../../records/users';
import { activityWhen } from '../configs/activities';
import { ACTIVITY_COLORS, ACTIVITY_ICONS, ActivityStatusBadge } from './ActivityBits';
import { QuickActions } from './QuickActions';
import { useDoneCheckbox } from './use-complete-activity';

interface Props {
  /** Which activities: `{accountId}` for an account (its contacts' too), `{relatedType, relatedId}` for others. */
  filter: Record<string, unknown>;
  relatedType: RecordTypeName;
  relatedId: string;
}

function TimelineEntry({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const permissions = usePermissions();
  const checkbox = useDoneCheckbox(activity);
  const canEdit = permissions.canEditOwnedBy(activity.ownerId);
  const when = activityWhen(activity);
  return (
    <Stack gap={4} data-testid="timeline-entry">
      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
        <Anchor component={Link} to={`/activities/${activity.id}`} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {activity.subject}
        </Anchor>
        <ActivityStatusBadge activity={activity} />
      </Group>
      <Text size="xs" c="dimmed">
        {t(`customers.activityTypes.${activity.type}`)} · {format.dateTime(when)} · {format.userName(activity.ownerId) ?? ''}
      </Text>
      {activity.body && (
        <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {activity.body}
        </Text>
      )}
      {canEdit && activity.type !== 'note' && (
        <Checkbox
          size="xs"
          mt={2}
          label={checkbox.done ? t('customers.timeline.done') : t('customers.timeline.markDone')}
          aria-label={t('customers.timeline.markDoneNamed', { subject: activity.subject })}
          checked={checkbox.done}
          disabled={checkbox.busy}
          onChange={(event) => checkbox.toggle(event.currentTarget.checked)}
        />
      )}
    </Stack>
  );
}

/** What the team did with a record, newest first, with the quick actions to add to it. */
export function ActivityTimeline({ filter, relatedType, relatedId }: Props) {
  const { t } = useTranslation();
  const pages = useRecordPages<Activity>('activities', { filter, sort: { field: 'occurredAt', dir: 'desc' } });
  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="timeline-title">
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id="timeline-title">
            {t('customers.timeline.title')}
          </Title>
        </Group>
        <QuickActions relatedType={relatedType} relatedId={relatedId} />
        {pages.isPending ? (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : pages.rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('customers.timeline.empty')}
          </Text>
        ) : (
          <Timeline bulletSize={28} lineWidth={2} data-testid="timeline">
            {pages.rows.map((activity) => {
              const TypeIcon = ACTIVITY_ICONS[activity.type];
              return (
                <Timeline.Item
                  key={activity.id}
                  bullet={<TypeIcon size={15} stroke={1.8} />}
                  color={ACTIVITY_COLORS[activity.type]}
                >
                  <TimelineEntry activity={activity} />
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
        {pages.hasNextPage && (
          <Button variant="subtle" size="xs" w="fit-content" onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
            {t('customers.timeline.more')}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
