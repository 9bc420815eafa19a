import type { Activity } from '../../../../../shared/schemas/records/activities';
import { formatDateTime } from '../../records/format';
import { registerRecordType } from '../../records/registry';
import type { FieldSpec } from '../../records/types';
import { i18n } from '../../../i18n';
import { ActivityStatusBadge, ActivityTypeLabel, RelatedRecord } from '../activities/ActivityBits';
import { ACTIVITY_STATUS_OPTIONS, ACTIVITY_TYPE_OPTIONS, PRIORITY_OPTIONS } from './options';

const fields: readonly FieldSpec[] = [
  { key: 'subject', label: 'customers.activities.fields.subject', kind: 'text', required: true, inCreate: true, maxLength: 300, wide: true },
  { key: 'type', label: 'customers.activities.fields.type', kind: 'enum', options: ACTIVITY_TYPE_OPTIONS, required: true, inCreate: true },
  { key: 'status', label: 'customers.activities.fields.status', kind: 'enum', options: ACTIVITY_STATUS_OPTIONS, required: true },
  { key: 'priority', label: 'customers.activities.fields.priority', kind: 'enum', options: PRIORITY_OPTIONS, required: true, inCreate: true },
  { key: 'dueAt', label: 'customers.activities.fields.dueAt', kind: 'datetime', inCreate: true },
  { key: 'startAt', label: 'customers.activities.fields.startAt', kind: 'datetime', inCreate: true },
  { key: 'endAt', label: 'customers.activities.fields.endAt', kind: 'datetime' },
  { key: 'contactId', label: 'customers.activities.fields.contactId', kind: 'reference', refType: 'contacts', inCreate: true },
  { key: 'completedAt', label: 'customers.activities.fields.completedAt', kind: 'datetime', readOnly: true },
  { key: 'body', label: 'customers.activities.fields.body', kind: 'textarea', wide: true, inCreate: true, maxLength: 50_000 },
];

/** When an activity happened or is due: its start, else its due time, else when it was logged. */
export const activityWhen = (activity: Activity) => activity.startAt ?? activity.dueAt ?? activity.createdAt;

export const activitiesConfig = registerRecordType<Activity>({
  type: 'activities',
  path: '/activities',
  labels: {
    plural: 'customers.activities.plural',
    singular: 'customers.activities.singular',
    create: 'customers.activities.create',
    created: 'customers.activities.created',
    empty: 'customers.activities.empty',
  },
  title: (activity) => activity.subject,
  fields,
  columns: [
    { key: 'subject', label: 'customers.activities.fields.subject', width: 280, sort: 'subject' },
    {
      key: 'type',
      label: 'customers.activities.fields.type',
      width: 130,
      render: (activity) => <ActivityTypeLabel type={activity.type} />,
    },
    {
      key: 'status',
      label: 'customers.activities.fields.status',
      width: 120,
      render: (activity) => <ActivityStatusBadge activity={activity} />,
    },
    { key: 'priority', label: 'customers.activities.fields.priority', width: 110 },
    {
      key: 'when',
      label: 'customers.activities.fields.when',
      width: 180,
      sort: 'occurredAt',
      render: (activity) => formatDateTime(activityWhen(activity), i18n.language),
      text: (activity) => formatDateTime(activityWhen(activity), i18n.language),
    },
    { key: 'dueAt', label: 'customers.activities.fields.dueAt', width: 180, sort: 'dueAt' },
    { key: 'completedAt', label: 'customers.activities.fields.completedAt', width: 180, sort: 'completedAt' },
    {
      key: 'related',
      label: 'customers.activities.fields.related',
      width: 200,
      render: (activity) => <RelatedRecord activity={activity} />,
      text: (activity) => activity.relatedId ?? '',
    },
    { key: 'contactId', label: 'customers.activities.fields.contactId', width: 180 },
    { key: 'ownerId', label: 'records.fields.ownerId', width: 160 },
    { key: 'createdAt', label: 'records.fields.createdAt', width: 180, sort: 'createdAt' },
    { key: 'updatedAt', label: 'records.fields.updatedAt', width: 180, sort: 'updatedAt' },
  ],
  defaultColumns: ['subject', 'type', 'status', 'when', 'related', 'ownerId'],
  primaryColumn: 'subject',
  defaultSort: { field: 'occurredAt', dir: 'desc' },
  filters: [
    { kind: 'enum', field: 'type', label: 'customers.activities.fields.type', options: ACTIVITY_TYPE_OPTIONS },
    { kind: 'enum', field: 'status', label: 'customers.activities.fields.status', options: ACTIVITY_STATUS_OPTIONS },
    { kind: 'enum', field: 'priority', label: 'customers.activities.fields.priority', options: PRIORITY_OPTIONS },
    { kind: 'dateRange', field: 'dueAt', label: 'customers.activities.fields.dueAt' },
    { kind: 'reference', field: 'accountId', label: 'customers.activities.fields.accountId', refType: 'accounts' },
  ],
});
