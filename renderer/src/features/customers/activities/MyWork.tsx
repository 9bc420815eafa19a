import { Anchor, Badge, Center, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import { useApiQuery } from '../../../api/hooks';
import { useFormatters } from '../../records/format';
import type { TKey } from '../../records/types';
import { ActivityTypeIcon, RelatedRecord } from './ActivityBits';
import { useDoneCheckbox } from './use-complete-activity';

const SECTIONS: { key: 'overdue' | 'today' | 'upcoming'; title: TKey; empty: TKey; color: string }[] = [
  { key: 'overdue', title: 'customers.myWork.overdue', empty: 'customers.myWork.noneOverdue', color: 'red' },
  { key: 'today', title: 'customers.myWork.today', empty: 'customers.myWork.noneToday', color: 'indigo' },
  { key: 'upcoming', title: 'customers.myWork.upcoming', empty: 'customers.myWork.noneUpcoming', color: 'gray' },
];

function WorkItem({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const checkbox = useDoneCheckbox(activity);
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start" data-testid="my-work-item">
      <Checkbox
        mt={4}
        size="sm"
        aria-label={t('customers.timeline.markDoneNamed', { subject: activity.subject })}
        checked={checkbox.done}
        disabled={checkbox.busy}
        onChange={(event) => checkbox.toggle(event.currentTarget.checked)}
      />
      <ActivityTypeIcon type={activity.type} size={26} />
      <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
        <Anchor component={Link} to={`/activities/${activity.id}`} size="sm" fw={500} truncate="end">
          {activity.subject}
        </Anchor>
        <Group gap={6} wrap="nowrap">
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {format.dateTime(activity.dueAt)}
          </Text>
          <RelatedRecord activity={activity} size="xs" />
        </Group>
      </Stack>
    </Group>
  );
}

/** The signed-in user's open activities by due date, in their own time zone. */
export function MyWork() {
  const { t } = useTranslation();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const work = useApiQuery('activities.myWork', { timeZone }, { meta: { silent: true } });
  return (
    <Stack gap="sm" component="section" aria-labelledby="my-work-title">
      <Title order={2} fz="h3" id="my-work-title">
        {t('customers.myWork.title')}
      </Title>
      {work.isPending ? (
        <Center py="lg">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : work.isError ? (
        <Text c="red">{work.error.message}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {SECTIONS.map((section) => {
            const items = work.data[section.key];
            return (
              <Paper key={section.key} withBorder radius="lg" p="md" data-testid={`my-work-${section.key}`}>
                <Group justify="space-between" mb="sm">
                  <Text fw={600}>{t(section.title)}</Text>
                  <Badge variant="light" color={section.color}>
                    {items.length}
                  </Badge>
                </Group>
                {items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t(section.empty)}
                  </Text>
                ) : (
                  <Stack gap="sm">
                    {items.map((activity) => (
                      <WorkItem key={activity.id} activity={activity} />
                    ))}
                  </Stack>
                )}
              </Paper>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
}
