import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconChecklist, IconMail, IconNote, IconPhone, IconUsersGroup, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../../../../../shared/schemas/records/activities';
import { RecordLink } from '../../records/RecordLink';
import type { RecordTypeName } from '../../records/types';

export const ACTIVITY_ICONS: Record<Activity['type'], Icon> = {
  task: IconChecklist,
  call: IconPhone,
  meeting: IconUsersGroup,
  email: IconMail,
  note: IconNote,
};

export const ACTIVITY_COLORS: Record<Activity['type'], string> = {
  task: 'indigo',
  call: 'teal',
  meeting: 'grape',
  email: 'blue',
  note: 'yellow',
};

export function ActivityTypeIcon({ type, size = 28 }: { type: Activity['type']; size?: number }) {
  const TypeIcon = ACTIVITY_ICONS[type];
  return (
    <ThemeIcon size={size} radius="xl" variant="light" color={ACTIVITY_COLORS[type]}>
      <TypeIcon size={Math.round(size * 0.58)} stroke={1.7} />
    </ThemeIcon>
  );
}

export function ActivityTypeLabel({ type }: { type: Activity['type'] }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <ActivityTypeIcon type={type} size={22} />
      <Text size="sm" span>
        {t(`customers.activityTypes.${type}`)}
      </Text>
    </Group>
  );
}

/** Open or done; an open activity past its due time is overdue. */
/** Read at render: the badge is as fresh as the last refresh of the list, which is fresh enough. */
function isPast(iso: string): boolean {
  return new Date(iso).getTime() < Date.now();
}

export function ActivityStatusBadge({ activity }: { activity: Pick<Activity, 'status' | 'dueAt'> }) {
  const { t } = useTranslation();
  const overdue = activity.status === 'open' && activity.dueAt !== null && isPast(activity.dueAt);
  if (overdue) {
    return (
      <Badge size="sm" variant="light" color="red" style={{ flexShrink: 0 }}>
        {t('customers.activities.overdue')}
      </Badge>
    );
  }
  return (
    <Badge size="sm" variant="light" color={activity.status === 'done' ? 'teal' : 'gray'} style={{ flexShrink: 0 }}>
      {t(`customers.activityStatuses.${activity.status}`)}
    </Badge>
  );
}

export function RelatedRecord({ activity, size = 'sm' }: { activity: Pick<Activity, 'relatedType' | 'relatedId'>; size?: 'xs' | 'sm' }) {
  if (!activity.relatedType || !activity.relatedId) return null;
  return <RecordLink type={activity.relatedType as RecordTypeName} id={activity.relatedId} size={size} />;
}
